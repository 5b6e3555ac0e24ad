"""A World conference's attendance in a browser, a page of 100 delegations at a time, live.

The chair reads the second page of the attendance list while a delegation on it checks out in
another browser: the counts and that page change without a reload, and the page stays the
second one. Runs against a real `icor serve` (live events): PostgreSQL only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from icor.accounts.models import Role, User
from icor.conferences import selectors
from icor.registry.models import Organization
from tests.browser.live import (  # icor_serve_base_url: this module's base_url
    COUNT_READY_STREAMS,
    LIVE_TIMEOUT_MS,
    SERVED_BY_ICOR,
    icor_serve_base_url,  # noqa: F401
    listening,
)
from tests.factories import make_conference, make_delegation, make_organization, make_user, with_totp

pytestmark = SERVED_BY_ICOR


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_chair_reads_the_second_page_of_attendance_while_it_changes(
    open_page: Callable[..., Page],
    log_in: Callable[[Page, User], Page],
    problems: list[str],
    screenshot: Callable[..., None],
) -> None:
    chair = with_totp(make_user(Role.COMMITTEE))
    conference = make_conference(chair)
    size = selectors.DELEGATIONS_PER_PAGE + 3
    seats = []
    for number in range(size):
        organization = make_organization(name=f"Party {number:03d}")
        Organization.objects.filter(pk=organization.pk).update(abbreviation=f"P{number:03d}")
        seats.append(make_delegation(conference, organization))

    page = open_page()
    page.context.add_init_script(COUNT_READY_STREAMS)
    log_in(page, chair)
    page.goto(f"/conferences/{conference.pk}/attendance/")
    count = page.locator("#attendance p.count")
    expect(count).to_have_text(f"{size} of {size} accredited delegations present")
    expect(page.locator("#attendance li", has_text="P000")).to_have_count(1)
    page.locator("#attendance nav.pages").get_by_role("link", name="next").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    names = page.locator("#attendance ul.presence li")
    expect(names).to_have_count(3)
    expect(page.locator("#attendance nav.pages span")).to_have_text("2 / 2")
    listening(page)
    page.evaluate("window.__marker = 1")

    # The last delegation checks out in its own browser.
    delegate = open_page()
    log_in(delegate, with_totp(seats[-1][1]))
    delegate.goto(f"/conferences/{conference.pk}/attendance/")
    delegate.get_by_role("button", name="Check out").click()
    expect(delegate.get_by_role("status")).to_have_text("Your delegation is checked out.")

    expect(count).to_have_text(
        f"{size - 1} of {size} accredited delegations present", timeout=LIVE_TIMEOUT_MS
    )
    expect(page.locator("#attendance li.absent", has_text="P102")).to_have_count(1)
    expect(names).to_have_count(3)  # still the second page
    expect(page.locator("#attendance nav.pages span")).to_have_text("2 / 2")
    assert page.evaluate("window.__marker") == 1
    screenshot(page, "attendance-second-page.png")
    assert [
        p
        for p in problems
        if not re.search(r"/(live/conference-\d+|status)/(\?page=2)? net::ERR_ABORTED$", p)
    ] == []
