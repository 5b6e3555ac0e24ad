"""Every public page loads its own CSS and htmx and runs without console errors or CSP violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/registry/",
    "/registry/?q=party&continent=Europe",
    "/registry/de-mlpd/",
    "/registry/statistics/",
    "/registry/map.svg",
    "/resolution/",
    "/registry/apply/",
    "/accounts/login/",
    "/de/registry/",
]
ACCENT = "rgb(179, 38, 30)"  # --accent in icor/site.css


def test_no_public_page_logs_a_console_error_or_csp_violation(
    page: Page, problems: list[str], registry: None
) -> None:
    found = {}
    for path in PAGES:
        page.goto(path, wait_until="networkidle")
        if problems:
            found[path] = list(problems)
            problems.clear()
    assert found == {}


def test_the_site_stylesheet_and_htmx_are_loaded(page: Page, registry: None) -> None:
    page.goto("/registry/", wait_until="networkidle")
    assert page.locator("header.site").evaluate("el => getComputedStyle(el).backgroundColor") == ACCENT
    assert page.evaluate("typeof window.htmx") == "object"


def test_an_htmx_filter_swap_logs_no_console_error(page: Page, problems: list[str], registry: None) -> None:
    page.goto("/registry/")
    page.get_by_label("Continent").select_option("Asia")
    expect(page.locator("#results .count")).not_to_have_text("63 organizations")
    page.wait_for_load_state("networkidle")
    assert problems == []
