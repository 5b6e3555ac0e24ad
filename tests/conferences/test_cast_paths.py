"""One set of rules for a cast, whether it commits alone or in a group (icor.core.group_commit).

Every refusal, and every accepted cast, is played over HTTP once with group commit switched
off and once with it on; the answers and what is stored must be the same. A group holding
refusals and accepted casts together must answer and store as its casts one by one. The test database
is transactional here, so that the grouped path really runs (inside an open transaction a
write always runs alone).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test import Client

from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from icor.audit.services import verify_chain
from icor.conferences import services
from icor.conferences.models import Ballot, BallotParticipation, Conference, SecretVote, Vote
from icor.conferences.services import sealing
from icor.conferences.services.casting import Cast, CastResult, commit_casts
from icor.core.group_commit import GroupCommit
from icor.core.refusals import messages_of, status_of
from tests.conferences.conftest import Seat, motion_in_discussion, seats
from tests.factories import make_conference, make_delegation, make_user, with_totp

pytestmark = pytest.mark.django_db(transaction=True)
CSRF_TOKEN = "a" * 32


@dataclass
class Stage:
    conference: Conference
    committee: User
    ballot: Ballot
    first: Seat
    second: Seat


def stage(*, secret: bool = False, allow_changes: bool = False) -> Stage:
    committee = make_user(Role.COMMITTEE)
    conference = make_conference(committee)
    first, second = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, first)
    ballot = services.open_ballot(motion=motion, actor=committee, secret=secret, allow_changes=allow_changes)
    return Stage(conference, committee, ballot, first, second)


def client_of(user: User | None, *, csrf: bool = True) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(with_totp(user))
    if csrf:
        client.cookies["csrftoken"] = CSRF_TOKEN
    return client


def cast(client: Client, ballot: Ballot, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    response = client.post(
        f"/api/conferences/ballots/{ballot.pk}/votes",
        body,
        content_type="application/json",
        headers={"X-CSRFToken": CSRF_TOKEN},
    )
    answer = (
        response.json() if response.headers.get("Content-Type", "").startswith("application/json") else {}
    )
    if answer.get("receipt"):
        answer["receipt"] = "<a receipt>"  # new each time; that there is one is what counts
    return response.status_code, answer


def vote_page(client: Client, ballot: Ballot, choice: str) -> tuple[int, list[str]]:
    response = client.post(f"/conferences/ballots/{ballot.pk}/vote/", {"choice": choice})
    return response.status_code, [str(message) for message in get_messages(response.wsgi_request)]


def duplicate(s: Stage) -> list[object]:
    voter = client_of(s.first.voter)
    return [cast(voter, s.ballot, {"choice": "yes"}), cast(voter, s.ballot, {"choice": "no"})]


def closed(s: Stage) -> list[object]:
    services.close_ballot(ballot=s.ballot, actor=s.committee)
    return [cast(client_of(s.first.voter), s.ballot, {"choice": "yes"})]


def absent(s: Stage) -> list[object]:
    _, latecomer = make_delegation(s.conference)
    return [cast(client_of(latecomer), s.ballot, {"choice": "yes"})]


def wrong_organization(s: Stage) -> list[object]:
    body = {"choice": "yes", "delegation_id": s.second.delegation.pk}
    return [cast(client_of(s.first.voter), s.ballot, body)]


def no_csrf(s: Stage) -> list[object]:
    return [cast(client_of(s.first.voter, csrf=False), s.ballot, {"choice": "yes"})]


def no_session(s: Stage) -> list[object]:
    return [cast(client_of(None), s.ballot, {"choice": "yes"})]


def bad_choice(s: Stage) -> list[object]:
    return [cast(client_of(s.first.voter), s.ballot, {"choice": "maybe"})]


def secret_ballot(s: Stage) -> list[object]:
    voter = client_of(s.first.voter)
    return [cast(voter, s.ballot, {"choice": "yes"}), cast(voter, s.ballot, {"choice": "no"})]


def changes_allowed(s: Stage) -> list[object]:
    voter = client_of(s.first.voter)
    return [cast(voter, s.ballot, {"choice": "yes"}), cast(voter, s.ballot, {"choice": "no"})]


def page_duplicate(s: Stage) -> list[object]:
    page = Client()  # the form's CSRF token is checked like every form's
    page.force_login(with_totp(s.first.voter))
    return [vote_page(page, s.ballot, "yes"), vote_page(page, s.ballot, "no")]


SCENARIOS: dict[str, tuple[Callable[[Stage], list[object]], dict[str, bool], list[int]]] = {
    "duplicate": (duplicate, {}, [201, 409]),
    "closed": (closed, {}, [409]),
    "absent": (absent, {}, [409]),
    "wrong organization": (wrong_organization, {}, [403]),
    "no CSRF": (no_csrf, {}, [403]),
    "no session": (no_session, {}, [401]),
    "bad choice": (bad_choice, {}, [422]),
    "secret ballot": (secret_ballot, {"secret": True}, [201, 409]),
    "changes allowed": (changes_allowed, {"allow_changes": True}, [201, 201]),
    "page, duplicate": (page_duplicate, {}, [302, 302]),
}


def stored(ballot: Ballot) -> dict[str, object]:
    return {
        "votes": sorted(Vote.objects.filter(ballot=ballot).values_list("choice", flat=True)),
        # Sealed while the ballot is open: compared by what they open to with the ballot's key.
        "secret votes": sorted(
            sealing.unseal_all(
                ballot.pk,
                [(v.receipt_hash, bytes(v.sealed)) for v in SecretVote.objects.filter(ballot=ballot)],
            )
        )
        if ballot.secret
        else [],
        "participations": BallotParticipation.objects.filter(ballot=ballot).count(),
        "cast links": AuditEvent.objects.filter(event="ballot.cast", subject=f"ballot:{ballot.pk}").count(),
    }


def play(name: str, *, grouped: bool, settings: Any) -> tuple[list[object], dict[str, object]]:
    scenario, options, _ = SCENARIOS[name]
    settings.GROUP_COMMIT = grouped
    played = stage(**options)
    answers = scenario(played)
    return answers, stored(played.ballot)


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_cast_is_answered_and_stored_alike_alone_and_in_a_group(name: str, settings) -> None:  # type: ignore[no-untyped-def]
    alone_answers, alone_stored = play(name, grouped=False, settings=settings)
    grouped_answers, grouped_stored = play(name, grouped=True, settings=settings)
    assert [answer[0] for answer in alone_answers] == SCENARIOS[name][2]  # type: ignore[index]
    assert grouped_answers == alone_answers
    assert grouped_stored == alone_stored
    assert verify_chain().ok


def test_writes_waiting_together_share_one_transaction_and_keep_their_own_answers(settings) -> None:  # type: ignore[no-untyped-def]
    """The leader's write holds the group open until three others wait; they are handed to the
    batch together, in one transaction, and a refusal among them reaches only its own request."""
    settings.GROUP_COMMIT = True
    everyone_waits = threading.Event()
    batches: list[list[str]] = []

    def batch(items: Sequence[str]) -> list[int | Exception]:
        if items == ["leader"]:
            everyone_waits.wait(timeout=10)
        batches.append(list(items))
        with connection.cursor() as cursor:
            cursor.execute("SELECT txid_current()" if connection.vendor == "postgresql" else "SELECT 0")
            txid = int(cursor.fetchone()[0])
        return [Refused(item) if item == "refused" else txid for item in items]

    groups: GroupCommit[str, int] = GroupCommit(batch)
    results: dict[str, object] = {}

    def submit(name: str) -> None:
        try:
            results[name] = groups.run(name)
        except Refused as error:
            results[name] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=("leader",))]
    threads[0].start()
    wait_until(lambda: groups.leading and not groups.waiting)  # the leader took its group

    def waiting(count: int) -> Callable[[], bool]:
        return lambda: len(groups.waiting) == count

    for count, name in enumerate(("a", "refused", "b"), start=1):  # queued in this order
        threads.append(threading.Thread(target=submit, args=(name,)))
        threads[-1].start()
        wait_until(waiting(count))
    everyone_waits.set()
    for thread in threads:
        thread.join(timeout=30)
    assert batches == [["leader"], ["a", "refused", "b"]]
    assert isinstance(results["refused"], Refused)
    if connection.vendor == "postgresql":
        # The leader ran alone (nobody waited yet); the three that waited shared one transaction.
        assert results["a"] == results["b"] != results["leader"]
    assert transaction.get_autocommit()


def test_a_group_holding_every_refusal_is_answered_and_stored_as_its_casts_one_by_one() -> None:
    """The casts of one group are checked in their order as if committed one after another:
    the same answers and the same rows as when each commits alone."""

    def play(*, grouped: bool) -> tuple[list[object], list[dict[str, object]]]:
        named, secret = stage(), stage(secret=True, allow_changes=True)
        closed = stage()
        services.close_ballot(ballot=closed.ballot, actor=closed.committee)
        latecomer = Seat(*make_delegation(named.conference))

        def cast(s: Stage, seat: Seat, choice: str, receipt: str = "") -> Cast:
            return Cast(s.ballot.pk, seat.voter, choice, receipt)

        casts = [
            cast(named, named.first, "yes"),
            cast(named, named.first, "no"),  # voted already, no changes allowed
            cast(named, latecomer, "yes"),  # not present
            cast(closed, closed.first, "yes"),  # closed
            cast(named, named.second, "abstain"),
            cast(secret, secret.first, "no"),
            cast(secret, secret.first, "yes", receipt="WRONG-CODE"),  # changes need the receipt
            cast(secret, secret.second, "abstain"),
        ]
        if grouped:
            with transaction.atomic():
                answers = commit_casts(casts)
        else:
            answers = []
            for one in casts:
                with transaction.atomic():
                    answers += commit_casts([one])
        return [shown(answer) for answer in answers], [stored(s.ballot) for s in (named, secret, closed)]

    alone = play(grouped=False)
    assert play(grouped=True) == alone
    assert [answer[0] for answer in alone[0]] == [201, 409, 409, 409, 201, 201, 422, 201]  # type: ignore[index]
    assert verify_chain().ok


def shown(answer: object) -> tuple[int, object]:
    """A commit's answer as the voter would see it."""
    if isinstance(answer, ValidationError):
        return status_of(answer), messages_of(answer)
    assert isinstance(answer, CastResult)
    return 201, (answer.changed, answer.receipt is not None)


class Refused(Exception):
    pass


def wait_until(condition: Callable[[], bool]) -> None:
    for _ in range(1000):
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError("the writes did not line up")
