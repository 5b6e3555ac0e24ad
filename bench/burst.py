"""One benchmark size: prepare, measure the ceiling, fire the casts with browsers listening,
close, check exactness and the audit chain, time the pages."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.client import Pool, request_bytes
from bench.scene import Scene, open_current_affairs_ballot
from bench.server import Server, tree_cpu_seconds
from icor.audit.services import verify_chain
from icor.conferences import services as conferences
from icor.conferences.models import Ballot, Vote

CHOICES = ("yes", "no", "abstain")
DUPLICATE_SHARE = 20  # one delegation in 20 submits its vote twice at the same moment
CHECKOUT = Path(__file__).resolve().parents[1]


@dataclass
class Burst:
    size: int
    listeners: int
    casts_per_second: float
    p50_ms: float
    p99_ms: float
    client_cpu_ms: float  # per cast
    server_cpu_ms: float  # per cast
    ceiling_tps: float
    listeners_cpu_ms: float = 0.0  # per cast, the listeners' process during the burst
    listening: int = 0
    delivery_p50_ms: float = 0.0
    delivery_p95_ms: float = 0.0
    delivered: int = 0
    listener_errors: dict[str, int] = field(default_factory=dict)
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    problems: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.casts_per_second / self.ceiling_tps if self.ceiling_tps else 0.0

    @property
    def exact(self) -> bool:
        return not self.problems


@dataclass
class PageCost:
    name: str
    p50_ms: float
    queries: int
    status: int


def choice_of(number: int) -> str:
    return CHOICES[number % len(CHOICES)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def fire(
    base: str, scene: Scene, ballot: Ballot, concurrency: int
) -> tuple[list[float], Counter[int], float, float]:
    """Every voter casts once; some twice at the same moment. Latencies in seconds, statuses counted."""
    token = secrets.token_hex(16)
    path = f"/api/conferences/ballots/{ballot.pk}/votes"
    jobs = []
    for number, voter in enumerate(scene.voters):
        headers = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={voter.session_key}; {settings.CSRF_COOKIE_NAME}={token}",
            "X-CSRFToken": token,
            "Content-Type": "application/json",
        }
        raw = request_bytes(
            "POST", base, path, headers=headers, body=json.dumps({"choice": choice_of(number)}).encode()
        )
        jobs.append(raw)
        if number % DUPLICATE_SHARE == 0:
            jobs.append(raw)
    pool = Pool(base, concurrency)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()

    gate = asyncio.Semaphore(concurrency)

    async def cast(raw: bytes) -> None:
        async with gate:  # a cast's time runs from when a connection is free to send it
            started = time.perf_counter()
            answer = await pool.send(raw)
            latencies.append(time.perf_counter() - started)
        statuses[answer.status] += 1

    began = time.perf_counter()
    await asyncio.gather(*(cast(raw) for raw in jobs))
    last = time.perf_counter()
    pool.close()
    return latencies, statuses, began, last


def check(scene: Scene, ballot: Ballot, statuses: Counter[int]) -> list[str]:
    """Every delegation's vote counted exactly once; duplicates refused; the decided figures agree."""
    problems = []
    expected = Counter(choice_of(number) for number in range(scene.size))
    votes = Vote.objects.filter(ballot=ballot)
    counted = Counter(votes.values_list("choice", flat=True))
    if counted != expected:
        problems.append(f"counted {dict(counted)}, expected {dict(expected)}")
    if votes.values("delegation").distinct().count() != scene.size:
        problems.append("not every delegation has exactly one vote")
    duplicates = len(range(0, scene.size, DUPLICATE_SHARE))
    accepted = sum(count for status, count in statuses.items() if 200 <= status < 300)
    if accepted != scene.size:
        problems.append(f"{accepted} casts accepted, expected {scene.size}")
    if statuses.get(409, 0) != duplicates:  # the error contract answers a second vote with 409
        problems.append(f"duplicates: statuses {dict(statuses)}, expected {duplicates} refused")
    outcome = Ballot.objects.get(pk=ballot.pk).outcome or {}
    figures = outcome.get("figures", {})
    for choice in CHOICES:
        if choice in figures and figures[choice] != expected[choice]:
            problems.append(f"decided figure {choice}={figures[choice]}, expected {expected[choice]}")
    links = ballot_links(ballot)
    if links != scene.size:
        problems.append(f"{links} audit links of casts, expected {scene.size}")
    verification = verify_chain()
    if not verification.ok:
        problems.append(f"audit chain broken at #{verification.broken_at}: {verification.reason}")
    return problems


def ballot_links(ballot: Ballot) -> int:
    from icor.audit.models import AuditEvent

    return AuditEvent.objects.filter(event="ballot.cast", subject=f"ballot:{ballot.pk}").count()


class Listeners:
    """The listener process (bench/listeners.py) for one burst."""

    def __init__(self, base: str, scene: Scene, count: int) -> None:
        self.count = count
        self.keys = tempfile.NamedTemporaryFile("w", suffix=".keys", delete=False)  # noqa: SIM115
        self.keys.write("\n".join(voter.session_key for voter in scene.voters))
        self.keys.close()
        channel = f"conference-{scene.conference.pk}"
        self.process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
            [sys.executable, "-m", "bench.listeners", base, channel, str(count), self.keys.name],
            cwd=CHECKOUT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self) -> int:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("ready "):
            raise RuntimeError(f"the listeners did not start: {line!r}")
        return int(line.split()[1])

    def cpu_seconds(self) -> float:
        return tree_cpu_seconds(self.process.pid)

    def finish(self) -> dict[str, object]:
        out, _ = self.process.communicate("stop\n", timeout=120)
        os.unlink(self.keys.name)
        return json.loads(out.strip().splitlines()[-1])


def burst(
    base: str, server: Server, scene: Scene, *, listeners: int, concurrency: int, ceiling: float
) -> Burst:
    ballot = open_current_affairs_ballot(
        scene.conference, scene.chair, scene.submitter, scene.ballot.motion.organization, f"burst {listeners}"
    )
    following = Listeners(base, scene, listeners) if listeners else None
    listening = following.wait_ready() if following else 0
    load = os.getloadavg()
    server_cpu = server.cpu_seconds()
    listeners_cpu = following.cpu_seconds() if following else 0.0
    client_cpu = time.process_time()
    latencies, statuses, began, last = asyncio.run(fire(base, scene, ballot, concurrency))
    client_cpu = time.process_time() - client_cpu
    server_cpu = server.cpu_seconds() - server_cpu
    listeners_cpu = following.cpu_seconds() - listeners_cpu if following else 0.0
    last_cast = time.time() - (time.perf_counter() - last)
    conferences.close_ballot(ballot=ballot, actor=scene.chair)
    report: dict[str, object] = {}
    if following:
        report = following.finish()
    delivered = [1000 * (at - last_cast) for at in report.get("result_at", [])]  # type: ignore[attr-defined]
    problems = check(scene, ballot, statuses)
    if following and len(delivered) != listening:
        problems.append(f"the result reached {len(delivered)} of {listening} listeners")
    return Burst(
        size=scene.size,
        listeners=listeners,
        casts_per_second=scene.size / (last - began),
        p50_ms=1000 * statistics.median(latencies),
        p99_ms=1000 * percentile(latencies, 0.99),
        client_cpu_ms=1000 * client_cpu / scene.size,
        server_cpu_ms=1000 * server_cpu / scene.size,
        listeners_cpu_ms=1000 * listeners_cpu / scene.size,
        ceiling_tps=ceiling,
        listening=listening,
        delivery_p50_ms=percentile(delivered, 0.5),
        delivery_p95_ms=percentile(delivered, 0.95),
        delivered=len(delivered),
        listener_errors=dict(report.get("errors", {})),  # type: ignore[call-overload]
        load=load,
        problems=problems,
    )


def page_costs(base: str, pages: dict[str, str], session_key: str, *, repeat: int = 15) -> list[PageCost]:
    """p50 over HTTP (the lean client, one at a time) and the queries of one request (in process)."""
    cookie = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session_key}"}
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key

    async def timed(path: str) -> tuple[float, int]:
        pool = Pool(base, 1)
        raw = request_bytes("GET", base, path, headers=cookie)
        status = (await pool.send(raw)).status
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            await pool.send(raw)
            times.append(time.perf_counter() - started)
        pool.close()
        return 1000 * statistics.median(times), status

    costs = []
    for name, path in pages.items():
        p50, status = asyncio.run(timed(path))
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        costs.append(PageCost(name, p50, len(queries), status))
    return costs


def conference_pages(scene: Scene) -> dict[str, str]:
    c, m, b = scene.conference.pk, scene.ballot.motion_id, scene.ballot.pk
    return {
        "conference": f"/conferences/{c}/",
        "attendance": f"/conferences/{c}/attendance/",
        "minutes": f"/conferences/{c}/minutes/",
        "motion": f"/conferences/motions/{m}/",
        "ballot status (live fragment)": f"/conferences/ballots/{b}/status/",
        "ballot result": f"/conferences/ballots/{b}/",
        "speakers": f"/debate/conferences/{c}/speakers/",
    }


def chair_pages(scene: Scene) -> dict[str, str]:
    c = scene.conference.pk
    return {
        "chair's console (a ballot open)": f"/conferences/{c}/chair/",
        "chair's console, live part": f"/conferences/{c}/chair/live/",
    }


REGISTRY_PAGES = {
    "home": "/",
    "registry": "/registry/",
    "statistics": "/registry/statistics/",
    "world map (SVG)": "/registry/map.svg",
    "conferences": "/conferences/",
}
