"""Edits made behind the application's back, with raw SQL, as an intruder with database access would."""

from __future__ import annotations

import json
from typing import Any

from django.db import connection

from icor.audit.chain import link_hash
from icor.audit.keys import key_id
from icor.audit.models import AuditEvent
from icor.audit.services import record_event

FORGER_KEY = b"the intruder's own key, not the data directory's"


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


def insert_forged_link(at: int, key: bytes = FORGER_KEY) -> None:
    """Make room at `at` and insert a link whose own check a careful forger computed (with a key of
    their own, since the data directory's is out of reach)."""
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
        key=key,
        key_id=key_id(key),
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
            " subject, data, previous_hash, hash, key_id) VALUES (%s, %s, %s, %s, NULL, %s, %s, %s, %s, %s)",
            [
                forged.sequence,
                forged.occurred_at,
                forged.event,
                forged.actor_role,
                forged.subject,
                "{}",
                forged.previous_hash,
                forged.hash,
                key_id(key),
            ],
        )


def roll_back_to(sequence: int) -> None:
    """Restore an older state: delete the later links and point the head at link `sequence`."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence > %s", [sequence])
        kept = AuditEvent.objects.filter(sequence=sequence).first()
        cursor.execute(
            "UPDATE audit_chainhead SET sequence = %s, hash = %s",
            [sequence, kept.hash if kept else "0" * 64],
        )


def wipe() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
        cursor.execute("DELETE FROM audit_chainhead")


def rewrite_from(sequence: int, data: dict[str, Any], key: bytes = FORGER_KEY) -> None:
    """Change link `sequence` and recompute every later check and the head, as the project's own
    code would, claiming the data directory's key id (public in every link) but with another key."""
    links = list(AuditEvent.objects.filter(sequence__gte=sequence).order_by("sequence"))
    previous = links[0].previous_hash
    for link in links:
        if link.sequence == sequence:
            link.data = data
        link.previous_hash = previous
        link.hash = link_hash(
            key=key,
            key_id=link.key_id,
            sequence=link.sequence,
            occurred_at=link.occurred_at,
            event=link.event,
            actor_role=link.actor_role,
            actor_organization_id=link.actor_organization_id,
            subject=link.subject,
            data=link.data,
            previous_hash=previous,
        )
        previous = link.hash
    with connection.cursor() as cursor:
        for link in links:  # free the unique hashes first
            cursor.execute(
                "UPDATE audit_auditevent SET hash = %s WHERE sequence = %s",
                [f"x{link.sequence}", link.sequence],
            )
        for link in links:
            set_data(link.sequence, link.data)
            cursor.execute(
                "UPDATE audit_auditevent SET previous_hash = %s, hash = %s WHERE sequence = %s",
                [link.previous_hash, link.hash, link.sequence],
            )
        cursor.execute("UPDATE audit_chainhead SET hash = %s", [previous])
