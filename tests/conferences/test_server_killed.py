"""A server process killed during a ballot loses no acknowledged vote (issue 4, S5).

Forty delegations cast their votes over HTTP against a real `icor serve` process. Once about
half have been acknowledged (HTTP 201), the process is killed with SIGKILL (no graceful
shutdown) while other casts are still under way. Nothing acknowledged may be lost, no
delegation may hold two votes, and a cast that got no answer is either stored once or not at
all. A new server process then takes the remaining casts: a delegation whose vote had in fact
been stored is refused as having voted already, the others are accepted; the closed ballot
counts exactly one vote per delegation, and the audit chain is intact.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from icor.audit.services import verify_chain
from icor.conferences import services
from icor.conferences.models import Ballot, BallotParticipation, SecretVote, Vote
from icor.conferences.services.casting import DOUBLE_VOTE
from tests.conferences.conftest import Seat, motion_in_discussion
from tests.factories import make_conference, make_organization, make_user
from tests.live.servers import icor_server, running_server, shared_database_url

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the server process must share the test database, and a second "
        "process cannot see pytest's in-memory SQLite database",
    ),
]

DELEGATIONS = 40
THREADS = 8
CHOICES = ("yes", "no", "abstain")
# Bounds on every wait: the test fails after this long instead of hanging.
REQUEST_SECONDS = 10.0
HALF_ACKNOWLEDGED_SECONDS = 20.0
DISCONNECT_SECONDS = 10.0
# The killed server's database sessions carry this name, so the test can wait until they are gone.
KILLED_SERVER_NAME = "icor-killed-during-ballot"


@dataclass(frozen=True)
class Voter:
    delegation_id: int
    session_key: str
    choice: str


@dataclass(frozen=True)
class Answer:
    """What one cast got back: an HTTP status and its detail, or nothing (status None)."""

    status: int | None
    detail: str = ""


def voters_of(count: int, committee: User, *, secret: bool = False) -> tuple[Ballot, list[Voter]]:
    """A conference in session, `count` delegations checked in, an open current-affairs ballot."""
    conference = make_conference(committee)
    seats = []
    for _ in range(count):
        organization = make_organization()
        officer = make_user(Role.OFFICER, organization)
        # A delegate holds the vote: the site requires a second factor of officers, not of delegates.
        delegate = make_user(Role.DELEGATE, organization)
        delegation = services.accredit_delegation(
            conference=conference,
            organization=organization,
            actor=officer,
            delegates=[delegate],
            voting_delegate=delegate,
        )
        services.check_in(delegation=delegation, actor=delegate)
        seats.append(Seat(delegation, delegate))
    motion = motion_in_discussion(conference, committee, seats[0])
    ballot = services.open_ballot(motion=motion, actor=committee, secret=secret)
    voters = [
        Voter(seat.delegation.pk, session_of(seat.voter), CHOICES[number % len(CHOICES)])
        for number, seat in enumerate(seats)
    ]
    return ballot, voters


def session_of(user: User) -> str:
    """A logged-in session stored in the shared database, as a login through the site leaves it."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def named_database_url(name: str) -> str:
    return f"{shared_database_url()}?application_name={name}"


class Burst:
    """Casts over HTTP from a thread pool; fires `half_acknowledged` at the `kill_after`-th 201."""

    def __init__(self, base: str, ballot: Ballot, *, kill_after: int | None = None) -> None:
        self.url = f"{base}/api/conferences/ballots/{ballot.pk}/votes"
        self.kill_after = kill_after
        self.half_acknowledged = threading.Event()
        self.lock = threading.Lock()
        self.acknowledged = 0
        self.pending = 0

    def cast(self, voter: Voter) -> Answer:
        token = secrets.token_hex(16)
        headers = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={voter.session_key}; {settings.CSRF_COOKIE_NAME}={token}",
            "X-CSRFToken": token,
        }
        with self.lock:
            self.pending += 1
        try:
            response = httpx.post(
                url=self.url, json={"choice": voter.choice}, headers=headers, timeout=REQUEST_SECONDS
            )
        except httpx.TransportError:
            return Answer(None)
        finally:
            with self.lock:
                self.pending -= 1
        answer = Answer(response.status_code, detail_of(response))
        if answer.status == 201:
            with self.lock:
                self.acknowledged += 1
                if self.acknowledged == self.kill_after:
                    self.half_acknowledged.set()
        return answer


def detail_of(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    return str(body.get("detail", "")) if isinstance(body, dict) else ""


def wait_until_disconnected(application_name: str) -> None:
    """Wait until PostgreSQL has ended every session of the killed process (each transaction then
    either committed or rolled back), so that what the database holds is final."""
    deadline = time.monotonic() + DISCONNECT_SECONDS
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [application_name]
            )
            (left,) = cursor.fetchone()
        if left == 0:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{left} database sessions of the killed server are still open")
        time.sleep(0.05)


def stored_votes(ballot: Ballot) -> Counter[int]:
    """Which delegations hold a stored vote (in a secret ballot: its participation)."""
    voted = BallotParticipation.objects if ballot.secret else Vote.objects
    return Counter(voted.filter(ballot=ballot).values_list("delegation_id", flat=True))


@pytest.mark.parametrize("secret", [False, True], ids=["named", "secret"])
def test_a_server_killed_during_a_ballot_loses_no_acknowledged_vote(committee: User, secret: bool) -> None:
    """S5 decides on the votes cast: each one acknowledged must be counted, once per delegation.

    In a secret ballot the sealed choices and the ballot key (in the data directory, shared with
    the servers) survive the kill, and the count in this process opens them.
    """
    ballot, voters = voters_of(DELEGATIONS, committee, secret=secret)
    choice_of = {voter.delegation_id: voter.choice for voter in voters}

    # First server: kill it once about half of the casts have been acknowledged.
    with running_server({"DATABASE_URL": named_database_url(KILLED_SERVER_NAME)}) as (base, process):
        burst = Burst(base, ballot, kill_after=DELEGATIONS // 2)
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            futures = {voter.delegation_id: pool.submit(burst.cast, voter) for voter in voters}
            assert burst.half_acknowledged.wait(HALF_ACKNOWLEDGED_SECONDS), (
                "half the casts were never acknowledged"
            )
            with burst.lock:
                pending_at_kill = burst.pending
            process.kill()  # SIGKILL: no graceful shutdown, no response for what is under way
            process.wait(timeout=10)
            first = {
                delegation: future.result(timeout=REQUEST_SECONDS) for delegation, future in futures.items()
            }
    wait_until_disconnected(KILLED_SERVER_NAME)

    acknowledged = {delegation for delegation, answer in first.items() if answer.status == 201}
    unanswered = {delegation for delegation, answer in first.items() if answer.status is None}
    assert pending_at_kill > 0, "the server was killed with no cast under way"
    assert len(acknowledged) >= DELEGATIONS // 2
    assert unanswered, "every cast was answered: the kill came too late to test anything"
    # A living server answers a first cast with 201 only; anything else is an error, not the kill.
    assert acknowledged | unanswered == set(choice_of), {
        d: a for d, a in first.items() if a.status not in (201, None)
    }

    stored = stored_votes(ballot)
    assert acknowledged <= set(stored), f"acknowledged but lost: {sorted(acknowledged - set(stored))}"
    assert all(count == 1 for count in stored.values()), f"two votes for one delegation: {stored}"
    assert set(stored) <= acknowledged | unanswered
    for vote in Vote.objects.filter(ballot=ballot):
        assert vote.choice == choice_of[vote.delegation_id]
    if secret:  # one sealed choice per participation, written in the same transaction
        assert SecretVote.objects.filter(ballot=ballot).count() == len(stored)
    stored_before_retry = set(stored)

    # A new server process: every delegation without a 201 casts again, and one with a 201 too
    # (its acknowledged vote must hold there as well).
    remaining = [voter for voter in voters if voter.delegation_id not in acknowledged]
    remaining.append(next(voter for voter in voters if voter.delegation_id in acknowledged))
    with icor_server({}) as base:
        retry = Burst(base, ballot)
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            second = dict(
                zip((v.delegation_id for v in remaining), pool.map(retry.cast, remaining), strict=True)
            )
    for delegation, answer in second.items():
        if delegation in stored_before_retry:
            assert answer.status == 409 and str(DOUBLE_VOTE) in answer.detail, (delegation, answer)
        else:
            assert answer.status == 201, (delegation, answer)

    closed = services.close_ballot(ballot=ballot, actor=committee)
    final = stored_votes(ballot)
    assert set(final) == set(choice_of) and set(final.values()) == {1}
    expected = Counter(choice_of.values())
    assert closed.outcome is not None
    figures = closed.outcome["figures"]
    assert (figures["yes"], figures["no"], figures["abstain"]) == (
        expected["yes"],
        expected["no"],
        expected["abstain"],
    )
    # A transaction cut off by the kill left no audit event behind: one per stored vote.
    assert (
        AuditEvent.objects.filter(event="ballot.cast", subject=f"ballot:{ballot.pk}").count() == DELEGATIONS
    )
    assert verify_chain().ok
