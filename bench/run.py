"""Vote-burst benchmark: N delegations each cast one ballot over HTTP, as fast as the clients can.

    make bench                               # N = 100, 1,000 and 10,000
    BENCH_SIZES=100,1000 make bench          # choose N
    BENCH_CONCURRENCY=64 BENCH_WORKERS=2     # requests in flight, server processes

Creates a fresh PostgreSQL database (BENCH_DATABASE_URL, default .../icor_bench), runs
`icor setup` on it, serves it with `icor serve --workers 2`, and for each N prepares a
conference through the services, fires the casts, closes the ballot, checks that every
ballot was counted exactly once, and measures the raw insert rate of the database for the
same rows. Prints one table; writes nothing into the project. This is a measurement, not a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def main() -> int:
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "100,1000,10000").split(",") if size.strip()]
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    workers = int(os.environ.get("BENCH_WORKERS", "2"))
    concurrency = int(os.environ.get("BENCH_CONCURRENCY", "64"))
    os.environ.update(
        {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "icor.settings", "ICOR_LIVE_BACKEND": "postgres"}
    )
    print(f"fresh database {url.rsplit('/', 1)[-1]}; icor setup ...", flush=True)
    fresh_database(url)
    subprocess.run([sys.executable, "-m", "icor.cli", "setup"], check=True, cwd=CHECKOUT, env=os.environ)

    import django

    django.setup()
    from bench.burst import run_size
    from bench.report import machine, table
    from bench.server import icor_server

    rows = []
    with icor_server(workers=workers) as base:
        for size in sizes:
            print(f"N = {size:,}: preparing ...", flush=True)
            rows.append(run_size(base, size, concurrency=concurrency))
    print()
    print(machine(workers=workers, concurrency=concurrency))
    print()
    print(table(rows))
    return 0 if all(row.exact for row in rows) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(CHECKOUT))
    raise SystemExit(main())
