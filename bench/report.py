"""The benchmark's printed tables and the description of the machine it ran on."""

from __future__ import annotations

import os
import platform

from django.db import connection

from bench.burst import Burst, PageCost


def machine(*, workers: int, threads: int, concurrency: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"PostgreSQL {server_version} on the same machine\n"
        f"server: icor serve --workers {workers} --threads {threads}; clients: {concurrency} keep-alive "
        "connections (bench/client.py, raw asyncio HTTP/1.1) and the listeners' process, on the same machine"
    )


def burst_table(rows: list[Burst]) -> str:
    lines = [
        f"N = {rows[0].size:,}",
        "",
        "| SSE listeners | casts/s | ceiling tps (pgbench, 32) | casts ÷ ceiling | p50 ms | p99 ms "
        "| client CPU ms/cast | server CPU ms/cast | listeners' CPU ms/cast "
        "| result delivered p50 / p95 ms (reached) | load 1/5/15 | exact, chain |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|",
    ]
    for row in rows:
        verdict = "yes" if row.exact else "NO: " + "; ".join(row.problems)
        delivery = (
            f"{row.delivery_p50_ms:,.0f} / {row.delivery_p95_ms:,.0f} ({row.delivered:,} of {row.listening:,})"
            if row.listeners
            else "-"
        )
        if row.listener_errors:
            delivery += f" errors {row.listener_errors}"
        lines.append(
            f"| {row.listeners:,} | {row.casts_per_second:,.0f} | {row.ceiling_tps:,.0f} | {row.ratio:.1%} "
            f"| {row.p50_ms:,.1f} | {row.p99_ms:,.1f} | {row.client_cpu_ms:.2f} | {row.server_cpu_ms:.2f} "
            f"| {row.listeners_cpu_ms:.2f} "
            f"| {delivery} | {' / '.join(f'{x:.1f}' for x in row.load)} | {verdict} |"
        )
    return "\n".join(lines)


def page_table(title: str, costs: list[PageCost]) -> str:
    lines = [title, "", "| page | p50 ms | queries | status |", "|:---|---:|---:|---:|"]
    lines += [f"| {c.name} | {c.p50_ms:,.1f} | {c.queries} | {c.status} |" for c in costs]
    return "\n".join(lines)
