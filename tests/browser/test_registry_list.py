"""The member registry in the browser: all members listed, filters applied by htmx in place."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_list_shows_all_63_members(page: Page, registry: None, screenshot: Callable[..., None]) -> None:
    page.goto("/registry/")
    expect(page.locator("#results .count")).to_have_text("63 organizations")
    expect(page.locator("table.registry tbody tr")).to_have_count(63)
    screenshot(page, "registry.png")


def test_typing_in_the_search_box_filters_without_reloading_the_page(page: Page, registry: None) -> None:
    page.goto("/registry/")
    # A full page load would throw this marker away; an htmx swap keeps it.
    page.evaluate("window.icorNoReload = true")
    page.get_by_label("Search").press_sequentially("maoist")
    expect(page.locator("#results .count")).not_to_have_text("63 organizations")
    expect(page.locator("table.registry tbody")).to_contain_text("Rossiyskaya Maoistskaya Partiya")
    expect(page.locator("table.registry tbody")).not_to_contain_text("MLPD")
    assert page.evaluate("window.icorNoReload") is True
    assert "q=maoist" in page.url  # hx-push-url keeps the filtered list linkable


def test_the_continent_select_filters_the_table(page: Page, registry: None) -> None:
    page.goto("/registry/")
    page.evaluate("window.icorNoReload = true")
    page.get_by_label("Continent").select_option("Oceania")
    expect(page.locator("table.registry tbody")).to_contain_text("Communist Party of Australia")
    rows = page.locator("table.registry tbody tr")
    expect(rows).not_to_have_count(63)
    continents = set(page.locator("table.registry tbody tr td:first-child").all_inner_texts())
    assert continents == {"Oceania"}
    assert page.evaluate("window.icorNoReload") is True
