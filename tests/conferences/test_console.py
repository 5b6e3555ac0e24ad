"""The chair's console, the motion page's steps and the delegation's Now page offer only what the
statute and the transition table allow, and nothing once the conference is closed."""

from __future__ import annotations

import pytest

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.console import chair_steps, console, delegation_now
from icor.conferences.models import Conference
from icor.conferences.transitions import TRANSITIONS, MotionState, Mover
from tests.conferences.conftest import browser, motion_in_discussion, seats
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def actions(conference: Conference, motion_pk: int) -> list[str]:
    row = next(r for item in console(conference).agenda for r in item.motions if r.motion.pk == motion_pk)
    return [step.action for step in row.steps]


def test_the_chairs_moves_come_from_the_transition_table(conference: Conference, committee: User) -> None:
    (seat,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, seat)
    services.move_motion(motion=motion, actor=committee, target="deferred")
    motion.refresh_from_db()
    table = [
        t.value for (s, t), who in TRANSITIONS.items() if s is MotionState.DEFERRED and who is Mover.CHAIR
    ]
    assert [step.action for step in chair_steps(motion, conference=conference)] == table == ["in_discussion"]


def test_s4_conclusion_is_offered_on_founding_document_motions_only(
    conference: Conference, committee: User
) -> None:
    (seat,) = seats(conference, 1)
    principled = motion_in_discussion(conference, committee, seat, kind="principled", title="Basis")
    founding = motion_in_discussion(conference, committee, seat, kind="founding-document", title="Statute")
    current = motion_in_discussion(conference, committee, seat, title="Kobanê")
    # S3: never a ballot on a principled question; S4: a ballot on founding documents after the conclusion.
    assert actions(conference, principled.pk) == ["deferred", "open_round"]
    assert actions(conference, founding.pk) == ["deferred", "conclude", "open_round"]
    assert actions(conference, current.pk) == ["deferred", "open_round", "open_ballot"]
    services.conclude_discussion(motion=founding, actor=committee)
    assert actions(conference, founding.pk) == ["deferred", "open_round", "open_ballot"]


def test_closing_a_round_or_ballot_is_confirmed_and_names_what_cannot_be_undone(
    conference: Conference, committee: User
) -> None:
    a, _ = seats(conference, 2)
    principled = motion_in_discussion(conference, committee, a, kind="principled", title="Basis")
    current = motion_in_discussion(conference, committee, a, title="Kobanê")
    services.open_consensus_round(motion=principled, actor=committee)
    services.open_ballot(motion=current, actor=committee)
    page = browser(committee).get(f"/conferences/{conference.pk}/chair/").content.decode()
    assert page.count('data-confirm="Closing the round cannot be undone') == 1
    assert page.count('data-confirm="Closing the ballot cannot be undone') == 1
    assert '<dialog id="confirm-dialog"' in page and "icor/confirm.js" in page
    # While a round or a ballot is open the conference cannot be closed: no button is offered.
    assert "Close the conference" not in page
    assert "0</strong> of 2 delegations present have stated a position" in page


def test_the_console_lists_who_has_and_has_not_stated(conference: Conference, committee: User) -> None:
    a, b, c = seats(conference, 3)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    services.state_position(
        consensus_round=consensus_round, actor=b.voter, position="object", statement="No."
    )
    (row,) = console(conference).rounds
    assert row.progress is not None
    assert (row.progress.present, len(row.progress.stated), row.progress.objections) == (3, 1, 1)
    assert {r.delegation for r in row.progress.not_stated} == {a.delegation, c.delegation}
    live = browser(committee).get(f"/conferences/{conference.pk}/chair/live/").content.decode()
    assert "Not stated yet:" in live and a.delegation.organization.short_name in live


def test_adding_an_agenda_item_stays_on_the_console(conference: Conference, committee: User) -> None:
    console_path = f"/conferences/{conference.pk}/chair/"
    response = browser(committee).post(
        f"/conferences/{conference.pk}/agenda/", {"title": "Reports", "next": console_path}
    )
    assert response.status_code == 302 and response["Location"] == console_path
    elsewhere = browser(committee).post(
        f"/conferences/{conference.pk}/agenda/", {"title": "More", "next": "https://example.org/"}
    )
    assert elsewhere["Location"] == f"/conferences/{conference.pk}/"


def test_after_the_close_nothing_offers_an_action_that_would_be_refused(
    conference: Conference, committee: User
) -> None:
    (seat,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, seat)
    services.advance_conference(conference=conference, actor=committee)
    conference.refresh_from_db()
    assert actions(conference, motion.pk) == []
    chair_page = browser(committee).get(f"/conferences/{conference.pk}/chair/").content.decode()
    for refused in ("Add to the agenda", "Close the conference", "Open a consensus round", "Defer"):
        assert refused not in chair_page
    voter = browser(seat.voter)
    detail = voter.get(f"/conferences/{conference.pk}/").content.decode()
    assert "New motion" not in detail and "Accredit our delegation" not in detail
    attendance = voter.get(f"/conferences/{conference.pk}/attendance/").content.decode()
    assert "Check in" not in attendance and "Check out" not in attendance
    motion_page = voter.get(f"/conferences/motions/{motion.pk}/").content.decode()
    assert "Withdraw" not in motion_page
    for form_page, button in (("motions/new/", "Save"), ("accreditation/", "Accredit")):
        page = voter.get(f"/conferences/{conference.pk}/{form_page}").content.decode()
        assert "The conference is closed" in page and f">{button}</button>" not in page


def test_the_motion_page_tells_the_state_before_the_discussion_opens(
    conference: Conference, committee: User
) -> None:
    (seat,) = seats(conference, 1)
    item = services.add_agenda_item(conference=conference, actor=committee, title="Resolutions")
    motion = services.create_motion(
        agenda_item=item,
        organization=seat.delegation.organization,
        actor=seat.voter,
        kind="current-affairs",
        title="Kobanê",
        text="Solidarity.",
        submit=True,
    )
    page = browser(seat.voter).get(f"/conferences/motions/{motion.pk}/").content.decode()
    assert "the chair has not opened the discussion yet" in page
    assert "Discussion</dt><dd>open" not in page


def test_the_cosponsor_button_disappears_after_cosponsoring(conference: Conference, committee: User) -> None:
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a)
    officer = browser(b.voter)
    path = f"/conferences/motions/{motion.pk}/"
    assert "Co-sponsor for my organization" in officer.get(path).content.decode()
    officer.post(f"{path}cosponsor/")
    assert "Co-sponsor for my organization" not in officer.get(path).content.decode()


def test_the_debate_page_links_back_to_its_motion(conference: Conference, committee: User) -> None:
    (seat,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, seat)
    page = browser(seat.voter).get(f"/debate/motions/{motion.pk}/").content.decode()
    assert f'href="/conferences/motions/{motion.pk}/"' in page


def test_a_delegation_sees_what_it_still_has_to_do(conference: Conference, committee: User) -> None:
    a, b = seats(conference, 2)
    principled = motion_in_discussion(conference, committee, a, kind="principled", title="Basis")
    current = motion_in_discussion(conference, committee, a, title="Kobanê")
    consensus_round = services.open_consensus_round(motion=principled, actor=committee)
    ballot = services.open_ballot(motion=current, actor=committee)
    seat_a = a.delegation.delegates.get()
    assert [t.motion.pk for t in delegation_now(seat_a, conference).open_tasks] == [principled.pk, current.pk]
    services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")
    services.cast_vote(ballot=ballot, actor=a.voter, choice="yes")
    now = delegation_now(seat_a, conference)
    assert now.open_tasks == [] and [t.done for t in now.tasks] == ["agree", "voted"]
    page = browser(b.voter).get(f"/conferences/{conference.pk}/now/").content.decode()
    assert "State your position on “Basis”" in page and "Vote on “Kobanê”" in page
    outsider = make_user(Role.OFFICER)
    assert browser(outsider).get(f"/conferences/{conference.pk}/now/").status_code == 403


def test_the_motion_record_names_the_delegations_that_stated_nothing(
    conference: Conference, committee: User
) -> None:
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")
    services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    page = browser(a.voter).get(f"/conferences/motions/{motion.pk}/").content.decode()
    assert f"Not stated: {b.delegation.organization.short_name}." in page
