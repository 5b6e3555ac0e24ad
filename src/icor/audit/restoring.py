"""After `icor restore`: verify with the data directory, or say what cannot be checked without it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from allauth.mfa.models import Authenticator
from cryptography.fernet import InvalidToken
from django.utils.translation import gettext

from icor.audit.keys import MissingKey, audit_link_key, ensure_keys, key_id, mfa_fernet
from icor.audit.models import AuditEvent
from icor.audit.services import RecordVerification, mark_unverifiable_links, verify_record

# An app whose secrets were keyed in the data directory says, in its AppConfig.ready(), what a
# restore without that directory leaves unusable (one sentence each, or none).
LostWithKeys = Callable[[], list[str]]
_lost_with_keys: list[LostWithKeys] = []


def register_lost_with_keys(check: LostWithKeys) -> None:
    if check not in _lost_with_keys:
        _lost_with_keys.append(check)


@dataclass
class RestoreCheck:
    with_data_directory: bool
    verification: RecordVerification
    impossible: list[str] = field(default_factory=list)


def _has_matching_audit_key() -> bool:
    last = AuditEvent.objects.order_by("-sequence").first()
    if last is None:
        return True
    try:
        return key_id(audit_link_key(create=False)) == last.key_id
    except MissingKey:
        return False


def check_after_restore() -> RestoreCheck:
    if _has_matching_audit_key():
        return RestoreCheck(True, verify_record())
    # Restored without the data directory that made this record: new keys from here on, and a
    # plain account of what can no longer be checked or used.
    last = AuditEvent.objects.order_by("-sequence").first()
    assert last is not None
    ensure_keys()
    mark_unverifiable_links(last.sequence)
    impossible = [
        gettext(
            "the key check of links #1 to #%(last)s (their key stayed in the old data directory); "
            "order and linkage are still checked, and new links are keyed with the new key"
        )
        % {"last": last.sequence},
        gettext(
            "the comparison with the checkpoints signed before the restore (they are in the old data "
            "directory; compare with the checkpoints printed in the minutes)"
        ),
    ]
    removed = _remove_unreadable_authenticators()
    if removed:
        impossible.append(
            gettext(
                "two-factor login with the %(count)s authenticator(s) encrypted with the old key: they were "
                "removed, and their holders set up two-factor authentication again at their next login"
            )
            % {"count": removed}
        )
    for lost in _lost_with_keys:
        impossible.extend(lost())
    return RestoreCheck(False, verify_record(), impossible)


def _remove_unreadable_authenticators() -> int:
    fernet = mfa_fernet()
    unreadable = []
    for authenticator in Authenticator.objects.all():
        values = [v for k, v in authenticator.data.items() if k in ("secret", "seed") and isinstance(v, str)]
        try:
            for value in values:
                fernet.decrypt(value.encode())
        except InvalidToken:
            unreadable.append(authenticator.pk)
    Authenticator.objects.filter(pk__in=unreadable).delete()
    return len(unreadable)
