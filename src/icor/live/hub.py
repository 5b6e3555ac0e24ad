"""Fan-out inside one server process: one upstream listener, many browser streams.

The first stream to subscribe starts the transport's listener (one database or Redis
connection for the whole process); the last one to leave stops it, which closes that
connection. A stream too slow to keep up loses events rather than holding up the others:
each event only tells the browser to fetch fresh figures, so a later one makes up for it.
For the same reason identical events of a channel (a vote burst sends one per commit) reach
the browsers at most once every THROTTLE_SECONDS: the first at once, the last one at the end of
the interval, so that thousands of browsers do not all re-fetch after every single cast.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import AsyncIterator

from icor.live.backends import Message, Transport, get_transport

logger = logging.getLogger(__name__)
QUEUE_SIZE = 64
THROTTLE_SECONDS = 1.0
HEARTBEAT_SECONDS = 15.0
# Put into every queue each HEARTBEAT_SECONDS: one timer per process, not one per stream.
HEARTBEAT = Message(channel="", event="heartbeat")
READY_TIMEOUT_SECONDS = 10.0


class Hub:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.queues: dict[str, set[asyncio.Queue[Message | None]]] = {}
        self.listener: asyncio.Task[None] | None = None
        self.ready = asyncio.Event()
        self.sent_at: dict[str, float] = {}  # identical events: when last delivered
        self.held: set[str] = set()  # identical events waiting for the end of their interval

    @property
    def subscribers(self) -> int:
        return sum(len(queues) for queues in self.queues.values())

    @contextlib.asynccontextmanager
    async def subscription(self, channel: str) -> AsyncIterator[asyncio.Queue[Message | None]]:
        """A queue of the channel's messages; None in it means the listener stopped."""
        queue: asyncio.Queue[Message | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self.queues.setdefault(channel, set()).add(queue)
        try:
            if self.listener is None:
                self.ready = asyncio.Event()
                self.listener = asyncio.create_task(self._listen(self.ready))
            await self._wait_until_listening(self.listener)
            yield queue
        finally:
            channel_queues = self.queues.get(channel, set())
            channel_queues.discard(queue)
            if not channel_queues:
                self.queues.pop(channel, None)
            if not self.queues and self.listener is not None:
                listener, self.listener = self.listener, None
                listener.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener

    async def _wait_until_listening(self, listener: asyncio.Task[None]) -> None:
        ready = asyncio.ensure_future(self.ready.wait())
        await asyncio.wait(
            {ready, listener}, timeout=READY_TIMEOUT_SECONDS, return_when=asyncio.FIRST_COMPLETED
        )
        if not self.ready.is_set():
            ready.cancel()
            raise ConnectionError(f"the live channel ({self.transport.name}) is not reachable")

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            for queues in tuple(self.queues.values()):
                for queue in tuple(queues):
                    with contextlib.suppress(asyncio.QueueFull):
                        queue.put_nowait(HEARTBEAT)

    async def _listen(self, ready: asyncio.Event) -> None:
        beating = asyncio.create_task(self._beat())
        try:
            async for message in self.transport.receive(ready):
                self._throttled(message)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("live listener (%s) stopped", self.transport.name)
        finally:
            beating.cancel()
        # The listener ended: close every stream; browsers reconnect by themselves.
        if self.listener is asyncio.current_task():
            self.listener = None
        for queues in self.queues.values():
            for queue in queues:
                if queue.full():
                    queue.get_nowait()
                queue.put_nowait(None)

    def _throttled(self, message: Message) -> None:
        key = message.encode()
        loop = asyncio.get_running_loop()
        now = loop.time()
        last = self.sent_at.get(key)
        if last is None or now - last >= THROTTLE_SECONDS:
            self._deliver(key, message)
        elif key not in self.held:
            self.held.add(key)
            loop.call_later(THROTTLE_SECONDS - (now - last), self._release, key, message)

    def _release(self, key: str, message: Message) -> None:
        self.held.discard(key)
        self._deliver(key, message)

    def _deliver(self, key: str, message: Message) -> None:
        now = asyncio.get_running_loop().time()
        if len(self.sent_at) > 1000:
            self.sent_at = {k: t for k, t in self.sent_at.items() if now - t < THROTTLE_SECONDS}
        self.sent_at[key] = now
        for queue in tuple(self.queues.get(message.channel, ())):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(message)


_hubs: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub] = weakref.WeakKeyDictionary()


def current_hub() -> Hub:
    """The hub of the running event loop (one per server process)."""
    loop = asyncio.get_running_loop()
    hub = _hubs.get(loop)
    if hub is None:
        hub = _hubs[loop] = Hub(get_transport())
    return hub
