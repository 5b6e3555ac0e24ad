"""No page asks the database once per delegation (N+1): a World conference of every member
organization, or of 10,000 in the benchmark, must cost the same few queries as one of ten.

The same conference is built with 10 and with 100 delegations (accredited, checked in, a
closed named ballot every delegation voted in, an open one, a speakers' list); every page is
opened by the committee and by a voting delegate, and the number of queries must not grow.
The same holds for one and for four decided motions (the minutes once asked twice per motion).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.models import Ballot, Conference, Motion
from tests.conferences.conftest import Seat, motion_in_discussion, seats
from tests.factories import make_conference, make_user, with_totp

pytestmark = pytest.mark.django_db
SMALL, LARGE = 10, 100


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class World:
    conference: Conference
    voter: User
    motion: Motion
    closed: Ballot
    open: Ballot


def world(committee: User, size: int, *, decided_motions: int = 1) -> World:
    conference = make_conference(committee)
    present: list[Seat] = seats(conference, size)
    for decision in range(decided_motions):
        decided = motion_in_discussion(conference, committee, present[0], title=f"Decided {size} {decision}")
        closed = services.open_ballot(motion=decided, actor=committee)
        for number, seat in enumerate(present):
            services.cast_vote(ballot=closed, actor=seat.voter, choice=("yes", "no", "abstain")[number % 3])
        services.close_ballot(ballot=closed, actor=committee)
    pending = motion_in_discussion(conference, committee, present[1], title=f"Pending {size}")
    still_open = services.open_ballot(motion=pending, actor=committee)
    for seat in present[: size // 2]:
        services.cast_vote(ballot=still_open, actor=seat.voter, choice="yes")
    return World(conference, present[0].voter, pending, closed, still_open)


def pages(w: World) -> dict[str, str]:
    c, m = w.conference.pk, w.motion.pk
    return {
        "conference list": "/conferences/",
        "conference": f"/conferences/{c}/",
        "accreditation": f"/conferences/{c}/accreditation/",
        "attendance": f"/conferences/{c}/attendance/",
        "attendance status": f"/conferences/{c}/attendance/status/",
        "chair": f"/conferences/{c}/chair/",
        "minutes": f"/conferences/{c}/minutes/",
        "motion": f"/conferences/motions/{m}/",
        "closed ballot": f"/conferences/ballots/{w.closed.pk}/",
        "closed ballot status": f"/conferences/ballots/{w.closed.pk}/status/",
        "open ballot status": f"/conferences/ballots/{w.open.pk}/status/",
        "debate": f"/debate/motions/{m}/",
        "speakers": f"/debate/conferences/{c}/speakers/",
        "registry": "/registry/",
        "statistics": "/registry/statistics/",
        "map": "/registry/map.svg",
        "audit log": "/audit/",
        "home": "/",
        "api: conferences": "/api/conferences/",
        "api: ballot": f"/api/conferences/ballots/{w.open.pk}",
        "api: result": f"/api/conferences/ballots/{w.closed.pk}/result",
    }


def costs(client: Client, w: World) -> dict[str, tuple[int, int]]:
    """(status, queries) of every page."""
    measured = {}
    for name, url in pages(w).items():
        client.get(url)  # once before counting: caches of the first visit are not the point
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        measured[name] = (status, len(queries))
    return measured


@pytest.mark.parametrize(
    ("what", "small_world", "large_world"),
    [
        ("delegations", {"size": SMALL}, {"size": LARGE}),
        ("decided motions", {"size": SMALL}, {"size": SMALL, "decided_motions": 4}),
    ],
)
def test_no_page_costs_more_queries_with_more_delegations_or_motions(
    what: str, small_world: dict[str, int], large_world: dict[str, int]
) -> None:
    committee = with_totp(make_user(Role.COMMITTEE))
    small, large = world(committee, **small_world), world(committee, **large_world)
    growing = {}
    for role, small_user, large_user in (
        ("committee", committee, committee),
        ("delegate", with_totp(small.voter), with_totp(large.voter)),
    ):
        for user_world, user in ((small, small_user), (large, large_user)):
            client = Client()
            client.force_login(user)
            if user_world is small:
                few = costs(client, small)
            else:
                many = costs(client, large)
        for name in few:
            assert few[name][0] == many[name][0], (
                f"{role}, {name}: answered {few[name][0]} and {many[name][0]}"
            )
            if many[name][1] > few[name][1]:
                growing[f"{role}, {name}"] = f"{few[name][1]} queries, {many[name][1]} with more {what}"
        assert any(status == 200 for status, _ in few.values())
    assert not growing, growing
