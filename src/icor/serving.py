"""How `icor serve` runs Django: one thread hop per request, kept connections, streams on the event loop.

Django's own ASGI handler gives every request a new thread and crosses between the event
loop and threads at each synchronous middleware; with new threads, database connections
cannot be kept either. Here the event loop (uvicorn) only reads the request and writes the
answer. Each request runs the whole synchronous Django stack (WSGI) in one thread of a
fixed pool, so each of those threads keeps its database connection from request to request
(`CONN_MAX_AGE`).

A live channel (`/live/<channel>/`) is authorized by that same stack: every middleware
(session, two-factor rule, observer scope) runs, and the view answers with a hand-off
instead of a stream. The thread and its connection go back to the pool at once; the event
loop then streams the channel from the process's hub (`icor.live.hub`), so a listener holds
neither a thread nor a database connection: the hub writes each event into its socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

from icor.live.handoff import LIVE_CHANNEL_HEADER, LIVE_HANDOFF
from icor.live.hub import END_OF_CHUNKS, WriteTransport

DEFAULT_THREADS = 16

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class Answer:
    """What the WSGI application answered, collected in its thread."""

    def __init__(self) -> None:
        self.status = 500
        self.headers: list[tuple[bytes, bytes]] = []
        self.body: list[bytes] = []
        self.live_channel = ""

    def start_response(
        self, status: str, headers: list[tuple[str, str]], exc_info: object = None
    ) -> Callable[[bytes], None]:
        self.status = int(status.split(" ", 1)[0])
        self.headers = []
        for name, value in headers:
            if name.lower() == LIVE_CHANNEL_HEADER.lower():
                self.live_channel = value
            else:
                self.headers.append((name.lower().encode("latin-1"), value.encode("latin-1")))
        return self.body.append


class Application:
    """The ASGI application of `icor serve` (see the module's description)."""

    def __init__(self, threads: int = DEFAULT_THREADS) -> None:
        self.wsgi = WSGIHandler()
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="icor-request")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.lifespan(receive, send)
        elif scope["type"] == "http":
            await self.http(scope, receive, send)
        # Websockets are not offered: uvicorn refuses the upgrade when the application returns.

    async def lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.pool.shutdown(wait=False, cancel_futures=True)
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        with tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE) as body:
            await read_body(receive, body)
            environ = wsgi_environ(scope, body)
            loop = asyncio.get_running_loop()
            answer = await loop.run_in_executor(self.pool, self.run_wsgi, environ)
        if answer.live_channel:
            await stream_live(answer, send, receive)
            return
        await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
        await send({"type": "http.response.body", "body": b"".join(answer.body)})

    def run_wsgi(self, environ: dict[str, Any]) -> Answer:
        answer = Answer()
        result: Iterable[bytes] = self.wsgi(environ, answer.start_response)
        try:
            answer.body.extend(result)
        finally:
            # Django's request_finished: the connection stays open for this thread's next request.
            close = getattr(result, "close", None)
            if close is not None:
                close()
        return answer


async def read_body(receive: Receive, body: tempfile.SpooledTemporaryFile[bytes]) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        body.write(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body.seek(0)


def wsgi_environ(scope: Scope, body: Any) -> dict[str, Any]:
    """The WSGI environ of an ASGI request (PEP 3333)."""
    script_name = scope.get("root_path", "").encode("utf8").decode("latin1")
    path_info = scope["path"].encode("utf8").decode("latin1")
    path_info = path_info.removeprefix(script_name)
    server = scope.get("server") or ("localhost", 80)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": script_name,
        "PATH_INFO": path_info,
        "QUERY_STRING": scope["query_string"].decode("latin1"),
        "SERVER_NAME": server[0],
        "SERVER_PORT": str(server[1] or 80),
        "SERVER_PROTOCOL": f"HTTP/{scope['http_version']}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        LIVE_HANDOFF: True,
    }
    if client := scope.get("client"):
        environ["REMOTE_ADDR"] = client[0]
        environ["REMOTE_PORT"] = str(client[1])
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin1").upper().replace("-", "_")
        value = raw_value.decode("latin1")
        key = name if name in {"CONTENT_LENGTH", "CONTENT_TYPE"} else f"HTTP_{name}"
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


async def stream_live(answer: Answer, send: Send, receive: Receive) -> None:
    """Stream a channel the Django view has authorized, until the browser leaves."""
    # The hand-off answer's empty body set a Content-Length; the stream has none.
    headers = [(name, value) for name, value in answer.headers if name != b"content-length"]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    transport = chunked_transport(send)
    if transport is None:
        await stream_by_task(answer.live_channel, send, receive)
    else:
        await stream_into_socket(answer.live_channel, transport, receive)


def chunked_transport(send: Send) -> WriteTransport | None:
    """The browser's socket under uvicorn's httptools protocol once a chunked response has
    started (what `icor serve` runs), so that the hub writes events into it directly."""
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if getattr(cycle, "chunked_encoding", None) is not True:
        return None
    needed = ("write", "is_closing", "get_write_buffer_size", "close", "abort")
    return transport if all(hasattr(transport, name) for name in needed) else None


async def stream_into_socket(channel: str, transport: WriteTransport, receive: Receive) -> None:
    """The hub writes each event into the socket itself; this coroutine only waits for the
    browser to leave (or for the hub to end the stream, which closes the socket)."""
    from icor.live.hub import TransportStream, current_hub, http_chunk
    from icor.live.views import RETRY_TEXT, UNAVAILABLE_TEXT, ready_text

    transport.write(http_chunk(RETRY_TEXT))
    try:
        async with current_hub().attached(channel, TransportStream(transport)):
            if not transport.is_closing():
                transport.write(http_chunk(ready_text(channel)))
            await wait_for_disconnect(receive)
    except ConnectionError:
        # The browser tries again after `retry`; the page still works without live updates.
        if not transport.is_closing():
            transport.write(http_chunk(UNAVAILABLE_TEXT) + END_OF_CHUNKS)
            transport.close()


async def stream_by_task(channel: str, send: Send, receive: Receive) -> None:
    """Under other servers: one task writes the stream through `send`; the browser leaving cancels it."""
    from icor.live.views import events

    async def write() -> None:
        async for text in events(channel):
            await send({"type": "http.response.body", "body": text.encode(), "more_body": True})

    writer = asyncio.ensure_future(write())
    watcher = asyncio.ensure_future(wait_for_disconnect(receive))
    try:
        await asyncio.wait({writer, watcher}, return_when=asyncio.FIRST_COMPLETED)
        browser_left = watcher.done()
    finally:
        for task in (writer, watcher):
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError, OSError):
            await writer
    if not browser_left:
        # The stream ended by itself (the transport stopped): end the response; the browser retries.
        with contextlib.suppress(OSError):
            await send({"type": "http.response.body", "body": b""})


async def wait_for_disconnect(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def application_from_environment() -> Application:
    """The application of one server process; ICOR_SERVE_THREADS sets its thread pool."""
    return Application(threads=int(os.environ.get("ICOR_SERVE_THREADS", DEFAULT_THREADS)))
