from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from icor.audit.chain import GENESIS_HASH, link_hash
from icor.audit.models import AuditEvent, ChainHead


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
    return entry


def _locked_head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        ChainHead.objects.get_or_create(pk=1, defaults={"sequence": 0, "hash": GENESIS_HASH})
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
    if head is not None and (head.sequence != checked or head.hash != previous):
        return Verification(checked, checked + 1, "links are missing at the end of the chain")
    return Verification(checked, None, "")
