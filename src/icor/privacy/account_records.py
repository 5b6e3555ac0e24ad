"""An organization's own data held by the accounts app: invitations, suspensions, API tokens (S11)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from icor.accounts.models import ApiToken, Invitation, Suspension
from icor.registry.models import Organization


def export_account_records(organization: Organization) -> dict[str, list[dict[str, Any]]]:
    """Token hashes never leave the server: they are the tokens' only trace."""
    return {
        "invitations": [
            {
                "id": invitation.pk,
                "role": invitation.role,
                "email": invitation.email,
                "created_at": invitation.created_at,
                "expires_at": invitation.expires_at,
                "accepted_at": invitation.accepted_at,
                "revoked_at": invitation.revoked_at,
            }
            for invitation in Invitation.objects.filter(organization=organization).order_by("pk")
        ],
        "suspensions": [
            {
                "account": suspension.account_id,
                "reason": suspension.reason,
                "suspended_at": suspension.suspended_at,
                "lifted_at": suspension.lifted_at,
            }
            for suspension in Suspension.objects.filter(account__organization=organization).order_by("pk")
        ],
        "api_tokens": [
            {
                "owner": token.owner_id,
                "label": token.label,
                "created_at": token.created_at,
                "expires_at": token.expires_at,
                "last_used_at": token.last_used_at,
                "revoked_at": token.revoked_at,
            }
            for token in ApiToken.objects.filter(owner__organization=organization).order_by("pk")
        ],
    }


def erase_account_records(organization: Organization) -> dict[str, int]:
    """Addresses on invitations go, pending invitations and live tokens stop working."""
    now = timezone.now()
    invitations = Invitation.objects.filter(organization=organization)
    addresses = invitations.exclude(email="").update(email="")
    withdrawn = invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    tokens = ApiToken.objects.filter(owner__organization=organization, revoked_at__isnull=True).update(
        revoked_at=now
    )
    return {
        "invitation_addresses": addresses,
        "invitations_withdrawn": withdrawn,
        "api_tokens_revoked": tokens,
    }
