"""Two submissions for one delegation at the same moment: exactly one vote is stored."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from icor.accounts.models import User
from icor.conferences import services
from icor.conferences.models import Ballot, BallotParticipation, SecretVote, Vote
from tests.conferences.conftest import motion_in_discussion, seats
from tests.factories import make_conference

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: two connections writing at once (SQLite serializes whole transactions)",
    ),
]


def cast_twice_at_once(ballot: Ballot, voter: User) -> list[object]:
    barrier = threading.Barrier(2)
    results: list[object] = []
    lock = threading.Lock()

    def cast(choice: str) -> None:
        try:
            barrier.wait(timeout=10)
            outcome: object = services.cast_vote(ballot=ballot, actor=voter, choice=choice)
        except ValidationError as error:
            outcome = error
        finally:
            connection.close()  # each thread had its own connection
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=cast, args=(choice,)) for choice in ("yes", "no")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("secret", [False, True])
def test_a_double_submission_at_the_same_moment_stores_one_vote(committee: User, secret: bool) -> None:
    conference = make_conference(committee)
    first, _ = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, first)
    ballot = services.open_ballot(motion=motion, actor=committee, secret=secret)
    results = cast_twice_at_once(ballot, first.voter)
    refusals = [r for r in results if isinstance(r, ValidationError)]
    assert len(results) == 2 and len(refusals) == 1
    assert "voted in this ballot already" in refusals[0].messages[0]
    if secret:
        assert (BallotParticipation.objects.count(), SecretVote.objects.count()) == (1, 1)
    else:
        assert Vote.objects.count() == 1
