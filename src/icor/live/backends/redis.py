"""Redis pub/sub: for sites whose processes share a Redis server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from functools import cache

import redis
import redis.asyncio

from icor.live.backends import Message

PUBSUB_CHANNEL = "icor:live"


@cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


class RedisTransport:
    name = "redis"

    def __init__(self, url: str) -> None:
        self.url = url

    def send(self, message: Message) -> None:
        _client(self.url).publish(PUBSUB_CHANNEL, message.encode())

    async def receive(self, ready: asyncio.Event) -> AsyncIterator[Message]:
        client = redis.asyncio.Redis.from_url(self.url)
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.subscribe(PUBSUB_CHANNEL)
            ready.set()
            while True:
                raw = await pubsub.get_message(timeout=None)
                if raw is None or raw.get("type") != "message":
                    continue
                message = Message.decode(raw["data"])
                if message is not None:
                    yield message
        finally:
            await pubsub.aclose()
            await client.aclose()
