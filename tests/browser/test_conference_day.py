"""A whole conference day in the browser: the chair's console and the delegations' pages (issue 12).

The chair opens the session, adds an agenda item without leaving the console, opens the
discussion, holds a consensus round (one delegation agrees, one stands aside, one stays silent)
and a named ballot, confirms each irreversible step in a dialog that names what cannot be
undone, and closes the conference. Two delegations act in their own browsers and follow their
"Now" page live; the third acts from this process. The minutes, as HTML and as the text of the
PDF, must say exactly what was done, position by position and vote by vote.

Live updates need the ASGI server process (see test_live_ballot.py): PostgreSQL only.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.models import Ballot, Conference, ConsensusRound, Motion
from icor.registry.models import Organization
from icor.statute import CLAUSES, Rule
from tests.browser.live import (  # icor_serve_base_url: this module's base_url
    COUNT_READY_STREAMS,
    LIVE_TIMEOUT_MS,
    SERVED_BY_ICOR,
    icor_serve_base_url,  # noqa: F401
    listening,
)
from tests.factories import make_conference, make_delegation, make_user, with_totp

pytestmark = SERVED_BY_ICOR

PRINCIPLED = "On proletarian internationalism"
CURRENT = "Solidarity with the reconstruction of Kobanê"
RESERVATION = "We stand aside: the second paragraph needs a clearer date."


@dataclass(frozen=True)
class Day:
    conference: Conference
    chair: User
    voters: dict[str, User]  # by abbreviation: MLPD and MLKP in browsers, CPA M-L from this process


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def day(registry: None) -> Day:
    """A planned World conference with three accredited delegations, none checked in yet."""
    chair = with_totp(make_user(Role.COMMITTEE))
    conference = make_conference(chair, title="World Conference 2026", in_session=False)
    voters = {}
    for abbreviation in ("MLPD", "MLKP", "CPA M-L"):
        organization = Organization.objects.get(abbreviation=abbreviation)
        _, voter = make_delegation(conference, organization, check_in=False)
        voters[abbreviation] = with_totp(voter)
    return Day(conference, chair, voters)


def confirm(page: Page, button: str, *, cancel_first: bool = False) -> None:
    """Press an irreversible step's button and answer its dialog, which names what cannot be undone."""
    page.get_by_role("button", name=button, exact=True).first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("heading")).to_have_text("This cannot be undone")
    expect(dialog).to_contain_text("cannot be undone:")
    if cancel_first:
        dialog.get_by_role("button", name="Cancel").click()
        expect(dialog).to_be_hidden()
        page.get_by_role("button", name=button, exact=True).first.click()
        expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=button, exact=True).click()


def test_a_conference_day_from_opening_to_minutes(
    day: Day,
    open_page: Callable[..., Page],
    log_in: Callable[[Page, User], Page],
    problems: list[str],
    screenshot: Callable[..., None],
    base_url: str,
) -> None:
    def open_as(user: User) -> Page:
        page = open_page()
        page.context.add_init_script(COUNT_READY_STREAMS)
        return log_in(page, user)

    conference = day.conference
    console_path = f"/conferences/{conference.pk}/chair/"
    mlpd, mlkp, cpa = day.voters["MLPD"], day.voters["MLKP"], day.voters["CPA M-L"]

    # Morning: the chair opens the session and sets the agenda from the console, staying there.
    chair = open_as(day.chair)
    chair.goto(console_path)
    chair.get_by_role("button", name="Open the session").click()
    expect(chair.get_by_role("status")).to_have_text("The session is open.")
    chair.get_by_label("Agenda item").fill("Basis and current affairs")
    chair.get_by_role("button", name="Add to the agenda").click()
    expect(chair.get_by_role("status")).to_have_text("The agenda item is added.")
    assert chair.url.endswith(console_path)
    conference.refresh_from_db()
    assert conference.status == "in_session"
    item = conference.agenda.get()

    # Two delegations check in in their browsers, the third from here.
    delegates = {}
    for abbreviation, voter in (("MLPD", mlpd), ("MLKP", mlkp)):
        page = open_as(voter)
        page.goto(f"/conferences/{conference.pk}/attendance/")
        page.get_by_role("button", name="Check in").click()
        expect(page.get_by_role("status")).to_have_text("Your delegation is checked in.")
        delegates[abbreviation] = page
    services.check_in(delegation=conference.delegations.get(organization=cpa.organization), actor=cpa)

    # The motions of the day, submitted by their organizations.
    principled = services.create_motion(
        agenda_item=item,
        organization=mlpd.organization,  # type: ignore[arg-type]
        actor=mlpd,
        kind="principled",
        title=PRINCIPLED,
        text="The conference affirms proletarian internationalism.",
        submit=True,
    )
    current = services.create_motion(
        agenda_item=item,
        organization=mlkp.organization,  # type: ignore[arg-type]
        actor=mlkp,
        kind="current-affairs",
        title=CURRENT,
        text="The conference calls on every member organization to support the brigades.",
        submit=True,
    )

    # Each delegation follows its "Now" page; the chair its console; all without reloading.
    now = {}
    for abbreviation, page in delegates.items():
        page.goto(f"/conferences/{conference.pk}/now/")
        expect(page.get_by_text("Nothing for your delegation to do right now.")).to_be_visible()
        listening(page)
        page.evaluate("window.__marker = 1")
        now[abbreviation] = page
    chair.goto(console_path)
    expect(chair.locator("#present-heading + div p.count")).to_have_text(
        "3 of 3 accredited delegations present"
    )
    row = chair.locator(f"#console-live li[data-motion='{principled.pk}']")
    expect(row.locator(".state")).to_have_text("submitted")
    # S3: no ballot is offered on a principled question, and S4 concerns founding documents only.
    expect(row.get_by_role("button", name="Conclude the discussion (S4)")).to_have_count(0)
    row.get_by_role("button", name="Open the discussion").click()
    expect(chair.get_by_role("status")).to_have_text("The discussion is open.")
    row = chair.locator(f"#console-live li[data-motion='{principled.pk}']")
    expect(row.locator(".state")).to_have_text("in discussion")
    expect(row.get_by_text("Open a ballot")).to_have_count(0)
    expect(row.get_by_role("button", name="Conclude the discussion (S4)")).to_have_count(0)

    # The consensus round (S2).
    row.get_by_role("button", name="Open a consensus round (S2)").click()
    expect(chair.get_by_role("status")).to_have_text("The consensus round is open.")
    consensus_round = ConsensusRound.objects.get(motion=principled)
    listening(chair)
    chair.evaluate("window.__marker = 1")
    progress = chair.locator(f"#console-live article.round[data-motion='{principled.pk}']")
    expect(progress.locator("p.count")).to_have_text("0 of 3 delegations present have stated a position")

    for page in now.values():
        expect(page.get_by_role("link", name=f"State your position on “{PRINCIPLED}”")).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        assert page.evaluate("window.__marker") == 1

    mlpd_page = now["MLPD"]
    mlpd_page.get_by_role("link", name=f"State your position on “{PRINCIPLED}”").click()
    mlpd_page.get_by_role("radio", name="agree").check()
    mlpd_page.get_by_role("button", name="State our position").click()
    expect(mlpd_page.get_by_role("status")).to_have_text("Your delegation's position is recorded.")
    expect(progress.locator("p.count")).to_have_text(
        "1 of 3 delegations present have stated a position", timeout=LIVE_TIMEOUT_MS
    )
    expect(progress.locator("p.not-stated-list")).to_contain_text("MLKP")
    expect(progress.locator("p.not-stated-list")).to_contain_text("CPA M-L")
    expect(progress.locator("p.not-stated-list")).not_to_contain_text("MLPD")

    mlkp_page = now["MLKP"]
    mlkp_page.get_by_role("link", name=f"State your position on “{PRINCIPLED}”").click()
    mlkp_page.get_by_role("radio", name="stand aside (with a reservation)").check()
    mlkp_page.get_by_label("Reservation or reason").fill(RESERVATION)
    mlkp_page.get_by_role("button", name="State our position").click()
    expect(mlkp_page.get_by_role("status")).to_have_text("Your delegation's position is recorded.")
    expect(progress.locator("p.count")).to_have_text(
        "2 of 3 delegations present have stated a position", timeout=LIVE_TIMEOUT_MS
    )
    expect(progress.locator("p.not-stated-list")).to_have_text("Not stated yet: CPA M-L")
    assert chair.evaluate("window.__marker") == 1
    screenshot(chair, "console-consensus.png", full_page=True)

    # Closing the round is confirmed; cancelling first leaves it open.
    round_button = "Close the consensus round"
    chair.get_by_role("button", name=round_button, exact=True).first.click()
    chair.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    consensus_round.refresh_from_db()
    assert consensus_round.is_open
    confirm(chair, round_button)
    expect(chair.get_by_role("status")).to_have_text("The consensus round is closed.")
    principled.refresh_from_db()
    assert principled.state == "adopted"
    expect(chair.locator(f"#console-live li[data-motion='{principled.pk}'] .state")).to_have_text("adopted")

    # The named ballot on the current-affairs motion (S5).
    row = chair.locator(f"#console-live li[data-motion='{current.pk}']")
    row.get_by_role("button", name="Open the discussion").click()
    row = chair.locator(f"#console-live li[data-motion='{current.pk}']")
    expect(row.locator(".state")).to_have_text("in discussion")
    row.get_by_text("Open a ballot").click()
    row.get_by_role("button", name="Open the ballot").click()
    expect(chair.get_by_role("status")).to_have_text("The ballot is open.")
    ballot = Ballot.objects.get(motion=current)
    listening(chair)
    chair.evaluate("window.__marker = 1")
    count = chair.locator(f"#console-live article.ballot[data-motion='{current.pk}'] p.count")
    expect(count).to_have_text("0 of 3 delegations present have voted")

    for abbreviation, choice in (("MLPD", "yes"), ("MLKP", "no")):
        page = now[abbreviation]
        page.goto(f"/conferences/{conference.pk}/now/")
        page.get_by_role("link", name=f"Vote on “{CURRENT}”").click()
        expect(page.locator("#motion-state")).to_contain_text("ballot open")
        page.get_by_role("radio", name=choice).check()
        page.get_by_role("button", name="Vote", exact=True).click()
        expect(page.get_by_role("status")).to_have_text("Your delegation's vote is counted.")
    expect(count).to_have_text("2 of 3 delegations present have voted", timeout=LIVE_TIMEOUT_MS)
    expect(count.locator("xpath=following-sibling::p[1]")).to_have_text("Not voted yet: CPA M-L")
    services.cast_vote(ballot=ballot, actor=cpa, choice="yes")
    expect(count).to_have_text("3 of 3 delegations present have voted", timeout=LIVE_TIMEOUT_MS)
    assert chair.evaluate("window.__marker") == 1
    screenshot(chair, "console-ballot.png", full_page=True)

    # The delegate's motion page changes its state badge live when the chair closes the ballot.
    watcher = now["MLPD"]
    watcher.goto(f"/conferences/motions/{current.pk}/")
    listening(watcher)
    watcher.evaluate("window.__marker = 1")
    confirm(chair, "Close the ballot", cancel_first=True)
    expect(chair.get_by_role("status")).to_have_text("The ballot is closed.")
    expect(watcher.locator("#motion-state")).to_contain_text("adopted", timeout=LIVE_TIMEOUT_MS)
    assert watcher.evaluate("window.__marker") == 1
    current.refresh_from_db()
    assert current.state == "adopted" and ballot.pk

    # Evening: closing the conference is confirmed; afterwards nothing offers a refused action.
    confirm(chair, "Close the conference")
    expect(chair.get_by_role("status")).to_have_text("The conference is closed.")
    conference.refresh_from_db()
    assert conference.status == "closed"
    for name in ("Add to the agenda", "Open the discussion", "Open a consensus round (S2)", "Defer"):
        expect(chair.get_by_role("button", name=name)).to_have_count(0)
    delegate = now["MLKP"]
    delegate.goto(f"/conferences/{conference.pk}/")
    for name in ("New motion", "Attendance", "Accredit our delegation"):
        expect(delegate.get_by_role("link", name=name, exact=True)).to_have_count(0)
    delegate.goto(f"/conferences/{conference.pk}/attendance/")
    expect(delegate.get_by_role("button", name="Check in")).to_have_count(0)
    expect(delegate.get_by_role("button", name="Check out")).to_have_count(0)
    delegate.goto(f"/conferences/motions/{principled.pk}/")
    expect(delegate.get_by_role("button", name="Co-sponsor for my organization")).to_have_count(0)

    # The minutes say exactly what was done.
    expected_lines = [
        "MLPD: agree",
        f"MLKP: stand aside (with a reservation): “{RESERVATION}”",
        "CPA M-L: not stated",
        "Not stated: CPA M-L.",
        "agree 1 · stand aside 1 · objections 0 · not stated 1 · delegations present 3",
        "MLPD: yes",
        "MLKP: no",
        "CPA M-L: yes",
        "yes 2 · no 1 · abstain 0",
        "ADOPTED · rule S2",
        "ADOPTED · rule S5",
        CLAUSES[Rule.S2].text,
        CLAUSES[Rule.S5].text,
    ]
    chair.goto(f"/conferences/{conference.pk}/minutes/")
    html_text = " ".join(chair.locator(".minutes").inner_text().split())
    for line in expected_lines:
        assert line in html_text, line
    # Attendance: each delegation's arrival and, since the close checked everyone out, its departure.
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d"
    for organization in ("MLPD", "MLKP", "CPA M-L"):
        assert re.search(rf"\({re.escape(organization)}\) (?:(?!\d{{4}}-).)*?{stamp} {stamp}", html_text), (
            organization
        )
    assert "still present" not in html_text
    response = chair.request.get(f"{base_url}/conferences/{conference.pk}/minutes.pdf")
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    pdf_text = " ".join(pages)
    for line in expected_lines:
        assert line in pdf_text, line
    for number, page_text in enumerate(pages, start=1):
        assert conference.title in page_text and f"Page {number} of {len(pages)}" in page_text

    assert Motion.objects.filter(agenda_item__conference=conference, state="adopted").count() == 2
    assert [
        p
        for p in problems
        if not re.search(r"/(live/conference-\d+|status|live|state)/ net::ERR_ABORTED$", p)
    ] == []
