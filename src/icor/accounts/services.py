"""Every write to accounts: invitations, acceptance, revocation, suspension, public names, API tokens.

S1/S11: an organization's accounts are created and removed by that organization's own officers.
The coordinating committee only invites the first officer of a member organization, invites
partner observers (S13), and suspends an account with a recorded reason.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rules import has_perm

from icor.accounts import login_lock
from icor.accounts.models import ApiToken, Invitation, Role, Suspension, User
from icor.accounts.signals import invitation_accepted
from icor.audit.services import record_event
from icor.core import bounds

logger = logging.getLogger("icor.accounts")

INVITATION_DAYS = 14
TOKEN_PREFIX = "icor_"  # noqa: S105 - marks a token in logs of leaked secrets scanners, not a secret


def token_digest(token: str) -> str:
    """Tokens are 256 random bits: a plain SHA-256 cannot be reversed, and lookups stay exact."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    token: str
    mailed: bool
    mail_error: str = ""


def is_current_member(organization: Any) -> bool:
    """S12: the registry's Organization, through the account's own relation: accounts import no other app."""
    return bool(organization.memberships.filter(left_on__isnull=True).exists())


def issue_invitation(
    *, actor: User, role: str, email: str, days: int = INVITATION_DAYS, **body: object
) -> IssuedInvitation:
    """Called inside the caller's transaction, once it has checked who may invite whom (S11, S13)."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        token_hash=token_digest(token),
        role=role,
        email=email.strip(),
        created_by=actor,
        expires_at=timezone.now() + timedelta(days=days),
        **body,
    )
    record_event(
        "accounts.invited",
        actor=actor,
        organization_id=invitation.organization_id,
        subject=f"invitation:{invitation.pk}",
        data={"role": role, "expires_at": invitation.expires_at},
    )
    return IssuedInvitation(invitation=invitation, token=token, mailed=False)


def mail_invitation(issued: IssuedInvitation, *, link: str) -> IssuedInvitation:
    """Send the link when an address was given. A failure is logged and reported, never dropped."""
    address = issued.invitation.email
    if not address:
        return issued
    try:
        send_mail(
            subject=_("Your invitation to the ICOR platform"),
            message=_(
                "You are invited to create your account on the ICOR platform. "
                "Open this link within %(days)d days; it works once:\n\n%(link)s\n"
            )
            % {"days": INVITATION_DAYS, "link": link},
            from_email=None,
            recipient_list=[address],
        )
    except Exception as error:  # every transport error must reach the person, not vanish
        logger.warning("invitation %s: e-mail not sent (%s)", issued.invitation.pk, type(error).__name__)
        return IssuedInvitation(issued.invitation, issued.token, mailed=False, mail_error=str(error))
    return IssuedInvitation(issued.invitation, issued.token, mailed=True)


def invite_member(*, actor: User, role: str, email: str = "", organization: Any = None) -> IssuedInvitation:
    """An officer invites a delegate or a further officer of the own organization, never another's (S11)."""
    if role not in (Role.OFFICER, Role.DELEGATE):
        raise ValidationError(_("An organization invites officers and delegates only."))
    if not has_perm("accounts.manage_own_accounts", actor):
        raise PermissionDenied(
            _("Only an organization's own officers invite its accounts; nobody else can (S11).")
        )
    if organization is not None and organization.pk != actor.organization_id:
        raise PermissionDenied(_("Nobody invites accounts into another organization (S11)."))
    with transaction.atomic():
        if not is_current_member(actor.organization):
            raise PermissionDenied(_("Your organization is not a current member (S12)."))
        return issue_invitation(actor=actor, role=role, email=email, organization=actor.organization)


def revoke_invitation(*, actor: User, invitation: Invitation) -> Invitation:
    if not has_perm("accounts.revoke_invitation", actor, invitation):
        raise PermissionDenied(_("You cannot revoke this invitation."))
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_pending:
            raise ValidationError(_("This invitation is no longer pending."))
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record_event(
            "accounts.invitation_revoked",
            actor=actor,
            organization_id=invitation.organization_id,
            subject=f"invitation:{invitation.pk}",
        )
    return invitation


def pending_invitation(token: str) -> Invitation | None:
    """The invitation a token opens, or None when it is unknown, used, revoked or expired."""
    invitation = Invitation.objects.filter(token_hash=token_digest(token)).first()
    return invitation if invitation is not None and invitation.is_pending else None


def accept_invitation(*, token: str, username: str, password: str, public_name: str, email: str = "") -> User:
    """The invited person creates the account: once, before the expiry, unless revoked."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(token_hash=token_digest(token)).first()
        if invitation is None or not invitation.is_pending:
            raise ValidationError(_("This invitation is not valid: it was used, revoked or has expired."))
        if invitation.organization is not None and not is_current_member(invitation.organization):
            raise ValidationError(_("This organization is no longer a member (S12)."))
        if User.objects.filter(username__iexact=username.strip()).exists():
            raise ValidationError(_("This login name is taken; choose another one."))
        user = User(
            username=username.strip(),
            email=(email or invitation.email).strip(),
            role=invitation.role,
            organization=invitation.organization,
            partner=invitation.partner,
            public_name=public_name.strip(),
        )
        validate_password(password, user)
        user.set_password(password)
        try:
            user.save()
        except IntegrityError as error:
            raise ValidationError(_("This login name is taken; choose another one.")) from error
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        # The apps that invited to something of theirs (a conference, S13) let the new account in.
        invitation_accepted.send(sender=Invitation, invitation=invitation, account=user)
        record_event(
            "accounts.invitation_accepted",
            actor=user,
            organization_id=invitation.organization_id,
            subject=f"invitation:{invitation.pk}",
            data={"role": invitation.role, "account": user.pk},
        )
    return user


def _deactivate(account: User, *, actor: User | None, reason: str, cause: str) -> Suspension:
    account.is_active = False
    account.save(update_fields=["is_active"])
    account.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    return Suspension.objects.create(account=account, reason=reason, suspended_by=actor, cause=cause)


def revoke_account(*, actor: User, account: User) -> User:
    """An officer removes an account of the own organization (S11); the history stays."""
    if not has_perm("accounts.remove_account", actor, account):
        raise PermissionDenied(_("Only the organization's own officers remove its accounts (S11)."))
    if account.pk == actor.pk:
        raise ValidationError(_("You cannot remove your own account; another officer can."))
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=account.pk)
        if not account.is_active:
            raise ValidationError(_("This account is not active."))
        _deactivate(
            account, actor=actor, reason=_("removed by the organization"), cause=Suspension.Cause.REMOVED
        )
        record_event(
            "accounts.removed",
            actor=actor,
            organization_id=account.organization_id,
            subject=f"account:{account.pk}",
        )
    return account


def _recorded_reason(reason: str, *, missing: str) -> str:
    """A reason that is recorded must be given, and fit the record (refused, never cut)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(missing)
    if len(reason) > bounds.MAX_RECORDED_REASON:
        raise ValidationError(
            _("Keep the reason within %(limit)s characters.") % {"limit": bounds.MAX_RECORDED_REASON}
        )
    return reason


def suspend_account(*, actor: User, account: User, reason: str) -> Suspension:
    """The committee can switch an account off, only with a recorded reason."""
    if not has_perm("accounts.suspend", actor):
        raise PermissionDenied(_("Only the coordinating committee suspends accounts."))
    reason = _recorded_reason(reason, missing=_("Give the reason for the suspension; it is recorded."))
    if account.pk == actor.pk:
        raise ValidationError(_("You cannot suspend your own account."))
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=account.pk)
        if account.is_platform_operator:
            # Whoever runs the server keeps the site's own way to answer an incident.
            raise ValidationError(_("The platform operator's account cannot be suspended from the site."))
        if not account.is_active:
            raise ValidationError(_("This account is not active."))
        suspension = _deactivate(account, actor=actor, reason=reason, cause=Suspension.Cause.SUSPENDED)
        record_event(
            "accounts.suspended",
            actor=actor,
            organization_id=account.organization_id,
            subject=f"account:{account.pk}",
            data={"suspension": suspension.pk},
        )
    return suspension


def lift_suspension(*, actor: User, suspension: Suspension, reason: str) -> Suspension:
    """The committee lifts a suspension it made, with a recorded reason: the person can log in again.

    The API tokens revoked by the suspension stay revoked; the person creates new ones.
    """
    reason = _recorded_reason(
        reason, missing=_("Give the reason for lifting the suspension; it is recorded.")
    )
    with transaction.atomic():
        suspension = Suspension.objects.select_for_update().select_related("account").get(pk=suspension.pk)
        if suspension.lifted_at is not None:
            raise ValidationError(_("This suspension was lifted already."))
        if not has_perm("accounts.lift_suspension", actor, suspension):
            raise PermissionDenied(
                _("Only the coordinating committee lifts a suspension it made, while it stands.")
            )
        account = User.objects.select_for_update().get(pk=suspension.account_id)
        if account.organization is not None and not is_current_member(account.organization):
            raise ValidationError(_("This organization is no longer a member (S12)."))
        suspension.lifted_at = timezone.now()
        suspension.lifted_by = actor
        suspension.lift_reason = reason
        suspension.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        account.is_active = True
        account.save(update_fields=["is_active"])
        record_event(
            "accounts.suspension_lifted",
            actor=actor,
            organization_id=account.organization_id,
            subject=f"account:{account.pk}",
            data={"suspension": suspension.pk},
        )
    return suspension


def lift_login_lock(*, actor: User, account: User) -> None:
    """The person who answers for an account lets it log in again after guessed passwords locked it.

    Only the account's counter is reset: the addresses that guessed stay limited, and no password
    is tried, so the lift tells nobody whether a guess was right.
    """
    if not has_perm("accounts.lift_login_lock", actor, account):
        raise PermissionDenied(
            _("Only an officer of the account's own organization (the committee for its own) lifts the lock.")
        )
    if not login_lock.is_locked(account.pk):
        raise ValidationError(_("This account is not locked."))
    with transaction.atomic():
        record_event(
            "accounts.login_lock_lifted",
            actor=actor,
            organization_id=account.organization_id,
            subject=f"account:{account.pk}",
        )
    login_lock.lift(account.pk)  # once the audit event is written


def end_observer(*, actor: User, account: User) -> Suspension:
    """The committee ends a partner observer's account (S13)."""
    if not has_perm("accounts.manage_observers", actor):
        raise PermissionDenied(_("Only the coordinating committee ends partner observers' accounts."))
    if account.role != Role.OBSERVER:
        raise ValidationError(_("This is not a partner observer's account."))
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=account.pk)
        if not account.is_active:
            raise ValidationError(_("This account is not active."))
        suspension = _deactivate(
            account, actor=actor, reason=_("observer invitation ended"), cause=Suspension.Cause.OBSERVER_ENDED
        )
        record_event("accounts.observer_ended", actor=actor, subject=f"account:{account.pk}")
    return suspension


def close_accounts_of(*, organization_id: int, actor: User | None, left_on: object) -> int:
    """S12: when an organization leaves, all of its accounts lose every right at once."""
    reason = _("the organization left ICOR on %(date)s (S12)") % {"date": left_on}
    closed = 0
    for account in User.objects.select_for_update().filter(organization_id=organization_id, is_active=True):
        _deactivate(account, actor=actor, reason=reason, cause=Suspension.Cause.ORGANIZATION_LEFT)
        closed += 1
    Invitation.objects.filter(
        organization_id=organization_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    return closed


def set_public_name(*, actor: User, public_name: str) -> User:
    """Each person chooses the name shown in debate, speakers list, attendance and minutes."""
    name = public_name.strip()
    if len(name) > 80:
        raise ValidationError(_("The name can have at most 80 characters."))
    with transaction.atomic():
        actor.public_name = name
        actor.save(update_fields=["public_name"])
    return actor


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def create_api_token(*, actor: User, label: str, days: int) -> IssuedToken:
    if not label.strip():
        raise ValidationError(_("Give the token a label, e.g. the script that uses it."))
    if not 1 <= days <= settings.ICOR_API_TOKEN_MAX_DAYS:
        raise ValidationError(
            _("A token lasts between 1 and %(days)d days.") % {"days": settings.ICOR_API_TOKEN_MAX_DAYS}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            owner=actor,
            label=label.strip()[:80],
            token_hash=token_digest(secret),
            prefix=secret[:10],
            expires_at=timezone.now() + timedelta(days=days),
        )
        record_event("accounts.token_created", actor=actor, subject=f"token:{token.pk}")
    return IssuedToken(token=token, secret=secret)


def revoke_api_token(*, actor: User, token: ApiToken) -> ApiToken:
    if token.owner_id != actor.pk:
        raise PermissionDenied(_("You can revoke only your own tokens."))
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            record_event("accounts.token_revoked", actor=actor, subject=f"token:{token.pk}")
    return token


def user_for_api_token(secret: str) -> User | None:
    """The owner of a valid token: not expired, not revoked, the account active."""
    token = (
        ApiToken.objects.select_related("owner")
        .filter(token_hash=token_digest(secret), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.owner.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.owner
