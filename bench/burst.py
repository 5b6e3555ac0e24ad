"""One benchmark size: prepare, fire the casts, close, check exactness, measure the database alone."""

from __future__ import annotations

import asyncio
import json
import secrets
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
import psycopg
from django.conf import settings

from bench.scene import Scene, Voter, open_current_affairs_ballot, prepare
from icor.conferences import services as conferences
from icor.conferences.models import Ballot, Vote

CHOICES = ("yes", "no", "abstain")
DUPLICATE_SHARE = 20  # one delegation in 20 submits its vote twice at the same moment
RESULT_TIMEOUT = 60.0


@dataclass
class Row:
    size: int
    casts_per_second: float
    p50_ms: float
    p99_ms: float
    result_ms: float
    raw_per_second: float
    exact: bool
    refused_duplicates: int
    problems: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.casts_per_second / self.raw_per_second if self.raw_per_second else 0.0


def choice_of(number: int) -> str:
    return CHOICES[number % len(CHOICES)]


class LiveWatcher:
    """Follows the conference's live channel like a browser would, noting when each event arrived."""

    def __init__(self, base: str, channel: str, session_key: str) -> None:
        self.url = f"{base}/live/{channel}/"
        self.cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"
        self.ready = asyncio.Event()
        self.closed_at: float | None = None
        self.closed = asyncio.Event()
        self.events = 0

    async def follow(self) -> None:
        async with (
            httpx.AsyncClient(timeout=httpx.Timeout(None, connect=10)) as client,
            client.stream("GET", self.url, headers={"Cookie": self.cookie}) as stream,
        ):
            if stream.status_code != 200:
                raise RuntimeError(f"live channel answered {stream.status_code}, not a stream")
            event = ""
            async for line in stream.aiter_lines():
                if line.startswith("event: "):
                    event = line.removeprefix("event: ")
                elif line.startswith("data: "):
                    self.observe(event, json.loads(line.removeprefix("data: ")))

    def observe(self, event: str, data: dict[str, object]) -> None:
        self.events += 1
        if event == "ready":
            self.ready.set()
        elif (
            event == "result" or (event == "ballot" and data.get("open") is False)
        ) and not self.closed.is_set():
            self.closed_at = time.perf_counter()
            self.closed.set()


async def fire(base: str, scene: Scene, concurrency: int) -> tuple[list[float], Counter[int], float, float]:
    """Every voter casts once; some twice at the same moment. Latencies in seconds, statuses counted."""
    token = secrets.token_hex(16)
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    url = cast_url(base, scene.ballot)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def cast(client: httpx.AsyncClient, number: int, voter: Voter) -> None:
        headers = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={voter.session_key}; {settings.CSRF_COOKIE_NAME}={token}",
            "X-CSRFToken": token,
        }
        async with gate:
            started = time.perf_counter()
            response = await client.post(url, json=cast_body(voter, choice_of(number)), headers=headers)
            latencies.append(time.perf_counter() - started)
        statuses[response.status_code] += 1

    jobs = []
    for number, voter in enumerate(scene.voters):
        jobs.append((number, voter))
        if number % DUPLICATE_SHARE == 0:
            jobs.append((number, voter))
    async with httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(120)) as client:
        began = time.perf_counter()
        await asyncio.gather(*(cast(client, number, voter) for number, voter in jobs))
        last = time.perf_counter()
    return latencies, statuses, began, last


def cast_url(base: str, ballot: Ballot) -> str:
    return f"{base}/api/conferences/ballots/{ballot.pk}/votes"


def cast_body(voter: Voter, choice: str) -> dict[str, object]:
    return {"choice": choice}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def warm_up(base: str, scene: Scene, concurrency: int) -> None:
    """Let every server process load its code and open its first connections before timing."""
    cookie = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={scene.voters[0].session_key}"}
    async with httpx.AsyncClient(timeout=httpx.Timeout(60)) as client:
        for _round in range(3):
            await asyncio.gather(
                *(
                    client.get(f"{base}/api/conferences/ballots/{scene.ballot.pk}", headers=cookie)
                    for _ in range(concurrency)
                )
            )


async def burst(base: str, scene: Scene, concurrency: int) -> tuple[list[float], Counter[int], float, float]:
    # A delegate follows the channel (committee accounts must first set up two-factor login).
    watcher = LiveWatcher(base, f"conference-{scene.conference.pk}", scene.voters[0].session_key)
    following = asyncio.create_task(watcher.follow())
    try:
        await warm_up(base, scene, concurrency)
        ready = asyncio.create_task(watcher.ready.wait())
        await asyncio.wait({ready, following}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
        if not watcher.ready.is_set():
            ready.cancel()
            raise RuntimeError(
                f"the live channel did not open: {following.exception() if following.done() else 'timeout'}"
            )
        latencies, statuses, began, last = await fire(base, scene, concurrency)
        await asyncio.to_thread(close, scene)
        await asyncio.wait_for(watcher.closed.wait(), RESULT_TIMEOUT)
        assert watcher.closed_at is not None
        return latencies, statuses, last - began, watcher.closed_at - last
    finally:
        following.cancel()


def close(scene: Scene) -> None:
    conferences.close_ballot(ballot=scene.ballot, actor=scene.chair)


def check(scene: Scene, statuses: Counter[int]) -> list[str]:
    """Every delegation's vote counted exactly once; duplicates refused; the decided figures agree."""
    problems = []
    expected = Counter(choice_of(number) for number in range(scene.size))
    votes = Vote.objects.filter(ballot=scene.ballot)
    counted = Counter(votes.values_list("choice", flat=True))
    if counted != expected:
        problems.append(f"counted {dict(counted)}, expected {dict(expected)}")
    if votes.values("delegation").distinct().count() != scene.size:
        problems.append("not every delegation has exactly one vote")
    duplicates = len(range(0, scene.size, DUPLICATE_SHARE))
    accepted = sum(count for status, count in statuses.items() if 200 <= status < 300)
    if accepted != scene.size:
        problems.append(f"{accepted} casts accepted, expected {scene.size}")
    if statuses.get(400, 0) + statuses.get(409, 0) + statuses.get(422, 0) != duplicates:
        problems.append(f"duplicates: statuses {dict(statuses)}, expected {duplicates} refused")
    outcome = Ballot.objects.get(pk=scene.ballot.pk).outcome or {}
    figures = outcome.get("figures", {})
    for choice in CHOICES:
        if choice in figures and figures[choice] != expected[choice]:
            problems.append(f"decided figure {choice}={figures[choice]}, expected {expected[choice]}")
    return problems


def raw_insert_rate(scene: Scene) -> float:
    """The same rows inserted by one psycopg connection, one autocommit INSERT each: the database alone."""
    ballot = open_current_affairs_ballot(
        scene.conference, scene.chair, scene.submitter, scene.ballot.motion.organization, "raw insert"
    )
    table = Vote._meta.db_table
    statement = f"INSERT INTO {table} (ballot_id, delegation_id, choice, cast_at) VALUES (%s, %s, %s, now())"  # noqa: S608
    with psycopg.connect(settings.DATABASE_URL, autocommit=True) as connection:
        began = time.perf_counter()
        for number, voter in enumerate(scene.voters):
            connection.execute(statement, (ballot.pk, voter.delegation_id, choice_of(number)))
        elapsed = time.perf_counter() - began
    conferences.close_ballot(ballot=ballot, actor=scene.chair)
    return scene.size / elapsed


def run_size(base: str, size: int, *, concurrency: int) -> Row:
    scene = prepare(size)
    print(f"N = {size:,}: casting ...", flush=True)
    latencies, statuses, seconds, result_seconds = asyncio.run(burst(base, scene, concurrency))
    problems = check(scene, statuses)
    raw = raw_insert_rate(scene)
    return Row(
        size=size,
        casts_per_second=size / seconds,
        p50_ms=1000 * statistics.median(latencies),
        p99_ms=1000 * percentile(latencies, 0.99),
        result_ms=1000 * result_seconds,
        raw_per_second=raw,
        exact=not problems,
        refused_duplicates=sum(count for status, count in statuses.items() if status >= 400),
        problems=problems,
    )
