"""International brigades (S15): organizations offer their own volunteers; coordinators plan them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from icor.audit.services import record_event
from icor.core import bounds
from icor.core.refusals import WRONG_STATE
from icor.projects.authority import require_coordination, require_own
from icor.projects.models import Assignment, Availability, Need, Project, Volunteer
from icor.registry.models import Organization


def normalise_list(text: str | Iterable[str]) -> str:
    """ "Bricklayer,  electrician, bricklayer" → "bricklayer, electrician" (order kept)."""
    parts = text.split(",") if isinstance(text, str) else list(text)
    seen: list[str] = []
    for part in parts:
        value = " ".join(part.split()).lower()
        if value and value not in seen:
            seen.append(value)
    return ", ".join(seen)


def register_volunteer(
    project: Project,
    *,
    actor: Any,
    organization: Organization,
    pseudonym: str,
    skills: str | Iterable[str],
    availability: Iterable[tuple[date, date]],
    languages: str | Iterable[str] = "",
) -> Volunteer:
    """Only the volunteer's own organization offers them, through one of its officers (S11)."""
    require_own(
        actor,
        organization,
        officers_only=True,
        refusal=gettext(
            "Only its own officers can register volunteers for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
    )
    _check_recruiting(project)
    if refusal := project.refusal_for(organization):
        raise ValidationError(refusal)
    periods = sorted(availability)
    skill_text = normalise_list(skills)
    if not pseudonym.strip():
        raise ValidationError(gettext("Give the volunteer a pseudonym."))
    if not skill_text:
        raise ValidationError(gettext("Name at least one skill."))
    if not periods:
        raise ValidationError(gettext("Give at least one period in which the volunteer is available."))
    for starts_on, ends_on in periods:
        if ends_on < starts_on:
            raise ValidationError(gettext("An availability period cannot end before it starts."))
        bounds.check_period(gettext("Availability"), starts_on, ends_on)
    with transaction.atomic():
        if Volunteer.objects.filter(
            project=project, organization=organization, pseudonym=pseudonym.strip()
        ).exists():
            raise ValidationError(
                gettext("Your organization has already registered a volunteer with this pseudonym."),
                code=WRONG_STATE,
            )
        volunteer = Volunteer.objects.create(
            project=project,
            organization=organization,
            pseudonym=pseudonym.strip(),
            skills=skill_text,
            languages=normalise_list(languages),
            registered_by=actor,
        )
        Availability.objects.bulk_create(
            Availability(volunteer=volunteer, starts_on=starts_on, ends_on=ends_on)
            for starts_on, ends_on in periods
        )
        # The audit record keeps no personal data: organization and counts only.
        record_event(
            "projects.volunteer_registered",
            actor=actor,
            organization_id=organization.pk,
            subject=f"project:{project.pk}",
            data={"volunteer": volunteer.pk, "periods": len(periods)},
        )
    return volunteer


def whole_weeks(starts_on: date, ends_on: date) -> tuple[date, date]:
    """A need covers whole weeks: from the Monday of its first day to the Sunday of its last."""
    return starts_on - timedelta(days=starts_on.weekday()), ends_on + timedelta(days=6 - ends_on.weekday())


def set_need(project: Project, *, actor: Any, skill: str, count: int, starts_on: date, ends_on: date) -> Need:
    """Coordinators say how many volunteers of one skill they need, in whole weeks (Monday to Sunday)."""
    require_coordination(
        actor,
        project,
        refusal=gettext(
            "Only the officers of the project's coordinating organizations can set the needs of the brigade."
        ),
        committee_too=False,
    )
    _check_recruiting(project)
    skill_text = normalise_list(skill)
    if not skill_text or "," in skill_text:
        raise ValidationError(gettext("Name one skill per need."))
    if count < 1:
        raise ValidationError(gettext("A need asks for at least one volunteer."))
    bounds.check_number(gettext("Number of volunteers"), count, low=1, high=bounds.MAX_VOLUNTEERS_NEEDED)
    if ends_on < starts_on:
        raise ValidationError(gettext("The need cannot end before it starts."))
    bounds.check_period(gettext("The need"), starts_on, ends_on)
    first_monday, last_sunday = whole_weeks(starts_on, ends_on)
    with transaction.atomic():
        need = Need.objects.create(
            project=project,
            skill=skill_text,
            count=count,
            starts_on=first_monday,
            ends_on=last_sunday,
            set_by=actor,
        )
        record_event(
            "projects.need_set",
            actor=actor,
            subject=f"project:{project.pk}",
            data={"skill": skill_text, "count": count, "from": first_monday, "until": last_sunday},
        )
    return need


def assign_volunteer(volunteer: Volunteer, *, actor: Any, starts_on: date, ends_on: date) -> Assignment:
    """The coordinators place a volunteer on site, within a period the organization offered them for."""
    project = volunteer.project
    require_coordination(
        actor,
        project,
        refusal=gettext(
            "Only the officers of the project's coordinating organizations can assign volunteers."
        ),
        committee_too=False,
    )
    _check_recruiting(project)
    if ends_on < starts_on:
        raise ValidationError(gettext("The period cannot end before it starts."))
    bounds.check_period(gettext("The assignment"), starts_on, ends_on)
    if project.starts_on and project.ends_on and (starts_on < project.starts_on or ends_on > project.ends_on):
        raise ValidationError(
            gettext("The period lies outside the project (%(start)s to %(end)s).")
            % {"start": project.starts_on, "end": project.ends_on}
        )
    with transaction.atomic():
        # Lock the volunteer so that two coordinators cannot book overlapping periods at once.
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        offered = volunteer.availabilities.filter(starts_on__lte=starts_on, ends_on__gte=ends_on).exists()
        if not offered:
            raise ValidationError(
                gettext("%(organization)s did not offer this volunteer for the whole period.")
                % {"organization": volunteer.organization.short_name}
            )
        if volunteer.assignments.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).exists():
            raise ValidationError(
                gettext("The volunteer is already assigned in part of this period."), code=WRONG_STATE
            )
        assignment = Assignment.objects.create(
            volunteer=volunteer, starts_on=starts_on, ends_on=ends_on, assigned_by=actor
        )
        record_event(
            "projects.volunteer_assigned",
            actor=actor,
            subject=f"project:{project.pk}",
            data={"volunteer": volunteer.pk, "from": starts_on, "until": ends_on},
        )
    return assignment


def _check_recruiting(project: Project) -> None:
    if not project.recruits_volunteers:
        raise ValidationError(gettext("This project does not recruit volunteers (S15)."), code=WRONG_STATE)
    if not project.is_open_for_work:
        raise ValidationError(
            gettext("This project is %(status)s.") % {"status": project.get_status_display()},
            code=WRONG_STATE,
        )
