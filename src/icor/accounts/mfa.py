import base64
import logging
import secrets

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import InvalidToken

from icor.accounts.middleware import requires_two_factor
from icor.audit.keys import MissingKey, mfa_fernet

logger = logging.getLogger("icor.accounts")

# The fields of allauth's authenticators that hold a secret (TOTP key, recovery-code seed).
SECRET_FIELDS = {Authenticator.Type.TOTP: "secret", Authenticator.Type.RECOVERY_CODES: "seed"}


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # An officer or committee member cannot switch off the second factor their role requires.
        if authenticator.type == Authenticator.Type.TOTP and requires_two_factor(authenticator.user):
            return False
        return bool(super().can_delete_authenticator(authenticator))

    def encrypt(self, text: str) -> str:
        """Two-factor secrets are stored encrypted with the key of the data directory."""
        return str(mfa_fernet().encrypt(text.encode()).decode())

    def decrypt(self, encrypted_text: str) -> str:
        """A value that does not decrypt (written into the database by someone without the key,
        or the key is missing) yields a fresh random secret: no code will ever match it."""
        try:
            return str(mfa_fernet(create=False).decrypt(encrypted_text.encode()).decode())
        except (InvalidToken, MissingKey, ValueError):
            logger.warning("a two-factor secret does not decrypt with the data directory's key")
            return base64.b32encode(secrets.token_bytes(20)).decode()


def encrypt_clear_secrets() -> int:
    """Encrypt secrets stored before encryption at rest (`icor setup`); return how many."""
    fernet = mfa_fernet()
    changed = 0
    for authenticator in Authenticator.objects.filter(type__in=list(SECRET_FIELDS)):
        name = SECRET_FIELDS[Authenticator.Type(authenticator.type)]
        value = authenticator.data.get(name)
        if not isinstance(value, str):
            continue
        try:
            fernet.decrypt(value.encode())
        except InvalidToken:
            authenticator.data[name] = fernet.encrypt(value.encode()).decode()
            authenticator.save(update_fields=["data"])
            changed += 1
    return changed
