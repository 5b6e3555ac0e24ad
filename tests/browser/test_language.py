"""The language switcher in the header."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_deutsch_reloads_the_page_in_german(
    page: Page, registry: None, screenshot: Callable[..., None]
) -> None:
    page.goto("/registry/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Language").select_option(label="Deutsch")
    page.locator("form.language").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert page.url.endswith("/de/registry/")
    expect(page.locator("#language-select")).to_have_value("de")
    # Country names come from django-countries' catalogues, translated in full.
    expect(page.locator("table.registry")).to_contain_text("Deutschland")
    screenshot(page, "registry-de.png")
