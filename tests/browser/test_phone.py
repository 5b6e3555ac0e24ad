"""On a phone the pages fit the screen: wide tables scroll inside their own box."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# With mobile emulation window.innerWidth grows to a page that overflows (the phone zooms out),
# so the page is measured against the layout viewport, which stays at the phone's width.
FITS_THE_SCREEN = "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"


PAGES = ["/registry/", "/registry/de-mlpd/", "/registry/statistics/", "/resolution/", "/registry/apply/"]


def test_no_page_overflows_the_width_of_a_phone(open_page: Callable[..., Page], registry: None) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    overflowing = {}
    for path in PAGES:
        page.goto(path)
        if not page.evaluate(FITS_THE_SCREEN):
            overflowing[path] = page.evaluate("document.documentElement.scrollWidth")
    assert overflowing == {}


def test_the_registry_table_scrolls_inside_its_own_box_on_a_phone(
    open_page: Callable[..., Page], registry: None, screenshot: Callable[..., None]
) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/registry/")
    wrap = page.locator(".table-wrap")
    assert wrap.evaluate("el => getComputedStyle(el).overflowX") == "auto"
    assert wrap.evaluate("el => el.clientWidth") <= PHONE["width"]
    screenshot(page, "registry-phone.png")
