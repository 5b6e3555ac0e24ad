from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from icor.audit.chain import GENESIS_HASH, link_hash
from icor.audit.models import AuditEvent, ChainHead

logger = logging.getLogger("icor.audit")

# The chain can never be edited, so it must never hold personal data: an organization's
# erasure (S11) leaves it intact. Events name bodies and ids, not persons.
PERSONAL_KEYS = frozenset(
    {
        "contact",
        "email",
        "first_name",
        "last_name",
        "public_name",
        "username",
        "password",
        "phone",
        "ip",
        "ip_address",
        "user_agent",
    }
)


class PersonalDataInAuditEvent(ValueError):
    """Raised when a caller tries to put personal data into the append-only chain."""


def _personal_keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {key for key in value if str(key).lower() in PERSONAL_KEYS}
        for item in value.values():
            found |= _personal_keys(item)
        return found
    if isinstance(value, list | tuple):
        return set().union(*(_personal_keys(item) for item in value)) if value else set()
    return set()


def record_event(
    event: str,
    *,
    actor: Any = None,
    organization_id: int | None = None,
    subject: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. Call inside the transaction of the change it records.

    The actor is kept as role and organization only: the record says which body acted,
    not which person (data minimisation, S11).
    """
    payload = json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder))
    if found := _personal_keys(payload):
        raise PersonalDataInAuditEvent(
            f"Audit event {event!r} would store personal data ({', '.join(sorted(found))}); "
            "the audit chain cannot be erased, so it records bodies and ids only."
        )
    with transaction.atomic():
        head = _locked_head()
        occurred_at = timezone.now()
        role = getattr(actor, "role", "") if actor is not None and actor.is_authenticated else ""
        if actor is not None and getattr(actor, "is_superuser", False) and not role:
            role = "operator"
        org_id = organization_id
        if org_id is None and actor is not None:
            org_id = getattr(actor, "organization_id", None)
        sequence = head.sequence + 1
        digest = link_hash(
            sequence=sequence,
            occurred_at=occurred_at,
            event=event,
            actor_role=role,
            actor_organization_id=org_id,
            subject=subject,
            data=payload,
            previous_hash=head.hash,
        )
        entry = AuditEvent.objects.create(
            sequence=sequence,
            occurred_at=occurred_at,
            event=event,
            actor_role=role,
            actor_organization_id=org_id,
            subject=subject,
            data=payload,
            previous_hash=head.hash,
            hash=digest,
        )
        head.sequence, head.hash = sequence, digest
        head.save(update_fields=["sequence", "hash"])
    logger.info("audit event %s recorded as link #%d", event, sequence)
    return entry


def _locked_head() -> ChainHead:
    """Lock the single head row: concurrent writers queue here and append one after another.

    On PostgreSQL `SELECT ... FOR UPDATE` blocks the next writer until this transaction
    commits; SQLite takes the database write lock at BEGIN IMMEDIATE. If two first writers
    race to create the row, the unique primary key lets one win and the other re-reads it
    (get_or_create retries inside a savepoint).
    """
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        last = AuditEvent.objects.order_by("-sequence").first()
        start = (
            {"sequence": last.sequence, "hash": last.hash} if last else {"sequence": 0, "hash": GENESIS_HASH}
        )
        ChainHead.objects.get_or_create(pk=1, defaults=start)
        head = ChainHead.objects.select_for_update().get(pk=1)
    return head


@dataclass(frozen=True)
class Verification:
    checked: int
    broken_at: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain() -> Verification:
    """Recompute every link; report the first one whose content or order does not match."""
    previous = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    for entry in AuditEvent.objects.order_by("sequence").iterator():
        if entry.sequence != expected_sequence:
            return Verification(
                checked,
                entry.sequence,
                f"expected link #{expected_sequence}, found #{entry.sequence}",
            )
        if entry.previous_hash != previous:
            return Verification(checked, entry.sequence, "previous hash does not match the link before")
        recomputed = link_hash(
            sequence=entry.sequence,
            occurred_at=entry.occurred_at,
            event=entry.event,
            actor_role=entry.actor_role,
            actor_organization_id=entry.actor_organization_id,
            subject=entry.subject,
            data=entry.data,
            previous_hash=entry.previous_hash,
        )
        if recomputed != entry.hash:
            return Verification(checked, entry.sequence, "content does not match its hash")
        previous = entry.hash
        expected_sequence += 1
        checked += 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is None and checked:
        return Verification(
            checked, checked, "the chain head is missing, so removed final links cannot be ruled out"
        )
    if head is not None and head.sequence > checked:
        return Verification(
            checked,
            checked + 1,
            f"links are missing at the end of the chain (the head says #{head.sequence})",
        )
    if head is not None and head.sequence < checked:
        return Verification(
            checked,
            head.sequence + 1,
            f"link #{head.sequence + 1} was added behind the application's back (the head says #{head.sequence})",
        )
    if head is not None and head.hash != previous:
        return Verification(checked, checked, "the last link does not match the chain head")
    return Verification(checked, None, "")
