"""Each transport carries a published event to a listening hub (the process-wide listener)."""

from __future__ import annotations

import asyncio
import contextlib
import time

import pytest
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection, transaction

from icor.live.backends import Message, get_transport
from icor.live.backends.postgres import APPLICATION_NAME
from icor.live.hub import Hub
from icor.live.services import publish
from tests.live.conftest import WAIT_SECONDS, redis_reachable, run

REDIS_URL = getattr(settings, "REDIS_URL", "") or "redis://127.0.0.1:6379/0"
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: LISTEN/NOTIFY exists only there"
)
pytestmark = pytest.mark.django_db(transaction=True)


def publish_and_receive(channel: str) -> Message | None:
    async def scenario() -> Message | None:
        hub = Hub(get_transport())
        async with hub.subscription(channel) as queue:
            await sync_to_async(publish)("conference-other", "ballot", {"cast": 1})
            await sync_to_async(publish)(channel, "attendance", {"present": 12})
            return await asyncio.wait_for(queue.get(), WAIT_SECONDS)

    return run(scenario())


def test_polling_table_carries_an_event(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "polling"
    assert publish_and_receive("conference-3") == Message("conference-3", "attendance", {"present": 12})


def test_polling_starts_after_the_events_already_published(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "polling"
    publish("conference-3", "result", {"ballot": 1})
    assert publish_and_receive("conference-3") == Message("conference-3", "attendance", {"present": 12})


@needs_postgres
def test_postgres_notify_carries_an_event(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "postgres"
    assert publish_and_receive("conference-3") == Message("conference-3", "attendance", {"present": 12})


def test_redis_pubsub_carries_an_event(settings) -> None:  # type: ignore[no-untyped-def]
    if not redis_reachable(REDIS_URL):
        pytest.skip(f"needs a Redis server at {REDIS_URL}")
    settings.LIVE_BACKEND = "redis"
    settings.REDIS_URL = REDIS_URL
    assert publish_and_receive("conference-3") == Message("conference-3", "attendance", {"present": 12})


def listening_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = %s",
            [APPLICATION_NAME],
        )
        return int(cursor.fetchone()[0])


def listening_connections_once_settled(expected: int) -> int:
    """pg_stat_activity drops a closed session asynchronously: look again until `expected` or the bound."""
    deadline = time.monotonic() + WAIT_SECONDS
    count = listening_connections()
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.05)
        count = listening_connections()
    return count


@needs_postgres
def test_one_listen_connection_per_process_closed_when_the_last_stream_leaves(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "postgres"

    async def scenario() -> int:
        hub = Hub(get_transport())
        async with hub.subscription("conference-1"), hub.subscription("conference-2"):
            return await sync_to_async(listening_connections)()

    while_listening = run(scenario())
    assert while_listening == 1
    assert listening_connections_once_settled(0) == 0


@needs_postgres
def test_postgres_events_of_a_transaction_arrive_at_its_commit_once_and_never_after_a_rollback(
    settings,
) -> None:  # type: ignore[no-untyped-def]
    """NOTIFY is sent inside the transaction: held until the commit, dropped with a rolled-back
    savepoint, and identical events of one transaction (a group of casts) arrive once."""
    settings.LIVE_BACKEND = "postgres"

    def write() -> None:
        with transaction.atomic():
            publish("conference-3", "ballot", {"ballot": 1, "cast": True})
            publish("conference-3", "ballot", {"ballot": 1, "cast": True})
            with contextlib.suppress(RuntimeError), transaction.atomic():
                publish("conference-3", "result", {"ballot": 1})
                raise RuntimeError("this part is undone")
        publish("conference-3", "attendance", {"present": 2})

    async def scenario() -> list[Message]:
        hub = Hub(get_transport())
        async with hub.subscription("conference-3") as queue:
            await sync_to_async(write)()
            received = []
            while len(received) < 2:
                message = await asyncio.wait_for(queue.get(), WAIT_SECONDS)
                assert message is not None
                received.append(message)
            with contextlib.suppress(TimeoutError):
                received.append(await asyncio.wait_for(queue.get(), 0.3))  # nothing more must come
            return received

    assert run(scenario()) == [
        Message("conference-3", "ballot", {"ballot": 1, "cast": True}),
        Message("conference-3", "attendance", {"present": 2}),
    ]
