"""What every conference service shares: who may act, and telling live pages after commit."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import Role
from icor.conferences.models import Conference, ConferenceStatus, Delegate, Delegation
from icor.conferences.transitions import TransitionRefused
from icor.registry.models import Membership, Organization

logger = logging.getLogger(__name__)


def notify(conference_id: int, event: str, data: dict[str, Any]) -> None:
    """At the commit, tell live pages of the conference (`publish` waits for it); without the
    live app, polling shows it."""
    try:
        live = importlib.import_module("icor.live")
    except ImportError:
        return
    publisher = getattr(live, "publish", None)
    if publisher is not None:
        publisher(f"conference-{conference_id}", event, data)


def require_chair(actor: Any) -> None:
    """The coordinating committee creates and chairs conferences; nobody else steers them."""
    if getattr(actor, "role", None) != Role.COMMITTEE:
        raise PermissionDenied("Only the coordinating committee chairs a conference.")


def require_in_session(conference: Conference) -> None:
    if conference.status != ConferenceStatus.IN_SESSION:
        raise ValidationError(
            f"The conference is {conference.get_status_display()}, not in session; this can only be done in session."
        )


def require_not_closed(conference: Conference) -> None:
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError("The conference is closed; nothing about it can change any more.")


def require_admitted(conference: Conference, organization: Organization) -> None:
    """Only current members take part; continental and regional conferences only their own (S9)."""
    if not Membership.objects.filter(organization=organization, left_on__isnull=True).exists():
        raise ValidationError(f"{organization.short_name} is not a current member organization.")
    if not conference.admits(organization):
        raise ValidationError(
            f"{conference.title} is restricted to member organizations of {conference.scope}; "
            f"{organization.short_name} is not one of them."
        )


def require_acts_for(actor: Any, organization_id: int, what: str) -> None:
    """S11: nobody, not even the committee, acts in the name of another organization."""
    if not getattr(actor, "acts_for", lambda _pk: False)(organization_id):
        raise PermissionDenied(f"Only accounts of the organization itself can {what} (S11).")


def require_officer_of(actor: Any, organization_id: int, what: str) -> None:
    if (
        getattr(actor, "role", None) != Role.OFFICER
        or getattr(actor, "organization_id", None) != organization_id
    ):
        raise PermissionDenied(f"Only an officer of the organization itself can {what} (S11).")


def seat_of(actor: Any, conference: Conference) -> Delegate:
    """The actor's seat in its own organization's delegation, with the reasons it may have none."""
    role = getattr(actor, "role", None)
    if role == Role.OBSERVER:
        raise PermissionDenied("Partner observers follow the conference but do not take part in decisions.")
    if role not in (Role.OFFICER, Role.DELEGATE):
        raise PermissionDenied("Only the delegates of a member organization take part in decisions (S11).")
    seat = (
        Delegate.objects.select_related("delegation__organization")
        .filter(user=actor, delegation__conference=conference)
        .first()
    )
    if seat is None:
        raise PermissionDenied("You are not accredited as a delegate to this conference.")
    return seat


def voting_delegation(actor: Any, conference: Conference, delegation: Delegation | None) -> Delegation:
    """The delegation the actor holds the vote of; refuse acting for another one (S11)."""
    if delegation is not None and not getattr(actor, "acts_for", lambda _pk: False)(
        delegation.organization_id
    ):
        raise PermissionDenied("Nobody can vote or state a position for another organization (S11).")
    seat = seat_of(actor, conference)
    if delegation is not None and seat.delegation_id != delegation.pk:
        raise PermissionDenied("Nobody can vote or state a position for another organization (S11).")
    if not seat.is_voting:
        raise PermissionDenied(
            "You are an observer in your delegation; only its voting delegate votes and states its position."
        )
    return seat.delegation


def refusal(error: TransitionRefused) -> ValidationError:
    return ValidationError(str(error))


def check_quorum(conference: Conference, present: int) -> None:
    if present == 0:
        raise ValidationError("No delegation is checked in; nobody could decide.")
    if conference.quorum and present < conference.quorum:
        raise ValidationError(
            f"Only {present} delegations are present; this conference set a quorum of {conference.quorum}."
        )
