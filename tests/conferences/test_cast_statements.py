"""What a cast costs the database: its statements are counted, so that they cannot grow back.

A cast runs under its ballot's row lock and, at its end, the audit chain's head lock: every
statement there is time other casts wait. A group of casts (group commit) must cost the
statements of one cast, not one cast's statements per vote.
"""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from icor.accounts.models import Role
from icor.conferences import services
from icor.conferences.models import Ballot, Vote
from icor.conferences.services.casting import Cast, commit_casts
from tests.conferences.conftest import Seat, browser, motion_in_discussion, seats
from tests.factories import make_conference, make_user

pytestmark = pytest.mark.django_db

# The request's session, account and second-factor check, then in the transaction:
# the ballot locked (with its motion and agenda item), the voter's seat (with its organization's
# membership), presence and earlier vote, the vote, the live event (PostgreSQL), the audit head
# locked, the audit link, the head moved.
ONE_CAST_OVER_HTTP = 11
# The transaction alone, for any number of casts: lock, seats, presence and earlier votes, the
# votes, the live event, head, links, head.
ONE_COMMIT = 8


def open_ballot(size: int, **options: bool) -> tuple[Ballot, list[Seat]]:
    committee = make_user(Role.COMMITTEE)
    conference = make_conference(committee)
    present = seats(conference, size)
    motion = motion_in_discussion(conference, committee, present[0])
    return services.open_ballot(motion=motion, actor=committee, **options), present


def statements(capture: CaptureQueriesContext) -> list[str]:
    """The statements sent, without the savepoints Django's test case wraps around them."""
    return [q["sql"] for q in capture.captured_queries if "SAVEPOINT" not in q["sql"].upper()]


def test_one_cast_over_http_runs_a_fixed_number_of_statements() -> None:
    ballot, present = open_ballot(2)
    client = browser(present[0].voter)
    client.get("/")  # the session is loaded once before counting
    with CaptureQueriesContext(connection) as capture:
        response = client.post(
            f"/api/conferences/ballots/{ballot.pk}/votes",
            {"choice": "yes"},
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    sent = statements(capture)
    expected = ONE_CAST_OVER_HTTP if connection.vendor == "postgresql" else ONE_CAST_OVER_HTTP - 1
    assert len(sent) <= expected, "\n".join(sent)


@pytest.mark.parametrize("secret", [False, True])
def test_a_group_of_casts_costs_the_statements_of_one(secret: bool) -> None:
    ballot, present = open_ballot(6, secret=secret)
    casts = [
        Cast(ballot.pk, seat.voter, ("yes", "no", "abstain")[number % 3])
        for number, seat in enumerate(present)
    ]
    counts = []
    for group in (casts[:1], casts[1:]):
        with CaptureQueriesContext(connection) as capture, transaction.atomic():
            answers = commit_casts(group)
        assert not [answer for answer in answers if isinstance(answer, Exception)]
        counts.append(len(statements(capture)))
    expected = ONE_COMMIT if connection.vendor == "postgresql" else ONE_COMMIT - 1
    # A secret cast writes two rows (participation and sealed choice), in two statements.
    assert counts == [expected + secret] * 2
    if not secret:
        assert Vote.objects.filter(ballot=ballot).count() == len(present)
