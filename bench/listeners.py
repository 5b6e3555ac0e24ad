"""Many browsers following one live channel, in a process of their own.

    python -m bench.listeners BASE CHANNEL COUNT SESSION_FILE

Opens COUNT Server-Sent-Events streams (raw asyncio, session keys read from SESSION_FILE,
one a line, used in turn), prints `ready <n>` once every stream announced itself, then notes
the wall-clock time at which each stream receives the `result` event. Standard input closing
(or a line `stop`, sent once the ballot is closed) ends the run as soon as every stream has
the result; the last line printed is a JSON report.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from urllib.parse import urlsplit

OPENING_AT_ONCE = 200
RESULT_WAIT = 60.0
COOKIE_NAME = "sessionid"
READ_SIZE = 65536
READY, BALLOT, RESULT = b"event: ready\n", b"event: ballot\n", b"event: result\n"


class Listener:
    def __init__(self) -> None:
        self.ready = False
        self.result_at: float | None = None
        self.nudges = 0
        self.error = ""


async def follow(
    base: str, channel: str, session_key: str, listener: Listener, gate: asyncio.Semaphore
) -> None:
    parts = urlsplit(base)
    try:
        async with gate:
            reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
            writer.write(
                (
                    f"GET /live/{channel}/ HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                    f"Cookie: {COOKIE_NAME}={session_key}\r\nAccept: text/event-stream\r\n\r\n"
                ).encode()
            )
            head = await reader.readuntil(b"\r\n\r\n")
            if b" 200 " not in head.split(b"\r\n", 1)[0]:
                listener.error = head.split(b"\r\n", 1)[0].decode()
                return
        # Whatever arrived, searched as bytes: line by line took several coroutine steps per event,
        # and with 10,000 streams this process could fall behind and time its own backlog.
        tail = b""
        while True:
            data = await reader.read(READ_SIZE)
            if not data:
                return
            seen = tail + data
            if not listener.ready and READY in seen:
                listener.ready = True
            listener.nudges += seen.count(BALLOT) - tail.count(BALLOT)
            if listener.result_at is None and RESULT in seen:
                listener.result_at = time.time()
            tail = seen[-len(RESULT) :]
    except (OSError, asyncio.IncompleteReadError) as error:
        listener.error = type(error).__name__


async def main(base: str, channel: str, count: int, session_file: str) -> None:
    with open(session_file) as keys_file:
        keys = [line.strip() for line in keys_file if line.strip()]
    listeners = [Listener() for _ in range(count)]
    gate = asyncio.Semaphore(OPENING_AT_ONCE)
    started_cpu = time.process_time()
    tasks = [
        asyncio.create_task(follow(base, channel, keys[number % len(keys)], listener, gate))
        for number, listener in enumerate(listeners)
    ]
    while sum(listener.ready for listener in listeners) + sum(bool(x.error) for x in listeners) < count:
        await asyncio.sleep(0.2)
    print(f"ready {sum(listener.ready for listener in listeners)}", flush=True)
    loop = asyncio.get_running_loop()
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    while True:
        line = await stdin.readline()
        if not line or line.strip() == b"stop":
            break
    # The ballot is closed: wait until every stream has the result (or RESULT_WAIT passed).
    deadline = loop.time() + RESULT_WAIT
    while loop.time() < deadline and any(x.ready and x.result_at is None and not x.error for x in listeners):
        await asyncio.sleep(0.05)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    errors: dict[str, int] = {}
    for listener in listeners:
        if listener.error:
            errors[listener.error] = errors.get(listener.error, 0) + 1
    report = {
        "ready": sum(listener.ready for listener in listeners),
        "result_at": [listener.result_at for listener in listeners if listener.result_at is not None],
        "nudges": sum(listener.nudges for listener in listeners),
        "errors": errors,
        "cpu_seconds": time.process_time() - started_cpu,
    }
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]))
