"""What every conference service shares: who may act, and telling live pages after commit."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext, gettext_lazy
from rules import has_perm

from icor.accounts.models import Role
from icor.accounts.rules import is_officer
from icor.conferences.models import Conference, ConferenceStatus, Delegate, Delegation
from icor.conferences.models.motion import STATE_CHOICES
from icor.conferences.transitions import Refusal, TransitionRefused
from icor.core.refusals import WRONG_STATE
from icor.core.rows import CompiledQuery
from icor.registry.models import Membership, Organization
from icor.statute import CLAUSES, Rule

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
    if not has_perm("conferences.chair", actor):
        raise PermissionDenied(gettext("Only the coordinating committee chairs a conference."))


def require_in_session(conference: Conference) -> None:
    if conference.status != ConferenceStatus.IN_SESSION:
        raise ValidationError(
            gettext("The conference is %(status)s, not in session; this can only be done in session.")
            % {"status": conference.get_status_display()},
            code=WRONG_STATE,
        )


def require_not_closed(conference: Conference) -> None:
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError(
            gettext("The conference is closed; nothing about it can change any more."), code=WRONG_STATE
        )


def require_admitted(conference: Conference, organization: Organization) -> None:
    """Only current members take part; continental and regional conferences only their own (S9)."""
    if not Membership.objects.filter(organization=organization, left_on__isnull=True).exists():
        raise ValidationError(
            gettext("%(organization)s is not a current member organization.")
            % {"organization": organization.short_name}
        )
    if not conference.admits(organization):
        raise ValidationError(
            gettext(
                "%(conference)s is restricted to member organizations of %(scope)s; %(organization)s is not one of them."
            )
            % {
                "conference": conference.title,
                "scope": conference.scope,
                "organization": organization.short_name,
            }
        )


def require_acts_for(actor: Any, organization_id: int, refusal: str) -> None:
    """S11: nobody, not even the committee, acts in the name of another organization.

    `refusal` is the whole translated sentence the refused actor reads.
    """
    if not getattr(actor, "acts_for", lambda _pk: False)(organization_id):
        raise PermissionDenied(refusal)


def require_officer_of(actor: Any, organization_id: int, refusal: str) -> None:
    if not is_officer(actor) or actor.organization_id != organization_id:
        raise PermissionDenied(refusal)


# Worded lazily: a group of casts is checked by its leader, and each refusal is read in the
# language of the request it is answered to.
OBSERVERS_DO_NOT_DECIDE = gettext_lazy(
    "Partner observers follow the conference but do not take part in decisions."
)
DELEGATES_ONLY = gettext_lazy("Only the delegates of a member organization take part in decisions (S11).")
NO_LONGER_MEMBER = gettext_lazy(
    "Your organization is no longer a member of ICOR (S12): its accounts no longer vote, "
    "check in or state positions."
)
NOT_ACCREDITED = gettext_lazy("You are not accredited as a delegate to this conference.")
FOR_ANOTHER_ORGANIZATION = gettext_lazy("Nobody can vote or state a position for another organization (S11).")
OBSERVER_IN_DELEGATION = gettext_lazy(
    "You are an observer in your delegation; only its voting delegate votes and states its position."
)


def seat_of(actor: Any, conference: Conference) -> Delegate:
    """The actor's seat in its own organization's delegation, with the reasons it may have none."""
    seat = seats_of([actor], conference.pk)[actor.pk]
    if isinstance(seat, PermissionDenied):
        raise seat
    return seat


def has_seat(actor: Any, conference: Conference) -> bool:
    """Whether `seat_of` gives the actor a seat: pages offer the delegates' forms only then."""
    return not isinstance(seats_of([actor], conference.pk)[actor.pk], PermissionDenied)


CURRENT_MEMBERSHIPS = Membership.objects.filter(left_on__isnull=True)
_SEAT_MODELS = (Delegate, Delegation, Organization)
_SEAT_COLUMNS = [
    [field.attname for field in model._meta.concrete_fields]  # type: ignore[attr-defined]
    for model in _SEAT_MODELS
]
# The seats of accounts in a conference, each with its delegation, the delegation's organization,
# and whether that account's organization is still a member; in one query, compiled once.
_SEATS = CompiledQuery(
    lambda accounts, conference: (
        Delegate.objects.filter(user__in=accounts, delegation__conference_id__in=conference)
        .annotate(
            member=Exists(CURRENT_MEMBERSHIPS.filter(organization_id=OuterRef("user__organization_id")))
        )
        .order_by("-pk")
        .values_list(
            *_SEAT_COLUMNS[0],
            *(f"delegation__{name}" for name in _SEAT_COLUMNS[1]),
            *(f"delegation__organization__{name}" for name in _SEAT_COLUMNS[2]),
            "member",
        )
    )
)


def _seat_of_row(using: str, row: Sequence[Any]) -> Delegate:
    """The seat, its delegation and the delegation's organization, as `select_related` gives them."""
    delegation_at = len(_SEAT_COLUMNS[0])
    organization_at = delegation_at + len(_SEAT_COLUMNS[1])
    organization = Organization.from_db(using, _SEAT_COLUMNS[2], row[organization_at:-1])
    delegation = Delegation.from_db(using, _SEAT_COLUMNS[1], row[delegation_at:organization_at])
    delegation.organization = organization
    seat = Delegate.from_db(using, _SEAT_COLUMNS[0], row[:delegation_at])
    seat.delegation = delegation
    return seat


def seats_of(actors: Sequence[Any], conference_id: int) -> dict[int, Delegate | PermissionDenied]:
    """Each actor's seat in the conference, or the refusal it gets (seat_of), in one query for all."""
    answers: dict[int, Delegate | PermissionDenied] = {}
    seated = []
    for actor in actors:
        role = getattr(actor, "role", None)
        if role == Role.OBSERVER:
            answers[actor.pk] = PermissionDenied(OBSERVERS_DO_NOT_DECIDE)
        elif role not in (Role.OFFICER, Role.DELEGATE):
            answers[actor.pk] = PermissionDenied(DELEGATES_ONLY)
        else:
            seated.append(actor)
    if not seated:
        return answers
    seats: dict[int, Delegate] = {}
    members_now: set[int] = set()  # accounts whose organization is a member still
    using = router.db_for_read(Delegate)
    for row in _SEATS.rows([actor.pk for actor in seated], [conference_id]):
        seat = _seat_of_row(using, row)
        seats[seat.user_id] = seat  # the first seat of each account, as ordered by key
        if row[-1]:
            members_now.add(seat.user_id)
    unseated = {actor.organization_id for actor in seated if actor.pk not in seats}
    members = (
        set(
            CURRENT_MEMBERSHIPS.filter(organization_id__in=unseated).values_list("organization_id", flat=True)
        )
        if unseated
        else set()
    )
    for actor in seated:
        found = seats.get(actor.pk)
        if not getattr(actor, "is_active", False) or not (
            actor.pk in members_now if found else actor.organization_id in members
        ):
            # S12: an organization that has left takes no part any more, also in a ballot open at its exit.
            answers[actor.pk] = PermissionDenied(NO_LONGER_MEMBER)
        elif found is None:
            answers[actor.pk] = PermissionDenied(NOT_ACCREDITED)
        else:
            answers[actor.pk] = found
    return answers


def require_may_name(actor: Any, delegation: Delegation | None) -> None:
    """A delegation named by the client must be the actor's own organization's (S11)."""
    if delegation is not None and not getattr(actor, "acts_for", lambda _pk: False)(
        delegation.organization_id
    ):
        raise PermissionDenied(FOR_ANOTHER_ORGANIZATION)


def held_vote(seat: Delegate, delegation: Delegation | None) -> Delegation:
    """The delegation whose vote the seat holds; refuse acting for another one (S11)."""
    if delegation is not None and seat.delegation_id != delegation.pk:
        raise PermissionDenied(FOR_ANOTHER_ORGANIZATION)
    if not seat.is_voting:
        raise PermissionDenied(OBSERVER_IN_DELEGATION)
    return seat.delegation


def voting_delegation(actor: Any, conference: Conference, delegation: Delegation | None) -> Delegation:
    """The delegation the actor holds the vote of; refuse acting for another one (S11)."""
    require_may_name(actor, delegation)
    return held_vote(seat_of(actor, conference), delegation)


def refusal(error: TransitionRefused) -> ValidationError:
    """The refusal in the reader's language; the quoted clause stays the authoritative English text."""
    states: dict[str, object] = dict(STATE_CHOICES)
    if error.reason is Refusal.PRINCIPLED_BALLOT:
        message = gettext(
            "A principled motion cannot be put to a ballot (S3): “%(clause)s” "
            "It is decided by consensus or stays in discussion."
        ) % {"clause": CLAUSES[Rule.S3].text}
    elif error.reason is Refusal.DISCUSSION_NOT_CONCLUDED:
        message = gettext(
            "A ballot on a founding-document motion opens only after the chair has concluded the "
            "extensive discussion (S4): “%(clause)s”"
        ) % {"clause": CLAUSES[Rule.S4].text}
    elif error.reason is Refusal.NO_DISCUSSION_TO_CONCLUDE:
        message = gettext(
            "Only the discussion of a motion on the founding documents is concluded (S4): “%(clause)s” "
            "Principled and current-affairs motions are decided without this step."
        ) % {"clause": CLAUSES[Rule.S4].text}
    else:
        allowed = ", ".join(str(states[state]) for state in error.allowed) or gettext("none (final state)")
        message = gettext(
            "A motion cannot go from “%(source)s” to “%(target)s”; from “%(source)s” it can go to: %(allowed)s."
        ) % {
            "source": states.get(str(error.source), error.source),
            "target": states.get(str(error.target), error.target),
            "allowed": allowed,
        }
    return ValidationError(message, code=WRONG_STATE)


def check_quorum(conference: Conference, present: int) -> None:
    if present == 0:
        raise ValidationError(gettext("No delegation is checked in; nobody could decide."), code=WRONG_STATE)
    if conference.quorum and present < conference.quorum:
        raise ValidationError(
            gettext("Only %(present)s delegations are present; this conference set a quorum of %(quorum)s.")
            % {"present": present, "quorum": conference.quorum},
            code=WRONG_STATE,
        )
