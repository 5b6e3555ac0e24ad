"""`icor backup` and `icor restore`: a backup restored into an empty database holds everything,
and its audit chain still verifies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from icor.accounts.models import Role
from icor.audit.models import AuditEvent
from icor.audit.services import verify_chain
from icor.registry.models import Organization
from icor.registry.services import load_seed_registry, record_exit
from tests.factories import make_user

COUNTS = (
    "import json; from icor.registry.models import Organization; from icor.audit.models import AuditEvent;"
    " from icor.accounts.models import User;"
    " print(json.dumps({'organizations': Organization.objects.count(), 'events': AuditEvent.objects.count(),"
    " 'accounts': User.objects.count(), 'last_hash': AuditEvent.objects.order_by('sequence').last().hash}))"
)


def icor(*arguments: str, database_url: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ICOR_VAR_DIR": str(var_dir),
        "SECRET_KEY": "backup-restore-test-" + "x" * 40,
        "DJANGO_SETTINGS_MODULE": "icor.settings",
    }
    return subprocess.run(
        [sys.executable, "-m", "icor.cli", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def some_history() -> dict[str, object]:
    load_seed_registry()
    committee = make_user(Role.COMMITTEE)
    organization = Organization.objects.order_by("pk").first()
    assert organization is not None
    record_exit(organization, actor=committee, left_on=date(2024, 5, 1))
    last = AuditEvent.objects.order_by("sequence").last()
    assert last is not None
    return {
        "organizations": Organization.objects.count(),
        "events": AuditEvent.objects.count(),
        "accounts": committee.__class__.objects.count(),
        "last_hash": last.hash,
    }


def check_restored(backup_file: Path, database_url: str, var_dir: Path, expected: dict[str, object]) -> None:
    restored = icor("restore", str(backup_file), database_url=database_url, var_dir=var_dir)
    assert restored.returncode == 0, restored.stderr
    assert "audit chain intact" in restored.stdout
    verified = icor("audit", "verify", database_url=database_url, var_dir=var_dir)
    assert verified.returncode == 0, verified.stderr
    assert f"intact: {expected['events']} link(s)" in verified.stdout
    counted = icor("shell", "-c", COUNTS, database_url=database_url, var_dir=var_dir)
    assert counted.returncode == 0, counted.stderr
    assert json.loads(counted.stdout.strip().splitlines()[-1]) == expected
    again = icor("restore", str(backup_file), database_url=database_url, var_dir=var_dir)
    assert again.returncode == 1
    assert "not empty" in again.stderr


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite backup path; PostgreSQL has its own test"
)
@pytest.mark.django_db(transaction=True)
def test_an_sqlite_backup_restores_into_a_new_empty_file(tmp_path: Path) -> None:
    expected = some_history()
    backup_file = tmp_path / "icor.sqlite3"
    call_command("backup", output=backup_file)
    assert backup_file.read_bytes().startswith(b"SQLite format 3\x00")
    check_restored(backup_file, f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path, expected)


@pytest.fixture
def empty_postgres_database() -> Iterator[str]:
    settings = connection.settings_dict
    name = f"h_sec_restore_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        yield f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: pg_dump and a fresh database"
)
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs the PostgreSQL client programs on PATH")
@pytest.mark.django_db(transaction=True)
def test_a_postgresql_backup_restores_into_a_fresh_database(
    tmp_path: Path, empty_postgres_database: str
) -> None:
    expected = some_history()
    backup_file = tmp_path / "icor.dump"
    call_command("backup", output=backup_file)
    assert backup_file.read_bytes().startswith(b"PGDMP")
    check_restored(backup_file, empty_postgres_database, tmp_path, expected)


@pytest.mark.django_db(transaction=True)
def test_the_portable_json_backup_restores_into_an_empty_sqlite_file(tmp_path: Path) -> None:
    expected = some_history()
    backup_file = tmp_path / "icor.json"
    call_command("backup", output=backup_file, method="json")
    check_restored(backup_file, f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path, expected)


@pytest.mark.django_db
def test_a_backup_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    existing = tmp_path / "kept.sqlite3"
    existing.write_text("keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", output=existing)
    assert existing.read_text() == "keep me"


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path: Path) -> None:
    stray = tmp_path / "stray.json"
    stray.write_text("[]")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(stray))
    assert verify_chain().ok
