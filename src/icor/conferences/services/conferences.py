"""Conferences, their delegations and the attendance of delegations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from icor.accounts.models import Role, User
from icor.audit.services import checkpoint_after_commit, record_event
from icor.conferences.models import (
    Attendance,
    Ballot,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    ConsensusRound,
    Delegate,
    Delegation,
    Guest,
)
from icor.conferences.services._common import (
    notify,
    require_admitted,
    require_chair,
    require_in_session,
    require_not_closed,
    require_officer_of,
    seat_of,
)
from icor.core import bounds
from icor.core.refusals import WRONG_STATE
from icor.registry.models import Continent, Organization

STATUS_STEPS = {
    ConferenceStatus.PLANNED: ConferenceStatus.IN_SESSION,
    ConferenceStatus.IN_SESSION: ConferenceStatus.CLOSED,
}


def create_conference(
    *,
    actor: Any,
    kind: str,
    title: str,
    starts_on: date,
    ends_on: date,
    place: str = "",
    online: bool = False,
    continent: str = "",
    region_name: str = "",
    region_countries: Sequence[str] = (),
    quorum: int | None = None,
    votes_per_delegation: int = 1,
) -> Conference:
    require_chair(actor)
    if kind not in ConferenceKind.values:
        raise ValidationError(gettext("Unknown kind of conference “%(kind)s”.") % {"kind": kind})
    if not title.strip():
        raise ValidationError(gettext("A conference needs a title."))
    if ends_on < starts_on:
        raise ValidationError(gettext("The conference cannot end before it starts."))
    bounds.check_period(gettext("The conference"), starts_on, ends_on, max_days=bounds.MAX_CONFERENCE_DAYS)
    bounds.check_text(gettext("Title"), title, limit=200)
    bounds.check_number(gettext("Quorum"), quorum, low=1, high=bounds.MAX_QUORUM)
    bounds.check_number(
        gettext("Votes per delegation"), votes_per_delegation, low=1, high=bounds.MAX_VOTES_PER_DELEGATION
    )
    if not online and not place.strip():
        raise ValidationError(gettext("Give the place of the conference, or mark it as held online."))
    if kind == ConferenceKind.CONTINENTAL and continent not in Continent.values:
        raise ValidationError(gettext("A continental conference names its continent."))
    if kind == ConferenceKind.REGIONAL and not region_countries:
        raise ValidationError(gettext("A regional conference names the countries of its region."))
    if votes_per_delegation < 1:
        raise ValidationError(gettext("Each delegation holds at least one vote."))
    if quorum is not None and quorum < 1:
        raise ValidationError(gettext("A quorum is at least one delegation; leave it empty for none."))
    with transaction.atomic():
        conference = Conference.objects.create(
            kind=kind,
            title=title.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            place=place.strip(),
            online=online,
            continent=continent if kind == ConferenceKind.CONTINENTAL else "",
            region_name=region_name.strip() if kind == ConferenceKind.REGIONAL else "",
            region_countries=list(region_countries) if kind == ConferenceKind.REGIONAL else [],  # type: ignore[misc]
            quorum=quorum,
            votes_per_delegation=votes_per_delegation,
            created_by=actor,
        )
        record_event(
            "conference.created",
            actor=actor,
            subject=f"conference:{conference.pk}",
            data={"kind": kind, "title": conference.title, "quorum": quorum},
        )
    return conference


def advance_conference(*, conference: Conference, actor: Any) -> Conference:
    """Planned → in session → closed. Closing checks every delegation out."""
    require_chair(actor)
    with transaction.atomic():
        conference = Conference.objects.select_for_update().get(pk=conference.pk)
        target = STATUS_STEPS.get(ConferenceStatus(conference.status))
        if target is None:
            raise ValidationError(gettext("The conference is closed already."), code=WRONG_STATE)
        if target == ConferenceStatus.CLOSED:
            if Ballot.objects.filter(
                motion__agenda_item__conference=conference, closed_at__isnull=True
            ).exists():
                raise ValidationError(
                    gettext("A ballot is still open; close it before closing the conference."),
                    code=WRONG_STATE,
                )
            if ConsensusRound.objects.filter(
                motion__agenda_item__conference=conference, closed_at__isnull=True
            ).exists():
                raise ValidationError(
                    gettext("A consensus round is still open; close it before closing the conference."),
                    code=WRONG_STATE,
                )
            Attendance.objects.filter(delegation__conference=conference, checked_out_at__isnull=True).update(
                checked_out_at=timezone.now(), checked_out_by=actor
            )
        conference.status = target
        conference.save(update_fields=["status"])
        record_event(
            f"conference.{'opened' if target == ConferenceStatus.IN_SESSION else 'closed'}",
            actor=actor,
            subject=f"conference:{conference.pk}",
        )
        if target == ConferenceStatus.CLOSED:
            checkpoint_after_commit(f"conference:{conference.pk} closed")
        notify(conference.pk, "conference", {"status": target.value})
    return conference


def invite_guest(*, conference: Conference, actor: Any, guest: User) -> Guest:
    """Partner observers (S13) follow a conference as invited guests; they never vote."""
    require_chair(actor)
    require_not_closed(conference)
    if guest.role != Role.OBSERVER:
        raise ValidationError(gettext("Only accounts of partner observers are invited as guests."))
    with transaction.atomic():
        invitation, created = Guest.objects.get_or_create(conference=conference, user=guest)
        if not created:
            raise ValidationError(gettext("This observer is invited already."), code=WRONG_STATE)
        record_event(
            "conference.guest_invited",
            actor=actor,
            subject=f"conference:{conference.pk}",
            data={"guest": guest.pk},
        )
    return invitation


def accredit_delegation(
    *,
    conference: Conference,
    organization: Organization,
    actor: Any,
    delegates: Sequence[User],
    voting_delegate: User | None,
) -> Delegation:
    """The organization's own officer names its delegates and its voting delegate (S11)."""
    # Membership first: a former member's officer is told why, not only that it may not (S1).
    require_admitted(conference, organization)
    require_officer_of(
        actor,
        organization.pk,
        gettext("Only an officer of the organization itself can accredit its delegation (S11)."),
    )
    require_not_closed(conference)
    members = {user.pk: user for user in delegates}
    for user in members.values():
        if user.organization_id != organization.pk or user.role not in (Role.OFFICER, Role.DELEGATE):
            raise PermissionDenied(
                gettext(
                    "%(user)s is not an account of %(organization)s; a delegation consists of the organization's own delegates (S11)."
                )
                % {"user": user.shown_name, "organization": organization.short_name}
            )
    if not members:
        raise ValidationError(gettext("Name at least one delegate."))
    if voting_delegate is not None and voting_delegate.pk not in members:
        raise ValidationError(gettext("The voting delegate must be one of the delegates."))
    with transaction.atomic():
        delegation, created = Delegation.objects.select_for_update().get_or_create(
            conference=conference, organization=organization
        )
        delegation.delegates.exclude(user_id__in=members).delete()
        delegation.delegates.update(is_voting=False)
        for user in members.values():
            Delegate.objects.update_or_create(
                delegation=delegation,
                user=user,
                defaults={"is_voting": voting_delegate is not None and user.pk == voting_delegate.pk},
            )
        record_event(
            "conference.delegation_accredited" if created else "conference.delegation_changed",
            actor=actor,
            organization_id=organization.pk,
            subject=f"conference:{conference.pk}",
            data={
                "delegation": delegation.pk,
                "delegates": len(members),
                "has_voting_delegate": bool(voting_delegate),
            },
        )
    return delegation


def check_in(*, delegation: Delegation, actor: Any) -> Attendance:
    """A delegate checks their own delegation in; only present delegations decide (S4)."""
    conference = delegation.conference
    seat = seat_of(actor, conference)
    if seat.delegation_id != delegation.pk:
        raise PermissionDenied(gettext("You can check in only your own organization's delegation (S11)."))
    require_in_session(conference)
    with transaction.atomic():
        Delegation.objects.select_for_update().get(pk=delegation.pk)
        if Attendance.objects.filter(delegation=delegation, checked_out_at__isnull=True).exists():
            raise ValidationError(gettext("Your delegation is checked in already."), code=WRONG_STATE)
        attendance = Attendance.objects.create(
            delegation=delegation, checked_in_at=timezone.now(), checked_in_by=actor
        )
        record_event(
            "conference.checked_in",
            actor=actor,
            organization_id=delegation.organization_id,
            subject=f"conference:{conference.pk}",
            data={"delegation": delegation.pk},
        )
        notify(conference.pk, "attendance", {"delegation": delegation.pk, "present": True})
    return attendance


def check_out(*, delegation: Delegation, actor: Any) -> Attendance:
    conference = delegation.conference
    seat = seat_of(actor, conference)
    if seat.delegation_id != delegation.pk:
        raise PermissionDenied(gettext("You can check out only your own organization's delegation (S11)."))
    with transaction.atomic():
        attendance = (
            Attendance.objects.select_for_update()
            .filter(delegation=delegation, checked_out_at__isnull=True)
            .first()
        )
        if attendance is None:
            raise ValidationError(gettext("Your delegation is not checked in."), code=WRONG_STATE)
        attendance.checked_out_at = timezone.now()
        attendance.checked_out_by = actor
        attendance.save(update_fields=["checked_out_at", "checked_out_by"])
        record_event(
            "conference.checked_out",
            actor=actor,
            organization_id=delegation.organization_id,
            subject=f"conference:{conference.pk}",
            data={"delegation": delegation.pk},
        )
        notify(conference.pk, "attendance", {"delegation": delegation.pk, "present": False})
    return attendance
