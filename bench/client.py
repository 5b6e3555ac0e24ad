"""A lean HTTP/1.1 client on raw asyncio streams: keep-alive connections, prepared requests.

A general client (httpx) spends more CPU per request than the server does, and on a shared
machine the benchmark would measure itself. Here a request is bytes prepared once, an answer
is a status line, headers and a Content-Length body: only what the platform sends.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Answer:
    status: int
    headers: dict[bytes, bytes]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def request_bytes(
    method: str, base: str, path: str, *, headers: dict[str, str] | None = None, body: bytes = b""
) -> bytes:
    host = urlsplit(base).netloc
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method in {"POST", "PUT", "PATCH"}:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Connection:
    """One keep-alive connection; one request at a time."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port, limit=2**22)

    async def send(self, raw: bytes) -> Answer:
        for attempt in (1, 2):
            if self.writer is None or self.writer.is_closing():
                await self.open()
            assert self.reader is not None and self.writer is not None
            try:
                self.writer.write(raw)
                return await read_answer(self.reader)
            except (ConnectionError, asyncio.IncompleteReadError):
                # The server closed an idle keep-alive connection: once more on a new one.
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def read_head(reader: asyncio.StreamReader) -> tuple[int, dict[bytes, bytes]]:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head[:-4].split(b"\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split(b" ", 2)[1]), headers


async def read_answer(reader: asyncio.StreamReader) -> Answer:
    status, headers = await read_head(reader)
    if headers.get(b"transfer-encoding") == b"chunked":
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n"))[:-2], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            chunks.append(chunk[:-2])
        return Answer(status, headers, b"".join(chunks))
    length = int(headers.get(b"content-length", b"0"))
    return Answer(status, headers, await reader.readexactly(length) if length else b"")


class Pool:
    """`size` keep-alive connections shared by any number of concurrent requests."""

    def __init__(self, base: str, size: int) -> None:
        self.free: asyncio.Queue[Connection] = asyncio.Queue()
        self.connections = [Connection(base) for _ in range(size)]
        for connection in self.connections:
            self.free.put_nowait(connection)

    async def send(self, raw: bytes) -> Answer:
        connection = await self.free.get()
        try:
            return await connection.send(raw)
        except BaseException:
            connection.close()
            raise
        finally:
            self.free.put_nowait(connection)

    def close(self) -> None:
        for connection in self.connections:
            connection.close()
