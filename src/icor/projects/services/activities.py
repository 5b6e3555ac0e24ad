"""The calendar of coordinated activities and each organization's own participation report (S10)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from rules import has_perm

from icor.accounts.rules import is_committee
from icor.audit.services import record_event
from icor.core import bounds
from icor.projects.authority import require_own
from icor.projects.models import Activity, Level, Participation
from icor.projects.models.scope import check_level
from icor.registry.models import Organization


def create_activity(
    *,
    actor: Any,
    title: str,
    starts_on: date,
    ends_on: date | None = None,
    description: str = "",
    level: str = Level.WORLDWIDE,
    continent: str = "",
    region_name: str = "",
    region_countries: Iterable[str] = (),
) -> Activity:
    """The committee or a member organization's officer (in its own name) puts an activity in the calendar."""
    if not has_perm("projects.create_activity", actor):
        raise PermissionDenied(
            gettext(
                "Activities are proposed by the coordinating committee or a member organization's officer."
            )
        )
    ends_on = ends_on or starts_on
    if ends_on < starts_on:
        raise ValidationError(gettext("The activity cannot end before it starts."))
    bounds.check_period(gettext("The activity"), starts_on, ends_on)
    bounds.check_text(gettext("Description"), description, limit=bounds.MAX_DESCRIPTION)
    if not title.strip():
        raise ValidationError(gettext("Give the activity a title."))
    countries = sorted({code.strip().upper() for code in region_countries if code.strip()})
    check_level(level, continent, region_name, countries)
    with transaction.atomic():
        activity = Activity.objects.create(
            title=title.strip(),
            description=description.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            level=level,
            continent=continent if level == Level.CONTINENT else "",
            region_name=region_name.strip() if level == Level.REGION else "",
            region_countries=",".join(countries) if level == Level.REGION else "",
            proposed_by=None if is_committee(actor) else actor.organization,
            created_by=actor,
        )
        record_event(
            "projects.activity_created",
            actor=actor,
            subject=f"activity:{activity.pk}",
            data={"title": activity.title, "starts_on": starts_on, "ends_on": ends_on, "level": level},
        )
    return activity


def report_participation(
    activity: Activity,
    *,
    actor: Any,
    organization: Organization,
    what: str,
    city: str,
    people: int,
    country: str = "",
) -> Participation:
    """Each organization reports its own part, and only its own (S10, S11)."""
    require_own(
        actor,
        organization,
        officers_only=False,
        refusal=gettext(
            "Only its own officers and delegates can report participation for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
    )
    if refusal := activity.refusal_for(organization):
        raise ValidationError(refusal)
    if not what.strip() or not city.strip():
        raise ValidationError(gettext("Say what your organization did and in which city."))
    if people < 1:
        raise ValidationError(gettext("Give the number of people who took part (at least one)."))
    bounds.check_number(gettext("Number of people"), people, low=1, high=bounds.MAX_PEOPLE)
    with transaction.atomic():
        participation = Participation.objects.create(
            activity=activity,
            organization=organization,
            what=what.strip(),
            city=city.strip(),
            country=country.strip().upper(),
            people=people,
            reported_by=actor,
        )
        record_event(
            "projects.participation_reported",
            actor=actor,
            organization_id=organization.pk,
            subject=f"activity:{activity.pk}",
            data={"city": participation.city, "country": participation.place_country, "people": people},
        )
    return participation
