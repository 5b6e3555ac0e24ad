"""Publishing live events. Call `publish` after the change it announces has been committed."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from icor.live.backends import CHANNEL_PATTERN, EVENT_PATTERN, MAX_PAYLOAD_BYTES, Message, get_transport


def publish(channel: str, event: str, data: dict[str, Any]) -> None:
    """Tell every open browser on `channel` that `event` happened; `data` holds ids and counts.

    Inside a transaction the event waits for the commit (and is dropped on rollback), so a
    browser never fetches figures that do not exist yet. Browsers re-fetch what they show;
    the event itself is only the nudge, kept small for the 8000-byte NOTIFY limit.
    """
    message = Message(channel=channel, event=event, data=dict(data))
    if not CHANNEL_PATTERN.match(channel):
        raise ValidationError(f"channel {channel!r}: lower-case letters, digits and '-', up to 64")
    if not EVENT_PATTERN.match(event):
        raise ValidationError(f"event {event!r}: a lower-case word of up to 32 characters")
    size = len(message.encode().encode())
    if size > MAX_PAYLOAD_BYTES:
        raise ValidationError(
            f"live event of {size} bytes is larger than {MAX_PAYLOAD_BYTES}: send ids and counts only"
        )
    transport = get_transport()
    if transport.name == "postgres" and transaction.get_connection().in_atomic_block:
        # NOTIFY is transactional: PostgreSQL delivers it at the commit, drops it on a rollback
        # (of a savepoint too), and sends identical events of one transaction once.
        transport.send(message)
        return
    # The change is committed already: a transport failure is logged, never turned into an error page.
    transaction.on_commit(lambda: transport.send(message), robust=True)
