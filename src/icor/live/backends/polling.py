"""A polled table, for SQLite: one query every quarter second per server process.

Works across processes that share one SQLite file; rows older than a few minutes are
deleted when new events are published.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from icor.live.backends import Message
from icor.live.models import LiveEvent

POLL_SECONDS = 0.25
KEEP = timedelta(minutes=5)
PRUNE_EVERY = 100  # events: old rows are deleted now and then, not on every publish


class PollingTransport:
    name = "polling"

    def send(self, message: Message) -> None:
        row = LiveEvent.objects.create(channel=message.channel, event=message.event, data=message.data)
        if row.pk % PRUNE_EVERY == 0:
            LiveEvent.objects.filter(created__lt=timezone.now() - KEEP).delete()

    async def receive(self, ready: asyncio.Event) -> AsyncIterator[Message]:
        latest = await LiveEvent.objects.aaggregate(latest=Max("pk"))
        seen: int = latest["latest"] or 0
        ready.set()
        while True:
            rows = [row async for row in LiveEvent.objects.filter(pk__gt=seen).order_by("pk")[:500]]
            for row in rows:
                seen = row.pk
                yield Message(channel=row.channel, event=row.event, data=row.data)
            if not rows:
                await asyncio.sleep(POLL_SECONDS)
