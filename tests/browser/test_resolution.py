"""The Founding Resolution: every clause has a stable anchor that links can target."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_anchor_organizational_principles_6_targets_the_parity_clause(
    page: Page, registry: None, screenshot: Callable[..., None]
) -> None:
    """S6: the clause rejecting parity is reachable by its anchor and tagged with the rule."""
    page.goto("/resolution/#organizational-principles-6")
    target = page.locator(":target")
    expect(target).to_have_id("organizational-principles-6")
    expect(target).to_contain_text("Parity of votes is regarded as rejected.")
    expect(target.locator(".rule-tag")).to_have_text("S6")
    expect(target).to_be_in_viewport()
    screenshot(page, "resolution.png")
