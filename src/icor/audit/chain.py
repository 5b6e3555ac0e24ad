"""The hash of one link: SHA-256 over a canonical JSON of its content and the previous hash."""

import hashlib
import json
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


def link_hash(
    *,
    sequence: int,
    occurred_at: datetime,
    event: str,
    actor_role: str,
    actor_organization_id: int | None,
    subject: str,
    data: dict[str, Any],
    previous_hash: str,
) -> str:
    canonical = json.dumps(
        {
            "sequence": sequence,
            "occurred_at": occurred_at.isoformat(timespec="microseconds"),
            "event": event,
            "actor_role": actor_role,
            "actor_organization_id": actor_organization_id,
            "subject": subject,
            "data": data,
            "previous_hash": previous_hash,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
