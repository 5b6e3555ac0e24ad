"""The committee invites observers of partner organizations to a conference (S13).

The invitation is an account invitation (accounts issues it); accepting it makes the new account a
guest of the conference (the receiver below, connected in ConferencesConfig.ready).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rules import has_perm

from icor.accounts.models import Invitation, Role, User
from icor.accounts.services import IssuedInvitation, issue_invitation
from icor.conferences.models import Conference, ConferenceStatus, Guest
from icor.partners.models import Partner


def invite_observer(
    *, actor: User, partner: Partner, conference: Conference, email: str = ""
) -> IssuedInvitation:
    """The committee invites an observer of a partner organization to one conference (S13)."""
    if not has_perm("accounts.manage_observers", actor):
        raise PermissionDenied(_("Only the coordinating committee invites partner observers."))
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError(_("The conference is closed."))
    with transaction.atomic():
        return issue_invitation(
            actor=actor,
            role=Role.OBSERVER,
            email=email,
            partner=partner,
            conference=conference,
        )


def admit_invited_guest(sender: Any, *, invitation: Invitation, account: User, **kwargs: Any) -> None:
    """An observer invited to a conference follows it from the moment the account exists."""
    if invitation.conference_id is not None:
        Guest.objects.get_or_create(conference_id=invitation.conference_id, user=account)
