"""A live ballot in two browser sessions: the chair's console and a voting delegate (issue 4, S5).

The live channel streams Server-Sent Events from an async view. pytest-django's live server is a
threaded WSGI server, which collects a streaming response whole before sending it, so an endless
event stream never reaches the browser there. These tests run a real `icor serve` (ASGI) process
instead, on the test database: PostgreSQL only, because SQLite's test database lives in the
memory of the test process.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.models import Ballot, Conference, Motion
from icor.registry.models import Organization
from icor.statute import CLAUSES, Rule, decide_by_vote
from tests.browser.live import (  # icor_serve_base_url: this module's base_url
    COUNT_READY_STREAMS,
    LIVE_TIMEOUT_MS,
    SERVED_BY_ICOR,
    icor_serve_base_url,  # noqa: F401
    listening,
)
from tests.factories import make_conference, make_delegation, make_user, with_totp

pytestmark = SERVED_BY_ICOR

MOTION_TITLE = "Solidarity with the reconstruction of Kobanê"


@dataclass(frozen=True)
class Session:
    conference: Conference
    motion: Motion
    chair: User
    voters: list[User]


@pytest.fixture
def session(registry: None) -> Session:
    """A World conference in session, three delegations checked in, a current-affairs motion in discussion."""
    chair = with_totp(make_user(Role.COMMITTEE))
    conference = make_conference(chair, title="World Conference 2026")
    voters = []
    for abbreviation in ("MLPD", "MLKP", "CPA M-L"):
        organization = Organization.objects.get(abbreviation=abbreviation)
        _, voter = make_delegation(conference, organization)
        voters.append(with_totp(voter))
    item = services.add_agenda_item(conference=conference, actor=chair, title="Current affairs")
    motion = services.create_motion(
        agenda_item=item,
        organization=voters[0].organization,  # type: ignore[arg-type]
        actor=voters[0],
        kind="current-affairs",
        title=MOTION_TITLE,
        text="The conference calls on every member organization to support the brigades.",
        submit=True,
    )
    motion = services.move_motion(motion=motion, actor=chair, target="in_discussion")
    return Session(conference, motion, chair, voters)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_chair_sees_votes_and_the_delegate_sees_the_result_without_reloading(
    session: Session,
    open_page: Callable[..., Page],
    log_in: Callable[[Page, User], Page],
    problems: list[str],
    screenshot: Callable[..., None],
) -> None:
    def open_as(user: User) -> Page:
        page = open_page()
        page.context.add_init_script(COUNT_READY_STREAMS)
        return log_in(page, user)

    motion_path = f"/conferences/motions/{session.motion.pk}/"

    # The chair opens a named ballot on the motion page.
    chair = open_as(session.chair)
    chair.goto(motion_path)
    chair.get_by_text("Open a ballot").click()
    chair.get_by_role("button", name="Open the ballot").click()
    expect(chair.get_by_role("status")).to_have_text("The ballot is open.")
    ballot = Ballot.objects.get(motion=session.motion)
    assert ballot.present.count() == 3

    # The chair's console: 0 of the 3 delegations present have voted.
    chair.goto(f"/conferences/{session.conference.pk}/chair/")
    count = chair.locator(f"#console-live article.ballot[data-motion='{session.motion.pk}'] p.count")
    expect(count).to_have_text("0 of 3 delegations present have voted")
    listening(chair)
    chair.evaluate("window.__marker = 1")

    # The MLPD's voting delegate votes yes in the other browser.
    delegate = open_as(session.voters[0])
    delegate.goto(motion_path)
    delegate.get_by_role("radio", name="yes").check()
    delegate.get_by_role("button", name="Vote", exact=True).click()
    expect(delegate.get_by_role("status")).to_have_text("Your delegation's vote is counted.")
    expect(delegate.get_by_text("Your delegation has voted.")).to_be_visible()
    listening(delegate)
    delegate.evaluate("window.__marker = 1")

    # The console counts it without a reload, and names those who have not voted yet.
    expect(count).to_have_text("1 of 3 delegations present have voted", timeout=LIVE_TIMEOUT_MS)
    expect(count.locator("xpath=following-sibling::p[1]")).to_have_text("Not voted yet: MLKP, CPA M-L")
    assert chair.evaluate("window.__marker") == 1

    # Votes cast elsewhere (here: by this test process) reach the console as well.
    services.cast_vote(ballot=ballot, actor=session.voters[1], choice="yes")
    services.cast_vote(ballot=ballot, actor=session.voters[2], choice="no")
    expect(count).to_have_text("3 of 3 delegations present have voted", timeout=LIVE_TIMEOUT_MS)
    assert chair.evaluate("window.__marker") == 1
    screenshot(chair, "ballot-chair.png")

    # The chair closes the ballot in a second window; the console and the delegate's page
    # show the result without a reload.
    chair_window = open_as(session.chair)
    chair_window.goto(motion_path)
    chair_window.get_by_role("button", name="Close the ballot").click()
    chair_window.get_by_role("dialog").get_by_role("button", name="Close the ballot").click()
    expect(chair_window.get_by_role("status")).to_have_text("The ballot is closed.")
    expected = decide_by_vote("current-affairs", yes=2, no=1, abstain=0, present=3)
    assert (expected.result.value, expected.rule) == ("adopted", Rule.S5)
    outcome = delegate.locator(".outcome")
    expect(outcome.locator(".result")).to_have_text("Adopted · rule S5", timeout=LIVE_TIMEOUT_MS)
    expect(outcome).to_contain_text(expected.explanation)
    expect(outcome.locator("blockquote")).to_have_text(f"“{CLAUSES[Rule.S5].text}”")
    expect(outcome.get_by_role("link", name="Read the clause in the Founding Resolution")).to_have_attribute(
        "href", f"/resolution/#{CLAUSES[Rule.S5].anchor}"
    )
    assert delegate.evaluate("window.__marker") == 1
    expect(chair.locator(".outcome .result")).to_have_text("Adopted · rule S5", timeout=LIVE_TIMEOUT_MS)
    assert chair.evaluate("window.__marker") == 1
    delegate.locator("#ballot-heading").evaluate("heading => heading.scrollIntoView()")
    screenshot(delegate, "ballot-result.png")
    session.motion.refresh_from_db()
    assert session.motion.state == "adopted"
    # Leaving a page ends its event stream and any refresh still under way; the browser reports
    # those requests as aborted. Every other failed request, error or CSP violation counts.
    assert [
        p for p in problems if not re.search(r"/(live/conference-\d+|status|state)/ net::ERR_ABORTED$", p)
    ] == []


def test_the_ballot_page_counts_votes_from_the_events_and_fetches_only_the_result(
    session: Session,
    open_page: Callable[..., Page],
    log_in: Callable[[Page, User], Page],
    problems: list[str],
) -> None:
    """10,000 browsers on a ballot must not each fetch the counts after every nudge: the event
    carries them. Only the closed ballot's rendered result is fetched, once."""
    ballot = services.open_ballot(motion=session.motion, actor=session.chair)
    page = open_page()
    page.context.add_init_script(COUNT_READY_STREAMS)
    log_in(page, session.voters[2])
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/status/" in request.url else None)
    page.goto(f"/conferences/ballots/{ballot.pk}/")
    count = page.locator("p.count")
    expect(count).to_have_text("0 of 3 delegations present have voted")
    listening(page)

    services.cast_vote(ballot=ballot, actor=session.voters[0], choice="yes")
    expect(count).to_have_text("1 of 3 delegations present have voted", timeout=LIVE_TIMEOUT_MS)
    services.cast_vote(ballot=ballot, actor=session.voters[1], choice="yes")
    expect(count).to_have_text("2 of 3 delegations present have voted", timeout=LIVE_TIMEOUT_MS)
    services.cast_vote(ballot=ballot, actor=session.voters[2], choice="no")
    expect(count).to_have_text("3 of 3 delegations present have voted", timeout=LIVE_TIMEOUT_MS)
    assert fetched == []

    services.close_ballot(ballot=ballot, actor=session.chair)
    expect(page.locator(".outcome .result").first).to_have_text("Adopted · rule S5", timeout=LIVE_TIMEOUT_MS)
    assert fetched == [f"{page.url.split('/conferences/')[0]}/conferences/ballots/{ballot.pk}/status/"]
    assert [p for p in problems if not re.search(r"/live/conference-\d+/ net::ERR_ABORTED$", p)] == []
