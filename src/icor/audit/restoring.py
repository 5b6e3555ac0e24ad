"""After `icor restore`: verify with the data directory, or say what cannot be checked without it."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.mfa.models import Authenticator
from cryptography.fernet import InvalidToken
from django.utils.translation import gettext

from icor.audit.keys import MissingKey, audit_link_key, ensure_keys, key_id, mfa_fernet
from icor.audit.models import AuditEvent
from icor.audit.services import RecordVerification, mark_unverifiable_links, verify_record


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
    from icor.conferences.models import Ballot

    open_secret = Ballot.objects.filter(secret=True, closed_at__isnull=True).count()
    if open_secret:
        impossible.append(
            gettext("counting the %(count)s open secret ballot(s): their keys were in the old data directory")
            % {"count": open_secret}
        )
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
