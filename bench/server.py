"""`icor serve` as a subprocess on a free port, for as long as the benchmark runs."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, process: subprocess.Popen[bytes], base: str) -> None:
        self.process = process
        self.base = base

    def cpu_seconds(self) -> float:
        """User and system CPU of the server's processes (the supervisor and its workers) so far."""
        return tree_cpu_seconds(self.process.pid)


def tree_cpu_seconds(root: int) -> float:
    """User and system CPU of a process and its descendants so far."""
    total = 0
    for pid in process_tree(root):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def process_tree(root: int) -> list[int]:
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                queue += [int(child) for child in (task / "children").read_text().split()]
    return found


@contextlib.contextmanager
def icor_server(*, workers: int, extra: list[str] | None = None) -> Iterator[Server]:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
        [
            sys.executable,
            "-m",
            "icor.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            *(extra or []),
        ],
        cwd=CHECKOUT,
        env=os.environ,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("icor serve did not start")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{base}/health", timeout=1) as answer,  # noqa: S310 - our own server
            ):
                if answer.status == 200:
                    break
            time.sleep(0.2)
        yield Server(process, base)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
