"""The key check of one link: HMAC-SHA256, under a key of the data directory, over a canonical
JSON of its content and the previous link's check.

Without the key, nobody who only holds the database can recompute a link after changing it.
"""

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


def link_hash(
    *,
    key: bytes,
    key_id: str,
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
            "key_id": key_id,
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
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()
