"""GET /live/<channel>/: the Server-Sent-Events stream, over the polling transport."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient, Client

from icor.accounts.models import User
from icor.live.hub import current_hub
from icor.live.services import publish
from icor.live.views import RETRY_MILLISECONDS
from tests.conftest import logged_in
from tests.factories import make_user, with_totp
from tests.live.conftest import WAIT_SECONDS, run

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _polling(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "polling"


def client_of(user: User) -> AsyncClient:
    session = Client()
    session.force_login(user)
    client = AsyncClient()
    client.cookies = session.cookies
    return client


async def next_chunk(chunks: AsyncIterator[Any]) -> str:
    chunk = await asyncio.wait_for(anext(chunks), WAIT_SECONDS)
    return chunk.decode() if isinstance(chunk, bytes) else str(chunk)


async def disconnect(chunks: AsyncIterator[Any]) -> None:
    """What a client disconnect does: Django's ASGIHandler cancels the task waiting for the next chunk."""

    async def pull() -> Any:
        return await anext(chunks)

    waiting = asyncio.create_task(pull())
    await asyncio.sleep(0)  # let it start waiting
    waiting.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await waiting


async def open_stream(client: AsyncClient, channel: str) -> AsyncIterator[Any]:
    response = await client.get(f"/live/{channel}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    chunks = aiter(response.streaming_content)  # type: ignore[attr-defined]
    assert (await next_chunk(chunks)).startswith("retry: ")
    assert (await next_chunk(chunks)) == 'event: ready\ndata: {"channel": "conference-5"}\n\n'
    return chunks


def test_an_anonymous_visitor_cannot_subscribe() -> None:
    response = Client().get("/live/conference-5/")
    assert response.status_code == 403


def test_a_malformed_channel_is_not_found(delegate: User) -> None:
    session = Client()
    session.force_login(delegate)
    assert session.get("/live/Conference_5/").status_code == 404


def test_a_published_event_reaches_the_open_stream(delegate: User) -> None:
    client = client_of(delegate)

    async def scenario() -> str:
        chunks = await open_stream(client, "conference-5")
        try:
            await sync_to_async(publish)("conference-6", "ballot", {"cast": 1})
            await sync_to_async(publish)("conference-5", "ballot", {"ballot": 3, "cast": 41})
            return await next_chunk(chunks)
        finally:
            await disconnect(chunks)

    event, data = run(scenario()).removesuffix("\n\n").split("\n")
    assert event == "event: ballot"
    assert json.loads(data.removeprefix("data: ")) == {"ballot": 3, "cast": 41}


def test_a_quiet_stream_sends_heartbeats(delegate: User, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("icor.live.hub.HEARTBEAT_SECONDS", 0.01)
    client = client_of(delegate)

    async def scenario() -> str:
        chunks = await open_stream(client, "conference-5")
        try:
            return await next_chunk(chunks)
        finally:
            await disconnect(chunks)

    assert run(scenario()) == ": heartbeat\n\n"


def test_a_client_disconnect_unsubscribes_and_stops_the_listener(delegate: User) -> None:
    client = client_of(delegate)

    async def scenario() -> tuple[int, int, bool]:
        chunks = await open_stream(client, "conference-5")
        hub = current_hub()
        while_open = hub.subscribers
        await disconnect(chunks)
        return while_open, hub.subscribers, hub.listener is None

    assert run(scenario()) == (1, 0, True)


def test_an_unreachable_transport_ends_the_stream_so_the_browser_retries(delegate: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "redis"
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    client = client_of(delegate)

    async def scenario() -> list[str]:
        response = await client.get("/live/conference-5/")
        return [
            chunk.decode()
            async for chunk in response.streaming_content  # type: ignore[attr-defined]
        ]

    assert run(scenario()) == [f"retry: {RETRY_MILLISECONDS}\n\n", ": live channel unavailable\n\n"]


def test_a_plain_wsgi_server_answers_at_once_and_holds_nothing() -> None:
    """Without an event loop the stream would hold a thread and a connection for good: the browser retries."""
    response = logged_in(with_totp(make_user())).get("/live/conference-5/")
    assert response.status_code == 200
    assert not response.streaming
    assert response.content.decode().startswith("retry: ")
