"""Upgrading keys the existing chain with the data directory's audit key, so it still verifies."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from icor.audit.services import record_event, verify_chain

pytestmark = pytest.mark.django_db(transaction=True)


UNKEYED_COLUMNS = (
    "sequence, occurred_at, event, actor_role, actor_organization_id, subject, data, previous_hash, hash"
)


def unkeyed_hash(sequence: int, occurred_at: datetime, data: dict[str, int], previous: str) -> str:
    """How links were checked before: SHA-256 without a key."""
    canonical = json.dumps(
        {
            "sequence": sequence,
            "occurred_at": occurred_at.isoformat(timespec="microseconds"),
            "event": "test.event",
            "actor_role": "",
            "actor_organization_id": None,
            "subject": "",
            "data": data,
            "previous_hash": previous,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def migrate(target: str) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("audit", target)])


def test_an_unkeyed_chain_is_keyed_by_the_upgrade_and_verifies() -> None:
    migrate("0001_initial")
    previous = "0" * 64
    as_json = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        for sequence in (1, 2, 3):
            occurred_at = datetime(2026, 1, sequence, tzinfo=UTC)
            digest = unkeyed_hash(sequence, occurred_at, {"number": sequence}, previous)
            values = f"(%s, %s, 'test.event', '', NULL, '', {as_json}, %s, %s)"
            insert = f"INSERT INTO audit_auditevent ({UNKEYED_COLUMNS}) VALUES {values}"  # noqa: S608
            cursor.execute(
                insert, [sequence, occurred_at, json.dumps({"number": sequence}), previous, digest]
            )
            previous = digest
        cursor.execute("INSERT INTO audit_chainhead (id, sequence, hash) VALUES (1, 3, %s)", [previous])
    migrate("0002_keyed_links")
    assert verify_chain().ok
    record_event("test.event", data={"number": 4})
    result = verify_chain()
    assert result.ok and result.checked == 4
