"""Real `icor serve` processes for the cross-process tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from django.conf import settings
from django.db import connection

# How long a server may take to answer /health: a wait, not a measurement. Starting Django in
# each worker took over 30 s on a loaded two-core machine.
START_SECONDS = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def shared_database_url() -> str:
    """The database pytest-django created for this run (test_<name>), which the servers must share."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def running_server(
    extra_env: dict[str, str], *, workers: int = 1
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Start `icor serve` on a free port; yield its base URL and process once /health answers.

    A test may kill the process itself; whatever still runs is stopped afterwards.
    """
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": shared_database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_SETTINGS_MODULE": "icor.settings",
        **extra_env,
    }
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "icor.cli", "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            cwd=Path(settings.CHECKOUT_DIR),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_SECONDS
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"icor serve did not start:\n{log.read().decode(errors='replace')}")
                with contextlib.suppress(httpx.TransportError):
                    if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                        break
                time.sleep(0.1)
            yield base, process
        finally:
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def icor_server(extra_env: dict[str, str], *, workers: int = 1) -> Iterator[str]:
    """Start `icor serve` on a free port; yield its base URL once /health answers; stop it after."""
    with running_server(extra_env, workers=workers) as (base, _process):
        yield base
