"""Vote-burst benchmark: N delegations each cast one ballot over HTTP while browsers listen.

    make bench                               # N = 100, 1,000 and 10,000
    BENCH_SIZES=100,1000 make bench          # choose N
    BENCH_LISTENERS=500,10000                # one burst per number of SSE listeners (0: none)
    BENCH_CONCURRENCY=64 BENCH_WORKERS=2 BENCH_THREADS=16

Creates a fresh PostgreSQL database (BENCH_DATABASE_URL, default .../icor_bench), runs
`icor setup` on it, serves it with `icor serve`, times the pages with the seed registry, and
for each N prepares a conference through the services, measures PostgreSQL's ceiling for the
same kind of write (pgbench, 32 clients), then per listener count opens a ballot, connects
the listeners, fires the casts (a lean keep-alive client), closes the ballot, checks that
every ballot was counted exactly once and that the audit chain verifies, and finally times
the conference's pages. Prints one table per N; writes nothing into the project. This is a
measurement, not a test.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql

CHECKOUT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/icor_bench"


def fresh_database(url: str) -> None:
    """Drop and create the benchmark database (it holds nothing but benchmark data)."""
    info = psycopg.conninfo.conninfo_to_dict(url)
    name = str(info.pop("dbname"))
    with psycopg.connect(**info, dbname="postgres", autocommit=True) as admin:  # type: ignore[arg-type]
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def numbers(name: str, default: str) -> list[int]:
    return [int(value) for value in os.environ.get(name, default).split(",") if value.strip()]


def main() -> int:
    sizes = numbers("BENCH_SIZES", "100,1000,10000")
    listener_counts = numbers("BENCH_LISTENERS", "500,10000")
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    workers = int(os.environ.get("BENCH_WORKERS", "2"))
    threads = int(os.environ.get("BENCH_THREADS", "16"))
    concurrency = int(os.environ.get("BENCH_CONCURRENCY", "64"))
    os.environ.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "icor.settings",
            "ICOR_LIVE_BACKEND": "postgres",
            "ICOR_SERVE_THREADS": str(threads),
            # A fresh database needs a fresh data directory: the audit checkpoints of an earlier
            # run's database would not match this one's chain.
            "ICOR_DATA_DIR": tempfile.mkdtemp(prefix="icor-bench-"),
        }
    )
    atexit.register(shutil.rmtree, os.environ["ICOR_DATA_DIR"], True)
    print(f"fresh database {url.rsplit('/', 1)[-1]}; icor setup ...", flush=True)
    fresh_database(url)
    subprocess.run([sys.executable, "-m", "icor.cli", "setup"], check=True, cwd=CHECKOUT, env=os.environ)

    import django

    django.setup()
    from bench.burst import REGISTRY_PAGES, burst, chair_pages, conference_pages, page_costs
    from bench.ceiling import pgbench_ceiling
    from bench.report import burst_table, machine, page_table
    from bench.scene import chair_session, prepare, reader_session
    from bench.server import icor_server

    tables = []
    with icor_server(workers=workers) as server:
        asyncio.run(warm_up(server.base, concurrency))
        tables.append(
            page_table(
                "Pages with the seed registry", page_costs(server.base, REGISTRY_PAGES, reader_session())
            )
        )
        exact = True
        for size in sizes:
            print(f"N = {size:,}: preparing ...", flush=True)
            scene = prepare(size)
            ceiling = pgbench_ceiling(url)
            rows = []
            for listeners in listener_counts:
                print(f"N = {size:,}: {listeners:,} listeners, casting ...", flush=True)
                asyncio.run(warm_up(server.base, concurrency))
                rows.append(
                    burst(
                        server.base,
                        server,
                        scene,
                        listeners=listeners,
                        concurrency=concurrency,
                        ceiling=ceiling,
                    )
                )
                exact = exact and rows[-1].exact
            tables.append(burst_table(rows))
            pages = {**conference_pages(scene), **REGISTRY_PAGES}
            costs = page_costs(server.base, pages, scene.voters[0].session_key)
            costs += page_costs(server.base, chair_pages(scene), chair_session(scene))
            tables.append(page_table(f"Pages with {size:,} delegations", costs))
    print()
    print(machine(workers=workers, threads=threads, concurrency=concurrency))
    for table in tables:
        print()
        print(table)
    return 0 if exact else 1


async def warm_up(base: str, concurrency: int) -> None:
    """Let every server process and thread load its code and open its connection before timing."""
    from bench.client import Pool, request_bytes

    pool = Pool(base, concurrency)
    raw = request_bytes("GET", base, "/health")
    for _round in range(3):
        await asyncio.gather(*(pool.send(raw) for _ in range(concurrency)))
    pool.close()


if __name__ == "__main__":
    sys.path.insert(0, str(CHECKOUT))
    raise SystemExit(main())
