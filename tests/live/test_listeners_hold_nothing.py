"""Under `icor serve` an open live stream holds neither a thread nor a database connection:
it is authorized in a thread of the pool, then streamed by the event loop from the hub."""

from __future__ import annotations

import contextlib
from pathlib import Path

import httpx
import pytest
from django.db import connection

from icor.accounts.models import User
from icor.live.services import publish
from tests.live.conftest import WAIT_SECONDS
from tests.live.servers import running_server
from tests.live.test_processes import next_event, session_cookie, sse_events

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the server process must share the test database with this test",
    ),
]
STREAMS = 60
THREADS = 2


def database_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return int(cursor.fetchone()[0])


def threads_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise AssertionError("no thread count")


def test_sixty_open_streams_hold_no_connection_and_no_thread_each(delegate: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "postgres"
    env = {"ICOR_LIVE_BACKEND": "postgres", "ICOR_SERVE_THREADS": str(THREADS)}
    limits = httpx.Limits(max_connections=STREAMS + 5)
    with (
        running_server(env) as (base, process),
        httpx.Client(cookies=session_cookie(delegate), timeout=WAIT_SECONDS, limits=limits) as browser,
        contextlib.ExitStack() as streams,
    ):
        before = database_connections()
        opened = [
            streams.enter_context(browser.stream("GET", f"{base}/live/conference-8/")) for _ in range(STREAMS)
        ]
        events = [sse_events(stream.iter_lines()) for stream in opened]
        for stream_events in events:
            assert next_event(stream_events, "ready") == {"channel": "conference-8"}
        # This test's own, the pool's threads (at most THREADS) and the process's one listener.
        assert database_connections() <= max(before, 1) + THREADS + 1
        assert threads_of(process.pid) < STREAMS // 2
        publish("conference-8", "attendance", {"present": 3})
        for stream_events in events:
            assert next_event(stream_events, "attendance") == {"present": 3}
