"""Whole-database backups and restores, for SQLite and PostgreSQL.

SQLite is copied page by page with the sqlite3 online-backup API (consistent while the
site runs). PostgreSQL is dumped with `pg_dump --format=custom` and restored with
`pg_restore`; where those programs are missing, a JSON dump of every table (Django's
dumpdata with natural keys) is the portable fallback. A restore goes into an empty
database only, so that nothing is ever overwritten.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import timezone

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
# Rebuilt by `migrate` on the target; sessions are short-lived and not worth carrying over.
JSON_EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    method: str


def default_output() -> Path:
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
    if connection.vendor != "sqlite" and not _has_pg_tools():
        suffix = ".json"
    return Path(settings.VAR_DIR) / "backups" / f"icor-{stamp}{suffix}"


def backup(output: Path, *, method: str = "auto") -> BackupResult:
    """Write a complete copy of the database to `output` (which must not exist yet)."""
    if output.exists():
        raise BackupError(f"{output} exists already; choose a new file name (nothing was written).")
    output.parent.mkdir(parents=True, exist_ok=True)
    chosen = _choose(method)
    if chosen == "sqlite":
        _backup_sqlite(output)
    elif chosen == "pg_dump":
        _run_pg(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(output)])
    else:
        _backup_json(output)
    output.chmod(0o600)
    return BackupResult(output, chosen)


def restore(source: Path) -> str:
    """Load a backup into the configured database, which must be empty. Returns the method used."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The target database is not empty ({len(tables)} tables); a backup is restored only into an "
            "empty database so that nothing is overwritten."
        )
    head = source.read_bytes()[:16]
    if head.startswith(SQLITE_MAGIC):
        _require_vendor("sqlite", "an SQLite backup")
        _restore_sqlite(source)
        return "sqlite"
    if head.startswith(PG_CUSTOM_MAGIC):
        _require_vendor("postgresql", "a pg_dump backup")
        if not _has_pg_tools():
            raise BackupError("pg_restore is not on PATH; install the PostgreSQL client programs.")
        _run_pg(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                str(source),
            ]
        )
        return "pg_dump"
    if head.lstrip()[:1] in (b"[", b"{"):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("loaddata", str(source), format="json", verbosity=0)
        return "json"
    raise BackupError(f"{source} is not an icor backup (neither SQLite, pg_dump custom format nor JSON).")


def _choose(method: str) -> str:
    if method == "json":
        return "json"
    if method not in ("auto", "native"):
        raise BackupError(f"Unknown backup method {method!r} (auto, native or json).")
    if connection.vendor == "sqlite":
        return "sqlite"
    if connection.vendor == "postgresql" and _has_pg_tools():
        return "pg_dump"
    if method == "native":
        raise BackupError(
            "pg_dump is not on PATH; install the PostgreSQL client programs or use --method json."
        )
    return "json"


def _has_pg_tools() -> bool:
    return shutil.which("pg_dump") is not None and shutil.which("pg_restore") is not None


def _require_vendor(vendor: str, what: str) -> None:
    if connection.vendor != vendor:
        raise BackupError(
            f"This is {what}; it can only be restored into a {vendor} database, not {connection.vendor}."
        )


def _sqlite_connection() -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection  # type: ignore[return-value]


def _backup_sqlite(output: Path) -> None:
    target = sqlite3.connect(output)
    try:
        _sqlite_connection().backup(target)
    finally:
        target.close()


def _restore_sqlite(source: Path) -> None:
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        origin.backup(_sqlite_connection())
    finally:
        origin.close()


class _LosslessEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes to milliseconds; the audit hashes need every microsecond."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _backup_json(output: Path) -> None:
    """Every row of every table, in dependency order, with natural keys (loaddata reads it back)."""
    app_list = [(config, None) for config in apps.get_app_configs()]
    rows: list[Any] = []
    for model in serializers.sort_dependencies(app_list, allow_cycles=True):
        meta = model._meta
        if (
            not meta.managed
            or meta.proxy
            or meta.label_lower in JSON_EXCLUDED
            or meta.app_label in JSON_EXCLUDED
        ):
            continue
        rows.extend(
            serializers.serialize(
                "python",
                model._default_manager.order_by(meta.pk.name),  # type: ignore[union-attr]
                use_natural_foreign_keys=True,
                use_natural_primary_keys=True,
            )
        )
    output.write_text(json.dumps(rows, cls=_LosslessEncoder, ensure_ascii=False, indent=1), encoding="utf-8")


def _run_pg(arguments: list[str]) -> None:
    """Run a PostgreSQL client program against the configured database; secrets go via the environment."""
    database = connection.settings_dict
    environment = {
        **os.environ,
        "PGDATABASE": str(database.get("NAME") or ""),
        "PGHOST": str(database.get("HOST") or ""),
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": str(database.get("USER") or ""),
        "PGPASSWORD": str(database.get("PASSWORD") or ""),
    }
    # pg_restore needs the target named explicitly; pg_dump reads PGDATABASE.
    if arguments[0] == "pg_restore":
        arguments = [arguments[0], "--dbname", environment["PGDATABASE"], *arguments[1:]]
    finished = subprocess.run(arguments, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if finished.returncode != 0:
        raise BackupError(f"{arguments[0]} failed: {finished.stderr.strip()[:500]}")
