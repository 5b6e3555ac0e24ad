from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from icor.accounts.middleware import requires_two_factor


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # An officer or committee member cannot switch off the second factor their role requires.
        if authenticator.type == Authenticator.Type.TOTP and requires_two_factor(authenticator.user):
            return False
        return bool(super().can_delete_authenticator(authenticator))
