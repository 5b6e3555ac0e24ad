"""The benchmark's printed table and the description of the machine it ran on."""

from __future__ import annotations

import os
import platform

from django.db import connection

from bench.burst import Row


def machine(*, workers: int, concurrency: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"PostgreSQL {server_version} on the same machine\n"
        f"server: icor serve --workers {workers} (uvicorn, ASGI); clients: {concurrency} requests in flight "
        "(httpx, asyncio) on the same machine"
    )


def table(rows: list[Row]) -> str:
    header = (
        "| N | casts/s | p50 ms | p99 ms | last cast → result ms | raw inserts/s | casts ÷ raw | exact |",
        "|---:|---:|---:|---:|---:|---:|---:|:---|",
    )
    lines = list(header)
    for row in rows:
        verdict = "yes" if row.exact else "NO: " + "; ".join(row.problems)
        lines.append(
            f"| {row.size:,} | {row.casts_per_second:,.0f} | {row.p50_ms:,.1f} | {row.p99_ms:,.1f} "
            f"| {row.result_ms:,.0f} | {row.raw_per_second:,.0f} | {row.ratio:.1%} | {verdict} |"
        )
    return "\n".join(lines)
