"""Past one machine: two server groups (as if on two hosts) behind one PostgreSQL.

Each group is `icor serve --workers 2` on its own port. Delegations vote through either,
some through both at the same moment; browsers follow the conference on both. The votes,
the live events and the audit chain must stay exact, with group commit on and off.
"""

from __future__ import annotations

import threading

import httpx
import pytest
from django.conf import settings
from django.db import connection

from icor.accounts.models import Role
from icor.audit.models import AuditEvent
from icor.audit.services import verify_chain
from icor.conferences import services
from icor.conferences.models import Ballot, Vote
from tests.conferences.conftest import motion_in_discussion, seats
from tests.factories import make_conference, make_user, with_totp
from tests.live.conftest import WAIT_SECONDS
from tests.live.servers import icor_server
from tests.live.test_processes import next_event, session_cookie, sse_events

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the server groups must share the test database with this test",
    ),
]
CSRF_TOKEN = "b" * 32
DELEGATIONS = 8


@pytest.mark.parametrize("group_commit", ["true", "false"])
def test_votes_live_events_and_the_audit_chain_stay_exact_across_two_server_groups(
    group_commit: str,
) -> None:
    committee = make_user(Role.COMMITTEE)
    conference = make_conference(committee)
    present = seats(conference, DELEGATIONS)
    motion = motion_in_discussion(conference, committee, present[0])
    ballot = services.open_ballot(motion=motion, actor=committee)
    voters = [session_cookie(with_totp(seat.voter)) for seat in present]
    env = {"ICOR_LIVE_BACKEND": "postgres", "ICOR_GROUP_COMMIT": group_commit}
    channel = f"conference-{conference.pk}"
    statuses: list[int] = []
    lock = threading.Lock()

    def cast(base: str, number: int) -> None:
        cookies = {**voters[number], settings.CSRF_COOKIE_NAME: CSRF_TOKEN}
        answer = httpx.post(
            f"{base}/api/conferences/ballots/{ballot.pk}/votes",
            json={"choice": ("yes", "no", "abstain")[number % 3]},
            cookies=cookies,
            headers={"X-CSRFToken": CSRF_TOKEN},
            timeout=WAIT_SECONDS,
        )
        with lock:
            statuses.append(answer.status_code)

    with (
        icor_server(env, workers=2) as group_a,
        icor_server(env, workers=2) as group_b,
        httpx.Client(cookies=voters[0], timeout=httpx.Timeout(WAIT_SECONDS)) as browser,
        browser.stream("GET", f"{group_a}/live/{channel}/") as stream_a,
        browser.stream("GET", f"{group_b}/live/{channel}/") as stream_b,
    ):
        events_a, events_b = sse_events(stream_a.iter_lines()), sse_events(stream_b.iter_lines())
        assert next_event(events_a, "ready") == next_event(events_b, "ready") == {"channel": channel}
        # Every delegation through one group, every other one through the other group too, at once.
        jobs = [(group_a if number % 2 else group_b, number) for number in range(DELEGATIONS)]
        jobs += [(group_b if number % 2 else group_a, number) for number in range(0, DELEGATIONS, 2)]
        threads = [threading.Thread(target=cast, args=job) for job in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert next_event(events_a, "ballot")["ballot"] == ballot.pk
        assert next_event(events_b, "ballot")["ballot"] == ballot.pk
        services.close_ballot(ballot=ballot, actor=committee)
        # Each group adds the final counts to the result event it passes on to its browsers.
        outcome = Ballot.objects.get(pk=ballot.pk).outcome or {}
        for events in (events_a, events_b):
            result = next_event(events, "result")
            assert result["ballot"] == ballot.pk
            assert result["counts"] == {
                "voted": DELEGATIONS,
                "present": DELEGATIONS,
                "open": False,
                "result": outcome["outcome"],
                "figures": outcome["figures"],
            }

    assert sorted(statuses) == [201] * DELEGATIONS + [409] * (DELEGATIONS // 2)
    votes = Vote.objects.filter(ballot=ballot)
    assert votes.count() == votes.values("delegation").distinct().count() == DELEGATIONS
    assert (
        AuditEvent.objects.filter(event="ballot.cast", subject=f"ballot:{ballot.pk}").count() == DELEGATIONS
    )
    assert verify_chain().ok
