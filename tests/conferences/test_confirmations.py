"""Irreversible steps of a conference are confirmed on the server: a form posted without the dialog
(no JavaScript) is answered with a confirmation page naming what cannot be undone, and only that
page's form takes the step."""

from __future__ import annotations

import pytest

from icor.accounts.models import User
from icor.conferences import services
from icor.conferences.confirmations import (
    CLOSE_BALLOT,
    CLOSE_CONFERENCE,
    CLOSE_ROUND,
    CONCLUDE_DISCUSSION,
    WITHDRAW_MOTION,
)
from icor.conferences.models import Ballot, Conference, ConferenceStatus, ConsensusRound, Motion
from tests.conferences.conftest import browser, motion_in_discussion, seats
from tests.confirming import step_without_javascript
from tests.factories import make_conference

pytestmark = pytest.mark.django_db


def state_of(motion: Motion) -> str:
    motion.refresh_from_db()
    return motion.state


def test_closing_a_ballot_waits_for_the_confirmation(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a)
    ballot = services.open_ballot(motion=motion, actor=committee)
    console = f"/conferences/{conference.pk}/chair/"
    page = step_without_javascript(
        browser(committee),
        f"/conferences/motions/{motion.pk}/close_ballot/",
        {"next": console},
        says=str(CLOSE_BALLOT.message),
        done=lambda: not Ballot.objects.get(pk=ballot.pk).is_open,
    )
    # Cancel leads back to the console the form was posted from; the button says what it does.
    assert f'<a href="{console}">Cancel</a>' in page
    assert f'class="danger">{CLOSE_BALLOT.label}</button>' in page


def test_closing_a_consensus_round_waits_for_the_confirmation(
    conference: Conference, committee: User
) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    step_without_javascript(
        browser(committee),
        f"/conferences/motions/{motion.pk}/close_round/",
        {"next": f"/conferences/motions/{motion.pk}/"},
        says=str(CLOSE_ROUND.message),
        done=lambda: not ConsensusRound.objects.get(pk=consensus_round.pk).is_open,
    )


def test_concluding_the_discussion_waits_for_the_confirmation(
    conference: Conference, committee: User
) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="founding-document")
    step_without_javascript(
        browser(committee),
        f"/conferences/motions/{motion.pk}/conclude/",
        {},
        says=str(CONCLUDE_DISCUSSION.message),
        done=lambda: Motion.objects.get(pk=motion.pk).discussion_concluded,
    )


def test_withdrawing_a_motion_waits_for_the_confirmation(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a)
    step_without_javascript(
        browser(a.voter),
        f"/conferences/motions/{motion.pk}/withdrawn/",
        {},
        says=str(WITHDRAW_MOTION.message),
        done=lambda: state_of(motion) == "withdrawn",
    )


def test_closing_the_conference_waits_for_the_confirmation(conference: Conference, committee: User) -> None:
    step_without_javascript(
        browser(committee),
        f"/conferences/{conference.pk}/advance/",
        {"next": f"/conferences/{conference.pk}/chair/"},
        says=str(CLOSE_CONFERENCE.message),
        done=lambda: Conference.objects.get(pk=conference.pk).status == ConferenceStatus.CLOSED,
    )


def test_opening_the_session_is_no_step_to_confirm(committee: User) -> None:
    planned = make_conference(committee, in_session=False)
    response = browser(committee).post(f"/conferences/{planned.pk}/advance/")
    assert response.status_code == 302
    assert Conference.objects.get(pk=planned.pk).status == ConferenceStatus.IN_SESSION


def test_steps_that_can_be_undone_are_not_asked(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a)
    response = browser(committee).post(f"/conferences/motions/{motion.pk}/deferred/")
    assert response.status_code == 302 and state_of(motion) == "deferred"


def test_a_refused_step_is_refused_after_the_confirmation_too(
    conference: Conference, committee: User
) -> None:
    """The confirmation decides nothing: the service still decides who may (S11)."""
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a)
    other = browser(b.voter)
    path = f"/conferences/motions/{motion.pk}/withdrawn/"
    assert "This cannot be undone" in other.post(path).content.decode()
    refused = other.post(path, {"confirmed": "1"}, follow=True).content.decode()
    assert "S11" in refused and state_of(motion) == "in_discussion"
