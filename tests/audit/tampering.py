"""Edits made behind the application's back, with raw SQL, as an intruder with database access would."""

from __future__ import annotations

import json
from typing import Any

from django.db import connection

from icor.audit.chain import link_hash
from icor.audit.models import AuditEvent
from icor.audit.services import record_event


def chain_of(length: int) -> list[AuditEvent]:
    return [
        record_event("test.event", subject=f"thing:{number}", data={"number": number})
        for number in range(1, length + 1)
    ]


def set_data(sequence: int, data: dict[str, Any]) -> None:
    placeholder = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE audit_auditevent SET data = {placeholder} WHERE sequence = %s",  # noqa: S608
            [json.dumps(data), sequence],
        )


def delete_link(sequence: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence = %s", [sequence])


def set_sequence(old: int, new: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET sequence = %s WHERE sequence = %s", [new, old])


def swap_links(first: int, second: int) -> None:
    set_sequence(first, 1_000_000)
    set_sequence(second, first)
    set_sequence(1_000_000, second)


def insert_forged_link(at: int) -> None:
    """Make room at `at` and insert a link whose own hash is correct (a careful forger)."""
    last = AuditEvent.objects.order_by("-sequence").first()
    assert last is not None
    for sequence in range(last.sequence, at - 1, -1):
        set_sequence(sequence, sequence + 1)
    before = AuditEvent.objects.get(sequence=at - 1)
    forged = AuditEvent(
        sequence=at,
        occurred_at=before.occurred_at,
        event="registry.admitted",
        actor_role="committee",
        actor_organization_id=None,
        subject="organization:999",
        data={},
        previous_hash=before.hash,
    )
    forged.hash = link_hash(
        sequence=forged.sequence,
        occurred_at=forged.occurred_at,
        event=forged.event,
        actor_role=forged.actor_role,
        actor_organization_id=None,
        subject=forged.subject,
        data={},
        previous_hash=forged.previous_hash,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditevent (sequence, occurred_at, event, actor_role, actor_organization_id,"
            " subject, data, previous_hash, hash) VALUES (%s, %s, %s, %s, NULL, %s, %s, %s, %s)",
            [
                forged.sequence,
                forged.occurred_at,
                forged.event,
                forged.actor_role,
                forged.subject,
                "{}",
                forged.previous_hash,
                forged.hash,
            ],
        )
