"""Events cross server processes: two real `icor serve` processes on one PostgreSQL database.

Issue 4: attendance, ballots cast and results update in every open browser, also when the
site runs as several server processes against one database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from icor.accounts.models import User
from icor.live.services import publish
from tests.live.conftest import WAIT_SECONDS, redis_reachable
from tests.live.servers import icor_server

REDIS_URL = settings.REDIS_URL if hasattr(settings, "REDIS_URL") else "redis://127.0.0.1:6379/0"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the server processes must share the test database with this test",
    ),
]


def session_cookie(user: User) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}


def sse_events(lines: Iterator[str]) -> Iterator[tuple[str, str]]:
    """(event, data) pairs from a Server-Sent-Events line stream; comments are skipped."""
    event, data = "message", ""
    for line in lines:
        if line == "":
            if data:
                yield event, data
            event, data = "message", ""
        elif line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: "):
            data = line.removeprefix("data: ")


def next_event(events: Iterator[tuple[str, str]], wanted: str) -> dict[str, object]:
    for event, data in events:
        if event == wanted:
            return dict(json.loads(data))
    raise AssertionError(f"the stream ended before a {wanted!r} event")


@pytest.mark.parametrize("backend", ["postgres", "redis", "polling"])
def test_an_event_published_elsewhere_reaches_streams_on_two_server_processes(
    backend: str, delegate: User, settings
) -> None:  # type: ignore[no-untyped-def]
    if backend == "redis" and not redis_reachable(REDIS_URL):
        pytest.skip(f"needs a Redis server at {REDIS_URL}")
    settings.LIVE_BACKEND = backend
    settings.REDIS_URL = REDIS_URL
    cookies = session_cookie(delegate)
    env = {"ICOR_LIVE_BACKEND": backend, "REDIS_URL": REDIS_URL}
    timeout = httpx.Timeout(WAIT_SECONDS)
    with (
        icor_server(env) as server_a,
        icor_server(env) as server_b,
        httpx.Client(cookies=cookies, timeout=timeout) as client,
        client.stream("GET", f"{server_a}/live/conference-41/") as stream_a,
        client.stream("GET", f"{server_b}/live/conference-41/") as stream_b,
    ):
        assert stream_a.status_code == stream_b.status_code == 200
        events_a, events_b = sse_events(stream_a.iter_lines()), sse_events(stream_b.iter_lines())
        assert next_event(events_a, "ready") == next_event(events_b, "ready") == {"channel": "conference-41"}

        # This test process is a third process: it publishes straight to the shared transport.
        publish("conference-41", "ballot", {"ballot": 9, "cast": 57})

        # A read timeout (WAIT_SECONDS) fails the test if the event does not arrive.
        assert next_event(events_a, "ballot") == {"ballot": 9, "cast": 57}
        assert next_event(events_b, "ballot") == {"ballot": 9, "cast": 57}


def test_a_server_refuses_the_stream_without_a_session(settings) -> None:  # type: ignore[no-untyped-def]
    with icor_server({"ICOR_LIVE_BACKEND": "postgres"}) as server:
        assert httpx.get(f"{server}/live/conference-41/", timeout=WAIT_SECONDS).status_code == 403
