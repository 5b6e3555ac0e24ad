"""The statistics page: growth chart drawn as SVG, world map of member countries as an image."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_growth_chart_has_a_bar_of_real_height_for_each_year(
    page: Page, registry: None, screenshot: Callable[..., None]
) -> None:
    page.goto("/registry/statistics/")
    bars = page.locator("figure.chart svg g.bar rect")
    expect(bars.first).to_be_visible()
    heights = [box["height"] for box in (bar.bounding_box() for bar in bars.all()) if box]
    assert len(heights) >= 2
    assert all(height > 0 for height in heights)
    assert heights == sorted(heights)  # members at the end of each year only grow in the seed
    expect(page.locator("figure.map img")).to_have_js_property("complete", True)
    screenshot(page, "statistics.png", full_page=True)


def test_the_world_map_loads_and_colours_the_member_countries(page: Page, registry: None) -> None:
    page.goto("/registry/statistics/")
    image = page.locator("figure.map img")
    image.scroll_into_view_if_needed()
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0

    page.goto(image.get_attribute("src") or "")
    members = page.locator("g.country.member")
    expect(members.first).to_be_attached()
    codes = set(members.evaluate_all("groups => groups.map(g => g.classList[0])"))
    assert {"de", "au", "pe"} <= codes
    fills = set(members.evaluate_all("groups => groups.map(g => getComputedStyle(g).fill)"))
    assert fills <= {"rgb(192, 57, 43)", "rgb(123, 29, 20)"}
    assert page.locator("g.country:not(.member)").count() > len(codes)
