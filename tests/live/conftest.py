from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import redis
from asgiref.sync import sync_to_async
from django.db import connections

T = TypeVar("T")
# Bound on every wait for an event: a test fails after this long instead of hanging.
WAIT_SECONDS = 5.0


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a scenario in a fresh event loop, then close the database connections its
    async ORM calls opened in asgiref's worker thread (else PostgreSQL cannot drop the test database)."""

    async def scenario() -> T:
        try:
            return await coroutine
        finally:
            await sync_to_async(connections.close_all)()

    return asyncio.run(scenario())


def redis_reachable(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False
