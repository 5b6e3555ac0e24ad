"""The database's own ceiling for the same write: pgbench, 32 clients, one durable insert with a
unique key per transaction, on the benchmark's database, in the same run as the casts."""

from __future__ import annotations

import re
import subprocess
import tempfile

import psycopg
from psycopg import conninfo

CLIENTS = 32
SECONDS = 5
SCRIPT = "INSERT INTO bench_ceiling (k) VALUES (gen_random_uuid());\n"


def pgbench_ceiling(url: str, *, clients: int = CLIENTS, seconds: int = SECONDS) -> float:
    """Transactions per second, each one INSERT of a row with a unique key and its commit."""
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP TABLE IF EXISTS bench_ceiling")
        db.execute(
            "CREATE TABLE bench_ceiling (id bigserial PRIMARY KEY, k uuid UNIQUE NOT NULL, at timestamptz DEFAULT now())"
        )
    info = conninfo.conninfo_to_dict(url)
    with tempfile.NamedTemporaryFile("w", suffix=".sql") as script:
        script.write(SCRIPT)
        script.flush()
        command = ["pgbench", "-n", "-c", str(clients), "-j", "2", "-T", str(seconds), "-f", script.name]
        for option, key in (("-h", "host"), ("-p", "port"), ("-U", "user")):
            if info.get(key):
                command += [option, str(info[key])]
        command.append(str(info["dbname"]))
        done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP TABLE bench_ceiling")
    found = re.search(r"tps = ([0-9.]+)", done.stdout)
    if found is None:
        raise RuntimeError(f"pgbench printed no rate: {done.stdout[-500:]}")
    return float(found.group(1))
