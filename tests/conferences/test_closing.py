"""Closing a ballot: minimum open time, scheduled close (command and lazy), the stored result."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.conferences import services
from icor.conferences.models import Ballot, Conference
from tests.conferences.conftest import Seat, motion_in_discussion, seats

pytestmark = pytest.mark.django_db


@pytest.fixture
def present(conference: Conference) -> list[Seat]:
    return seats(conference, 2)


def open_ballot(conference: Conference, committee: User, present: list[Seat], **options: object) -> Ballot:
    motion = motion_in_discussion(conference, committee, present[0])
    return services.open_ballot(motion=motion, actor=committee, **options)  # type: ignore[arg-type]


def test_a_ballot_cannot_be_closed_before_its_minimum_open_time(
    conference: Conference, committee: User, present: list[Seat]
) -> None:
    ballot = open_ballot(conference, committee, present, minimum_minutes=10)
    with pytest.raises(ValidationError, match="minimum open time"):
        services.close_ballot(ballot=ballot, actor=committee)
    assert Ballot.objects.get().is_open
    assert ballot.open_until_at_least is not None
    closed = services.close_ballot(ballot=ballot, actor=committee, now=ballot.open_until_at_least)
    assert not closed.is_open


def test_the_scheduled_close_cannot_come_before_the_minimum_open_time(
    conference: Conference, committee: User, present: list[Seat]
) -> None:
    with pytest.raises(ValidationError, match="minimum open time"):
        open_ballot(conference, committee, present, minimum_minutes=10, closes_in_minutes=5)


def test_close_due_closes_only_ballots_past_their_close_time(
    conference: Conference, committee: User, present: list[Seat]
) -> None:
    due = open_ballot(conference, committee, present, closes_in_minutes=5)
    services.cast_vote(ballot=due, actor=present[0].voter, choice="yes")
    assert services.close_due_ballots() == []
    assert due.closes_at is not None
    closed = services.close_due_ballots(now=due.closes_at)
    assert [b.pk for b in closed] == [due.pk]
    event = AuditEvent.objects.get(event="ballot.closed")
    assert event.actor_role == "" and event.data["outcome"]["outcome"] == "adopted"


def test_a_ballot_read_after_its_close_time_is_closed_then(
    conference: Conference, committee: User, present: list[Seat]
) -> None:
    ballot = open_ballot(conference, committee, present, closes_in_minutes=1)
    Ballot.objects.filter(pk=ballot.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    ballot.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    ballot.refresh_from_db()
    assert not ballot.is_open and ballot.outcome is not None


def test_the_close_due_command_reports_what_it_closed(
    conference: Conference, committee: User, present: list[Seat], capsys: pytest.CaptureFixture[str]
) -> None:
    ballot = open_ballot(conference, committee, present, closes_in_minutes=1)
    Ballot.objects.filter(pk=ballot.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    call_command("conferences", "close-due")
    assert f"closed ballot {ballot.pk}" in capsys.readouterr().out
    assert not Ballot.objects.get().is_open


def test_the_result_command_prints_the_stored_outcome(
    conference: Conference, committee: User, present: list[Seat], capsys: pytest.CaptureFixture[str]
) -> None:
    ballot = open_ballot(conference, committee, present)
    with pytest.raises(CommandError, match="still open"):
        call_command("conferences", "result", str(ballot.pk))
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no")
    closed = services.close_ballot(ballot=ballot, actor=committee)
    capsys.readouterr()
    call_command("conferences", "result", str(ballot.pk))
    printed = json.loads(capsys.readouterr().out)
    assert printed == closed.outcome
    assert printed["outcome"] == "rejected" and printed["rule"] == "S5"
    with pytest.raises(CommandError, match="no ballot"):
        call_command("conferences", "result", "999999")


def test_a_closed_ballot_is_not_closed_twice(
    conference: Conference, committee: User, present: list[Seat]
) -> None:
    ballot = open_ballot(conference, committee, present)
    services.close_ballot(ballot=ballot, actor=committee)
    with pytest.raises(ValidationError, match="closed already"):
        services.close_ballot(ballot=ballot, actor=committee)
    assert AuditEvent.objects.filter(event="ballot.closed").count() == 1
