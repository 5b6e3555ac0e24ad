"""An organization's own page, reached from the registry list."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_s_page_shows_its_facts_and_membership_history(
    page: Page, registry: None, screenshot: Callable[..., None]
) -> None:
    page.goto("/registry/")
    page.get_by_role("link", name="Marxistisch-Leninistische Partei Deutschlands").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Marxistisch-Leninistische Partei Deutschlands")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("Marxist-Leninist Party of Germany")
    expect(facts).to_contain_text("MLPD")
    expect(facts).to_contain_text("Germany")
    expect(facts).to_contain_text("Europe")
    expect(facts.locator("dd").nth(4)).to_have_text("member")
    expect(page.get_by_role("heading", name="Membership history")).to_be_visible()
    expect(page.locator("main table tbody tr").first).to_contain_text("2010")
    screenshot(page, "organization.png")
