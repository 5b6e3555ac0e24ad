from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from icor.audit.chain import GENESIS_HASH, link_hash
from icor.audit.checkpoints import (
    DamagedCheckpoints,
    checkpoint_after_commit,
    checkpoint_reason_text,
    read_checkpoints,
)
from icor.audit.keys import MissingKey, audit_link_key, data_dir, key_id
from icor.audit.models import AuditEvent, ChainHead
from icor.core.rows import CompiledQuery

__all__ = [
    "Entry",
    "checkpoint_after_commit",
    "record_event",
    "record_events",
    "verify_chain",
    "verify_record",
]

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


@dataclass(frozen=True)
class Entry:
    """One event to append: what happened, which body acted, about what."""

    event: str
    actor: Any = None
    organization_id: int | None = None
    subject: str = ""
    data: dict[str, Any] | None = None


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
    return record_events([Entry(event, actor, organization_id, subject, data)])[0]


def record_events(entries: Sequence[Entry]) -> list[AuditEvent]:
    """Append events in their order, one link each: the head is locked once, the links are
    inserted in one statement and the head moved once. Inside a transaction it joins it (no
    savepoint: a failed append fails the change it records)."""
    if not entries:
        return []
    payloads = [_payload(entry) for entry in entries]
    with transaction.atomic(savepoint=False):
        sequence, previous = _locked_head()
        occurred_at = timezone.now()
        key = audit_link_key()
        own_key_id = key_id(key)
        links = []
        for entry, payload in zip(entries, payloads, strict=True):
            role, org_id = _acting_body(entry)
            sequence += 1
            # The fields the link's hash covers, under the same names in the hash and in the row.
            fields: dict[str, Any] = {
                "sequence": sequence,
                "occurred_at": occurred_at,
                "event": entry.event,
                "actor_role": role,
                "actor_organization_id": org_id,
                "subject": entry.subject,
                "data": payload,
                "previous_hash": previous,
            }
            digest = link_hash(key=key, key_id=own_key_id, **fields)
            links.append(AuditEvent(**fields, hash=digest, key_id=own_key_id))
            previous = digest
        AuditEvent.objects.bulk_create(links)
        ChainHead.objects.filter(pk=HEAD).update(sequence=sequence, hash=previous)
    for link in links:
        logger.info("audit event %s recorded as link #%d", link.event, link.sequence)
    return links


def _payload(entry: Entry) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(json.dumps(entry.data or {}, cls=DjangoJSONEncoder))
    if found := _personal_keys(payload):
        raise PersonalDataInAuditEvent(
            f"Audit event {entry.event!r} would store personal data ({', '.join(sorted(found))}); "
            "the audit chain cannot be erased, so it records bodies and ids only."
        )
    return payload


def _acting_body(entry: Entry) -> tuple[str, int | None]:
    actor = entry.actor
    role = getattr(actor, "role", "") if actor is not None and actor.is_authenticated else ""
    if actor is not None and getattr(actor, "is_superuser", False) and not role:
        role = "operator"
    org_id = entry.organization_id
    if org_id is None and actor is not None:
        org_id = getattr(actor, "organization_id", None)
    return role, org_id


HEAD = 1  # the key of the chain's single head row
# Every append reads the head under its lock: compiled once (icor.core.rows).
_HEAD_LOCKED = CompiledQuery(
    lambda heads: ChainHead.objects.select_for_update().filter(pk__in=heads).values_list("sequence", "hash")
)


def _locked_head() -> tuple[int, str]:
    """Lock the single head row and give its sequence and hash: concurrent writers queue here
    and append one after another.

    On PostgreSQL `SELECT ... FOR UPDATE` blocks the next writer until this transaction
    commits; SQLite takes the database write lock at BEGIN IMMEDIATE. If two first writers
    race to create the row, the unique primary key lets one win and the other re-reads it
    (get_or_create retries inside a savepoint).
    """
    if found := _HEAD_LOCKED.rows([HEAD]):
        return found[0]
    last = AuditEvent.objects.order_by("-sequence").first()
    start = {"sequence": last.sequence, "hash": last.hash} if last else {"sequence": 0, "hash": GENESIS_HASH}
    ChainHead.objects.get_or_create(pk=HEAD, defaults=start)
    return _HEAD_LOCKED.rows([HEAD])[0]


UNVERIFIABLE_FILE = "audit-unverifiable.json"


@dataclass(frozen=True)
class Verification:
    checked: int
    broken_at: int | None
    reason: str
    checkpoints: int = 0
    impossible: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.broken_at is None and not self.reason


def unverifiable_links() -> tuple[int, str]:
    """Links keyed before a restore without the data directory (see `icor restore`): how many, and
    the digest of their content as restored (their own key is gone, so this is what anchors them)."""
    marker = data_dir() / UNVERIFIABLE_FILE
    if not marker.exists():
        return 0, ""
    content = json.loads(marker.read_text())
    return int(content["up_to"]), str(content["digest"])


def restored_digest(up_to: int) -> str:
    digest = hashlib.sha256()
    for row in AuditEvent.objects.filter(sequence__lte=up_to).order_by("sequence").values():
        digest.update(json.dumps(row, cls=DjangoJSONEncoder, sort_keys=True).encode())
    return digest.hexdigest()


def mark_unverifiable_links(up_to: int) -> None:
    marker = data_dir() / UNVERIFIABLE_FILE
    marker.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    marker.write_text(json.dumps({"up_to": up_to, "digest": restored_digest(up_to)}))
    marker.chmod(0o600)


def verify_chain() -> Verification:
    """Check every link's key check and order, the chain head, and the signed checkpoints."""
    try:
        key = audit_link_key(create=False)
    except MissingKey:
        key = None
    own_key_id = key_id(key) if key is not None else ""
    keyless_up_to, keyless_digest = unverifiable_links()
    impossible: list[str] = []
    if key is None and AuditEvent.objects.exists():
        return Verification(
            0,
            None,
            gettext(
                "the audit key is not in the data directory %(directory)s, so no link can be checked "
                "(set ICOR_DATA_DIR to the server's data directory)"
            )
            % {"directory": data_dir()},
        )
    if keyless_up_to:
        impossible.append(
            gettext(
                "the key check of links #1 to #%(last)s: they were restored without the data "
                "directory that held their key (their content is checked against the state restored)"
            )
            % {"last": keyless_up_to}
        )
        if restored_digest(keyless_up_to) != keyless_digest:
            return Verification(
                0,
                None,
                gettext("links #1 to #%(last)s, restored without their key, were changed since the restore")
                % {"last": keyless_up_to},
            )
    previous = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    hashes: dict[int, str] = {}
    for entry in AuditEvent.objects.order_by("sequence").iterator():
        if entry.sequence != expected_sequence:
            return Verification(
                checked,
                entry.sequence,
                gettext("expected link #%(expected)s, found #%(found)s")
                % {"expected": expected_sequence, "found": entry.sequence},
            )
        if entry.previous_hash != previous:
            return Verification(
                checked, entry.sequence, gettext("previous hash does not match the link before")
            )
        if key is not None and entry.sequence > keyless_up_to:
            if entry.key_id != own_key_id:
                return Verification(
                    checked,
                    entry.sequence,
                    gettext(
                        "the link was not made with this data directory's audit key "
                        "(rewritten behind the application's back)"
                    ),
                )
            recomputed = link_hash(
                key=key,
                key_id=entry.key_id,
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
                return Verification(checked, entry.sequence, gettext("content does not match its key check"))
        hashes[entry.sequence] = entry.hash
        previous = entry.hash
        expected_sequence += 1
        checked += 1
    head = ChainHead.objects.filter(pk=HEAD).first()
    if head is None and checked:
        return Verification(
            checked, checked, gettext("the chain head is missing, so removed final links cannot be ruled out")
        )
    if head is not None and head.sequence > checked:
        return Verification(
            checked,
            checked + 1,
            gettext("links are missing at the end of the chain (the head says #%(head)s)")
            % {"head": head.sequence},
        )
    if head is not None and head.sequence < checked:
        return Verification(
            checked,
            head.sequence + 1,
            gettext("link #%(added)s was added behind the application's back (the head says #%(head)s)")
            % {"added": head.sequence + 1, "head": head.sequence},
        )
    if head is not None and head.hash != previous:
        return Verification(checked, checked, gettext("the last link does not match the chain head"))
    return _compare_with_checkpoints(checked, hashes, impossible)


def _compare_with_checkpoints(checked: int, hashes: dict[int, str], impossible: list[str]) -> Verification:
    try:
        checkpoints = read_checkpoints()
    except MissingKey:
        impossible.append(
            gettext(
                "the comparison with signed checkpoints: the checkpoint key is not in this data directory"
            )
        )
        return Verification(checked, None, "", 0, tuple(impossible))
    except DamagedCheckpoints as error:
        damaged = gettext("the checkpoint file is damaged: %(error)s") % {"error": error}
        return Verification(checked, None, damaged, 0, tuple(impossible))
    if not checkpoints:
        impossible.append(gettext("the comparison with signed checkpoints: none has been written yet"))
    for number, checkpoint in enumerate(checkpoints, start=1):
        if checkpoint.sequence == 0:
            continue
        if checkpoint.sequence > checked:
            signed = {
                "number": number,
                "written_at": checkpoint.written_at,
                "reason": checkpoint_reason_text(checkpoint.reason),
                "signed": checkpoint.sequence,
                "checked": checked,
            }
            if checked == 0:
                lost = gettext(
                    "the chain was wiped: checkpoint %(number)s (%(written_at)s, %(reason)s) "
                    "signed link #%(signed)s, but the chain ends at #%(checked)s"
                )
            else:
                lost = gettext(
                    "the chain was rolled back: checkpoint %(number)s (%(written_at)s, %(reason)s) "
                    "signed link #%(signed)s, but the chain ends at #%(checked)s"
                )
            return Verification(
                checked,
                checked + 1,
                lost % signed,
                number,
                tuple(impossible),
            )
        if hashes[checkpoint.sequence] != checkpoint.hash:
            return Verification(
                checked,
                checkpoint.sequence,
                gettext(
                    "link #%(signed)s is not the one signed by checkpoint %(number)s "
                    "(%(written_at)s, %(reason)s): the chain was rewritten"
                )
                % {
                    "signed": checkpoint.sequence,
                    "number": number,
                    "written_at": checkpoint.written_at,
                    "reason": checkpoint_reason_text(checkpoint.reason),
                },
                number,
                tuple(impossible),
            )
    return Verification(checked, None, "", len(checkpoints), tuple(impossible))


@dataclass(frozen=True)
class RecordCheck:
    """What one app checked of its stored decisions against the record, and its first problem.

    `what` names the check for code only; people read `summary` and `mismatch`, each a whole
    sentence in their language.
    """

    what: str
    checked: int
    summary: str
    problem: str = ""
    mismatch: str = ""


@dataclass(frozen=True)
class RecordVerification:
    chain: Verification
    decisions: list[RecordCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.chain.ok and not any(check.problem for check in self.decisions)


RECORD_CHECKS: list[Callable[[], list[RecordCheck]]] = []


def register_record_check(check: Callable[[], list[RecordCheck]]) -> None:
    """An app that records decisions checks its stored ones against the chain (`icor audit verify`)."""
    if check not in RECORD_CHECKS:
        RECORD_CHECKS.append(check)


def verify_record() -> RecordVerification:
    """The chain, then the stored decisions against it (only once the chain itself is sound)."""
    chain = verify_chain()
    if not chain.ok:
        return RecordVerification(chain)
    return RecordVerification(chain, [result for check in RECORD_CHECKS for result in check()])
