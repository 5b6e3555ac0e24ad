"""Which transport carries live events, chosen by settings.

`LIVE_BACKEND` (setting) or `ICOR_LIVE_BACKEND` (environment) names one of `postgres`,
`redis`, `polling`. Left empty, the database decides: PostgreSQL gets LISTEN/NOTIFY;
otherwise `REDIS_URL` gets Redis pub/sub; otherwise the polled `LiveEvent` table
(SQLite, which also works across processes sharing one SQLite file).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from django.conf import settings
from django.db import connection

CHANNEL_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
EVENT_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
# PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; events carry ids and counts only.
MAX_PAYLOAD_BYTES = 7900
BACKENDS = ("postgres", "redis", "polling")


@dataclass(frozen=True)
class Message:
    channel: str
    event: str
    data: dict[str, Any] = field(default_factory=dict)

    def encode(self) -> str:
        return json.dumps(
            {"channel": self.channel, "event": self.event, "data": self.data}, separators=(",", ":")
        )

    @cached_property
    def server_sent_event(self) -> str:
        """The event as a stream sends it; encoded once for all the streams of a process."""
        return f"event: {self.event}\ndata: {json.dumps(self.data, separators=(',', ':'))}\n\n"

    @classmethod
    def decode(cls, text: str | bytes) -> Message | None:
        """A message from the wire, or None when it is not one of ours (never raises)."""
        try:
            raw = json.loads(text)
            message = cls(channel=raw["channel"], event=raw["event"], data=raw.get("data") or {})
        except (ValueError, TypeError, KeyError):
            return None
        valid = (
            isinstance(message.channel, str)
            and isinstance(message.event, str)
            and isinstance(message.data, dict)
            and CHANNEL_PATTERN.match(message.channel)
            and EVENT_PATTERN.match(message.event)
        )
        return message if valid else None


class Transport(Protocol):
    name: str

    def send(self, message: Message) -> None:
        """Deliver to every process listening (synchronous; called after commit)."""

    def receive(self, ready: asyncio.Event) -> AsyncIterator[Message]:
        """Every message of every channel, from now on; set `ready` once listening."""


def backend_name() -> str:
    chosen = (getattr(settings, "LIVE_BACKEND", "") or os.environ.get("ICOR_LIVE_BACKEND", "")).strip()
    if chosen:
        if chosen not in BACKENDS:
            raise ValueError(f"LIVE_BACKEND must be one of {', '.join(BACKENDS)}, not {chosen!r}")
        return chosen
    if connection.vendor == "postgresql":
        return "postgres"
    if redis_url():
        return "redis"
    return "polling"


def redis_url() -> str:
    return str(getattr(settings, "REDIS_URL", "") or os.environ.get("REDIS_URL", ""))


def get_transport() -> Transport:
    name = backend_name()
    if name == "postgres":
        from icor.live.backends.postgres import PostgresTransport

        return PostgresTransport()
    if name == "redis":
        from icor.live.backends.redis import RedisTransport

        return RedisTransport(redis_url() or "redis://127.0.0.1:6379/0")
    from icor.live.backends.polling import PollingTransport

    return PollingTransport()
