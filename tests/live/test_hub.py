"""The per-process hub: one upstream listener shared by every stream, stopped when the last leaves."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import pytest

from icor.live.backends import Message
from icor.live.hub import MAX_BUFFERED_BYTES, Hub, TransportStream, http_chunk
from tests.live.conftest import WAIT_SECONDS, run


class ScriptedTransport:
    """Hands out the messages put into it; counts how often a listener was opened and closed."""

    name = "scripted"

    def __init__(self, *, fail: bool = False) -> None:
        self.fail = fail
        self.opened = 0
        self.closed = 0
        self.inbox: asyncio.Queue[Message] = asyncio.Queue()

    def send(self, message: Message) -> None:
        self.inbox.put_nowait(message)

    async def receive(self, ready: asyncio.Event) -> AsyncIterator[Message]:
        if self.fail:
            raise OSError("connection refused")
        self.opened += 1
        try:
            ready.set()
            while True:
                yield await self.inbox.get()
        finally:
            self.closed += 1


def test_streams_of_one_process_share_one_listener() -> None:
    async def scenario() -> tuple[int, Message, Message]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        async with hub.subscription("conference-1") as first, hub.subscription("conference-2") as second:
            transport.send(Message("conference-2", "ballot", {"cast": 1}))
            transport.send(Message("conference-1", "attendance", {"present": 5}))
            return (
                transport.opened,
                await asyncio.wait_for(first.get(), WAIT_SECONDS),  # type: ignore[arg-type]
                await asyncio.wait_for(second.get(), WAIT_SECONDS),  # type: ignore[arg-type]
            )

    opened, first, second = run(scenario())
    assert opened == 1
    assert first == Message("conference-1", "attendance", {"present": 5})
    assert second == Message("conference-2", "ballot", {"cast": 1})


def test_every_stream_of_a_channel_gets_each_event() -> None:
    async def scenario() -> list[Message | None]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        async with hub.subscription("conference-1") as one, hub.subscription("conference-1") as two:
            transport.send(Message("conference-1", "result", {"ballot": 2}))
            return [await asyncio.wait_for(queue.get(), WAIT_SECONDS) for queue in (one, two)]

    assert run(scenario()) == [Message("conference-1", "result", {"ballot": 2})] * 2


def test_the_listener_stops_when_the_last_stream_leaves() -> None:
    async def scenario() -> tuple[int, int, bool]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        async with hub.subscription("conference-1"):
            async with hub.subscription("conference-2"):
                pass
            still_open = transport.closed
        return still_open, transport.closed, hub.listener is None and hub.subscribers == 0

    closed_while_one_remained, closed_at_end, idle = run(scenario())
    assert closed_while_one_remained == 0
    assert closed_at_end == 1
    assert idle


def test_an_unreachable_transport_is_reported_not_waited_on() -> None:
    async def scenario() -> None:
        hub = Hub(ScriptedTransport(fail=True))
        async with hub.subscription("conference-1"):
            pass

    with pytest.raises(ConnectionError, match="not reachable"):
        run(scenario())


def test_a_slow_stream_loses_events_instead_of_blocking_others(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("icor.live.hub.QUEUE_SIZE", 2)

    async def scenario() -> tuple[int, Message]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        async with hub.subscription("conference-1") as slow, hub.subscription("conference-2") as other:
            for number in range(5):
                transport.send(Message("conference-1", "ballot", {"cast": number}))
            transport.send(Message("conference-2", "ballot", {"cast": 99}))
            received = await asyncio.wait_for(other.get(), WAIT_SECONDS)
            assert received is not None
            return slow.qsize(), received

    kept, other = run(scenario())
    assert kept == 2
    assert other.data == {"cast": 99}


def test_identical_events_of_a_burst_reach_the_streams_at_most_once_per_interval(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A vote burst sends one nudge per commit; each stream gets the first at once and the
    last at the end of the interval, never the ones between. Other events are not held."""
    monkeypatch.setattr("icor.live.hub.THROTTLE_SECONDS", 0.2)
    cast = Message("conference-1", "ballot", {"ballot": 3, "cast": True})
    result = Message("conference-1", "result", {"ballot": 3})

    async def scenario() -> list[tuple[Message, bool]]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        async with hub.subscription("conference-1") as queue:
            for _ in range(20):
                transport.send(cast)
            transport.send(result)
            loop = asyncio.get_running_loop()
            began = loop.time()
            received = []
            for _ in range(3):
                message = await asyncio.wait_for(queue.get(), WAIT_SECONDS)
                assert message is not None
                received.append((message, loop.time() - began >= 0.15))
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(queue.get(), 0.4)
            return received

    assert run(scenario()) == [(cast, False), (result, False), (cast, True)]


async def until(condition: Callable[[], bool]) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), WAIT_SECONDS)


class FakeSocket:
    """What the hub sees of a browser's socket under `icor serve`."""

    def __init__(self, *, buffered: int = 0) -> None:
        self.buffered = buffered
        self.written: list[bytes] = []
        self.closed = False
        self.aborted = False

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def is_closing(self) -> bool:
        return self.closed or self.aborted

    def get_write_buffer_size(self) -> int:
        return self.buffered

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.aborted = True


def test_one_chunk_encoded_once_is_written_into_every_socket_of_the_channel() -> None:
    async def scenario() -> tuple[list[FakeSocket], FakeSocket]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        sockets = [FakeSocket() for _ in range(3)]
        elsewhere = FakeSocket()
        async with contextlib.AsyncExitStack() as streams:
            for socket in sockets:
                await streams.enter_async_context(hub.attached("conference-1", TransportStream(socket)))
            await streams.enter_async_context(hub.attached("conference-2", TransportStream(elsewhere)))
            transport.send(Message("conference-1", "result", {"ballot": 2}))
            await until(lambda: bool(sockets[-1].written))
        return sockets, elsewhere

    sockets, elsewhere = run(scenario())
    expected = b'22\r\nevent: result\ndata: {"ballot":2}\n\n\r\n'
    assert [socket.written for socket in sockets] == [[expected]] * 3
    # The same bytes object for every socket: encoded once per event, not once per stream.
    assert len({id(socket.written[0]) for socket in sockets}) == 1
    assert elsewhere.written == []


def test_a_socket_too_slow_to_take_its_data_is_dropped_and_the_others_still_get_events() -> None:
    async def scenario() -> tuple[FakeSocket, FakeSocket, int]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        slow, quick = FakeSocket(buffered=MAX_BUFFERED_BYTES + 1), FakeSocket()
        async with (
            hub.attached("conference-1", TransportStream(slow)),
            hub.attached("conference-1", TransportStream(quick)),
        ):
            transport.send(Message("conference-1", "ballot", {"ballot": 2, "open": True}))
            transport.send(Message("conference-1", "result", {"ballot": 2}))
            await until(lambda: len(quick.written) >= 2)
            return slow, quick, hub.subscribers

    slow, quick, subscribers = run(scenario())
    assert slow.aborted and slow.written == []
    assert [chunk.split(b"\n")[1] for chunk in quick.written] == [b"event: ballot", b"event: result"]
    assert subscribers == 1


def test_a_stopped_listener_ends_the_chunked_stream_and_closes_the_socket() -> None:
    class LostTransport(ScriptedTransport):
        async def receive(self, ready: asyncio.Event) -> AsyncIterator[Message]:
            ready.set()
            yield await self.inbox.get()
            raise OSError("connection lost")

    async def scenario() -> FakeSocket:
        transport = LostTransport()
        hub = Hub(transport)
        socket = FakeSocket()
        async with hub.attached("conference-1", TransportStream(socket)):
            transport.send(Message("conference-1", "ballot", {"ballot": 2}))
            await until(lambda: socket.closed)
        return socket

    socket = run(scenario())
    assert socket.written[-1] == b"0\r\n\r\n"
    assert socket.closed


def test_figures_are_read_once_per_event_for_every_stream_and_events_keep_their_order(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reads: list[dict[str, object]] = []

    def ballot_figures(data: dict[str, object]) -> dict[str, object]:
        reads.append(data)
        return {"counts": {"voted": 7}}

    monkeypatch.setattr("icor.live.figures._registered", {"ballot": ballot_figures})

    async def scenario() -> list[list[bytes]]:
        transport = ScriptedTransport()
        hub = Hub(transport)
        sockets = [FakeSocket() for _ in range(3)]
        async with contextlib.AsyncExitStack() as streams:
            for socket in sockets:
                await streams.enter_async_context(hub.attached("conference-1", TransportStream(socket)))
            transport.send(Message("conference-1", "ballot", {"ballot": 2, "cast": True}))
            transport.send(Message("conference-1", "attendance", {"present": 4}))
            await until(lambda: all(len(socket.written) == 2 for socket in sockets))
        return [socket.written for socket in sockets]

    written = run(scenario())
    assert reads == [{"ballot": 2, "cast": True}]
    assert (
        written
        == [
            [
                http_chunk('event: ballot\ndata: {"ballot":2,"cast":true,"counts":{"voted":7}}\n\n'),
                http_chunk('event: attendance\ndata: {"present":4}\n\n'),
            ]
        ]
        * 3
    )
