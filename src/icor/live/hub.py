"""Fan-out inside one server process: one upstream listener, many browser streams.

The first stream to subscribe starts the transport's listener (one database or Redis
connection for the whole process); the last one to leave stops it, which closes that
connection. A stream too slow to keep up loses events rather than holding up the others:
each event only tells the browser to fetch fresh figures, so a later one makes up for it.
For the same reason identical events of a channel (a vote burst sends one per commit) reach
the browsers at most once every THROTTLE_SECONDS: the first at once, the last one at the end of
the interval, so that thousands of browsers do not all re-fetch after every single cast.

Each event is encoded once per process, as text and as one HTTP chunk. Under `icor serve`
the hub writes that chunk straight into every browser's socket from the loop that received
the event (`TransportStream`): no task, queue or coroutine step per stream and event. A
socket whose unsent data passes MAX_BUFFERED_BYTES is dropped; its browser reconnects and
catches up. Streams served by another ASGI server read from a queue (`subscription`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from icor.live.backends import Message, Transport, get_transport
from icor.live.figures import Figures, figures_for, read_figures

logger = logging.getLogger(__name__)
QUEUE_SIZE = 64
THROTTLE_SECONDS = 1.0
HEARTBEAT_SECONDS = 15.0
# Put into every queue each HEARTBEAT_SECONDS: one timer per process, not one per stream.
HEARTBEAT = Message(channel="", event="heartbeat")
READY_TIMEOUT_SECONDS = 10.0
# Unsent bytes a browser's socket may hold (a few hundred events) before it is dropped as too slow.
MAX_BUFFERED_BYTES = 64 * 1024
END_OF_CHUNKS = b"0\r\n\r\n"


def event_text(message: Message) -> str:
    """The message as a stream sends it."""
    return ": heartbeat\n\n" if message is HEARTBEAT else message.server_sent_event


def http_chunk(text: str) -> bytes:
    """`text` as one chunk of HTTP/1.1 chunked transfer encoding."""
    data = text.encode()
    return b"%x\r\n%s\r\n" % (len(data), data)


class Stream(Protocol):
    def deliver(self, message: Message, chunk: bytes) -> bool:
        """Pass the message on (`chunk`: it encoded once for all streams); False drops the stream."""

    def end(self) -> None:
        """The listener stopped: end the stream so that the browser reconnects."""


class QueueStream:
    """A stream read by a task of its own (any ASGI server): a full queue loses events."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Message | None] = asyncio.Queue(maxsize=QUEUE_SIZE)

    def deliver(self, message: Message, chunk: bytes) -> bool:
        with contextlib.suppress(asyncio.QueueFull):
            self.queue.put_nowait(message)
        return True

    def end(self) -> None:
        if self.queue.full():
            self.queue.get_nowait()
        self.queue.put_nowait(None)


class WriteTransport(Protocol):
    def write(self, data: bytes) -> None: ...
    def is_closing(self) -> bool: ...
    def get_write_buffer_size(self) -> int: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


class TransportStream:
    """A browser's socket whose response has started with chunked encoding (`icor serve`)."""

    def __init__(self, transport: WriteTransport) -> None:
        self.transport = transport

    def deliver(self, message: Message, chunk: bytes) -> bool:
        if self.transport.is_closing():
            return False
        if self.transport.get_write_buffer_size() > MAX_BUFFERED_BYTES:
            self.transport.abort()
            return False
        self.transport.write(chunk)
        return True

    def end(self) -> None:
        if not self.transport.is_closing():
            self.transport.write(END_OF_CHUNKS)
            self.transport.close()


class Hub:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.streams: dict[str, set[Stream]] = {}
        self.listener: asyncio.Task[None] | None = None
        self.ready = asyncio.Event()
        self.sent_at: dict[str, float] = {}  # identical events: when last delivered
        self.held: set[str] = set()  # identical events waiting for the end of their interval
        self.figuring: asyncio.Future[None] | None = None  # the last event waiting for its figures
        self.figures_thread: ThreadPoolExecutor | None = None

    @property
    def subscribers(self) -> int:
        return sum(len(streams) for streams in self.streams.values())

    @contextlib.asynccontextmanager
    async def subscription(self, channel: str) -> AsyncIterator[asyncio.Queue[Message | None]]:
        """A queue of the channel's messages; None in it means the listener stopped."""
        stream = QueueStream()
        async with self.attached(channel, stream):
            yield stream.queue

    @contextlib.asynccontextmanager
    async def attached(self, channel: str, stream: Stream) -> AsyncIterator[None]:
        """`stream` gets the channel's events while inside; raises ConnectionError when the
        live transport cannot be reached."""
        self.streams.setdefault(channel, set()).add(stream)
        try:
            if self.listener is None:
                self.ready = asyncio.Event()
                self.listener = asyncio.create_task(self._listen(self.ready))
            await self._wait_until_listening(self.listener)
            yield
        finally:
            channel_streams = self.streams.get(channel, set())
            channel_streams.discard(stream)
            if not channel_streams:
                self.streams.pop(channel, None)
            if not self.streams and self.listener is not None:
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
            for channel in tuple(self.streams):
                self._write(channel, HEARTBEAT)

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
        for streams in self.streams.values():
            for stream in tuple(streams):
                stream.end()

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
        figures = figures_for(message.event)
        if figures is None and self.figuring is None:
            self._write(message.channel, message)
        else:
            self.figuring = asyncio.ensure_future(self._with_figures(self.figuring, message, figures))

    async def _with_figures(
        self, previous: asyncio.Future[None] | None, message: Message, figures: Figures | None
    ) -> None:
        """Add the event's figures (one read per process, see icor.live.figures), then write it;
        events keep their order, each waits for the one before it."""
        if previous is not None:
            await asyncio.wait({previous})
        if figures is not None:
            if self.figures_thread is None:
                self.figures_thread = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="icor-live-figures"
                )
            loop = asyncio.get_running_loop()
            data = await loop.run_in_executor(self.figures_thread, read_figures, figures, message.data)
            message = Message(channel=message.channel, event=message.event, data=data)
        self._write(message.channel, message)
        if self.figuring is asyncio.current_task():
            self.figuring = None

    def _write(self, channel: str, message: Message) -> None:
        streams = self.streams.get(channel)
        if not streams:
            return
        chunk = http_chunk(event_text(message))
        for stream in tuple(streams):
            if not stream.deliver(message, chunk):
                streams.discard(stream)


_hubs: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub] = weakref.WeakKeyDictionary()


def current_hub() -> Hub:
    """The hub of the running event loop (one per server process)."""
    loop = asyncio.get_running_loop()
    hub = _hubs.get(loop)
    if hub is None:
        hub = _hubs[loop] = Hub(get_transport())
    return hub
