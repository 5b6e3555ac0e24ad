"""PostgreSQL LISTEN/NOTIFY: every server process on the same database hears every event."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import psycopg
from django.db import connections

from icor.live.backends import Message

NOTIFY_CHANNEL = "icor_live"
# Keys of Django's connection parameters that are not libpq connection options.
_NOT_LIBPQ = {"cursor_factory", "context", "prepare_threshold"}
# Names the listening connection in pg_stat_activity (one per server process).
APPLICATION_NAME = "icor live"


class PostgresTransport:
    name = "postgres"

    def send(self, message: Message) -> None:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", [NOTIFY_CHANNEL, message.encode()])

    async def receive(self, ready: asyncio.Event) -> AsyncIterator[Message]:
        # One dedicated connection per process (not per browser), closed when the last one leaves.
        connection = await psycopg.AsyncConnection.connect(**listen_parameters(), autocommit=True)
        try:
            await connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
            ready.set()
            async for notify in connection.notifies():
                message = Message.decode(notify.payload)
                if message is not None:
                    yield message
        finally:
            await connection.close()


def listen_parameters() -> dict[str, Any]:
    wrapper = connections["default"]
    params = {key: value for key, value in wrapper.get_connection_params().items() if key not in _NOT_LIBPQ}
    params["application_name"] = APPLICATION_NAME
    return params
