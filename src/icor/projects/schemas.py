"""Shapes of the projects API and the functions that fill them. Organizations appear by slug;
volunteers by pseudonym, and only to those entitled to see them (S15)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.utils.translation import gettext
from django_countries import countries
from ninja import Field, Schema
from pydantic import AfterValidator

from icor.core import bounds
from icor.projects.models import Activity, Notification, Project, Task
from icor.projects.selectors.calendar import combined_picture
from icor.projects.services.brigades import normalise_list

# --- input -----------------------------------------------------------------------------------------


def _on_the_calendar(value: date) -> date:
    # Week arithmetic (a need runs Monday to Sunday) must stay inside the calendar.
    if not bounds.FIRST_DAY <= value <= bounds.LAST_DAY:
        raise ValueError(
            gettext("Give a date between %(first)s and %(last)s.")
            % {"first": bounds.FIRST_DAY.isoformat(), "last": bounds.LAST_DAY.isoformat()}
        )
    return value


def _country(value: str) -> str:
    code = value.strip().upper()
    if code and code not in dict(countries):
        raise ValueError(gettext("%(code)r is not an ISO 3166-1 alpha-2 country code.") % {"code": value})
    return code


def _short_list(limit: int) -> AfterValidator:
    def check(values: list[str]) -> list[str]:
        if len(normalise_list(values)) > limit:
            raise ValueError(gettext("At most %(limit)d characters in all.") % {"limit": limit})
        return values

    return AfterValidator(check)


Day = Annotated[date, AfterValidator(_on_the_calendar)]
Country = Annotated[str, AfterValidator(_country)]
Acting = Field(
    None,
    max_length=100,
    description="slug of the organization you act for: only your own (S11); by default your own",
)


class ActingIn(Schema):
    organization: str | None = Acting


class TaskIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    due_on: Day
    description: str = Field("", max_length=bounds.MAX_DESCRIPTION)


class NoteIn(ActingIn):
    note: str = Field("", max_length=2000)


class ProgressIn(ActingIn):
    note: str = Field(max_length=2000, description="what has been done so far")


class DropIn(ActingIn):
    reason: str = Field(max_length=2000, description="why the organization gives the task back (S8)")


class ActivityIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    starts_on: Day
    ends_on: Day | None = Field(None, description="the last day; by default the first")
    description: str = Field("", max_length=bounds.MAX_DESCRIPTION)
    level: Literal["worldwide", "continent", "region"] = "worldwide"
    continent: str = Field("", max_length=20)
    region_name: str = Field("", max_length=120)
    region_countries: list[Country] = Field(default_factory=list, max_length=250)


class ParticipationIn(ActingIn):
    what: str = Field(min_length=1, max_length=300)
    city: str = Field(min_length=1, max_length=120)
    people: int = Field(ge=1, le=bounds.MAX_PEOPLE)
    country: Country = Field("", description="ISO code of the country of the action; by default your own")


class PeriodIn(Schema):
    starts_on: Day
    ends_on: Day


class VolunteerIn(ActingIn):
    pseudonym: str = Field(min_length=1, max_length=80, description="never the volunteer's real name")
    skills: Annotated[list[str], _short_list(300)] = Field(max_length=50)
    languages: Annotated[list[str], _short_list(200)] = Field(default_factory=list, max_length=50)
    availability: list[PeriodIn] = Field(
        max_length=50, description="periods the organization offers them for"
    )


class NeedIn(Schema):
    skill: str = Field(min_length=1, max_length=80)
    count: int = Field(ge=1, le=1000)
    starts_on: Day = Field(description="the need runs from the Monday of this week")
    ends_on: Day = Field(description="to the Sunday of this week")


class AssignmentIn(Schema):
    volunteer: int = Field(ge=1, description="id of a volunteer of this brigade")
    starts_on: Day
    ends_on: Day


# --- output ----------------------------------------------------------------------------------------


class SupportOut(Schema):
    organization: str = Field(description="slug of the organization")
    organization_name: str
    since: date
    until: date | None


class ProjectOut(Schema):
    id: int
    title: str
    level: str
    area: str
    kind: str
    status: str
    starts_on: date | None
    ends_on: date | None
    coordinators: list[str] = Field(description="slugs of the coordinating organizations")
    launching_decision: str
    recruits_volunteers: bool
    supporters: list[str] = Field(description="slugs of the organizations supporting it now (S7)")


class TaskOut(Schema):
    id: int
    title: str
    due_on: date
    state: str
    accepted_by: str | None = Field(description="slug of the organization that accepted it")

    @staticmethod
    def resolve_accepted_by(task: Task) -> str | None:
        return task.organization.slug if task.organization else None


class ProjectDetailOut(ProjectOut):
    description: str
    support_history: list[SupportOut]
    tasks: list[TaskOut]


class TaskEventOut(Schema):
    kind: str = Field(description="accepted, progress, done or dropped")
    organization: str = Field(alias="organization.slug")
    note: str
    occurred_on: date


class TaskDetailOut(TaskOut):
    project: int = Field(alias="project_id")
    description: str
    timeline: list[TaskEventOut] = Field(
        alias="events", description="the record the reliability is derived from (S8)"
    )


class ReliabilityOut(Schema):
    organization: str = Field(alias="organization.slug")
    project: int | None = Field(alias="project_id", description="none: in all projects")
    accepted: int
    done_on_time: int
    done_late: int
    overdue: int
    dropped: int
    in_progress: int


class CountryRow(Schema):
    country: str
    organizations: int
    people: int
    places: list[str]


class ContinentRow(Schema):
    continent: str
    organizations: int
    people: int
    countries: list[CountryRow]


class ActivityOut(Schema):
    id: int
    title: str
    starts_on: date
    ends_on: date
    level: str
    area: str
    people: int
    organizations: int
    continents: list[ContinentRow]


class ParticipationOut(Schema):
    id: int
    activity: int = Field(alias="activity_id")
    organization: str = Field(alias="organization.slug")
    what: str
    city: str
    country: str = Field(alias="place_country")
    people: int


class PersonOut(Schema):
    pseudonym: str
    organization: str
    country: str
    skills: list[str]


class NeedOut(Schema):
    skill: str
    needed: int
    present: int
    missing: int


class WeekOut(Schema):
    monday: date
    sunday: date
    on_site: int
    per_country: dict[str, int]
    per_skill: dict[str, int]
    needs: list[NeedOut]
    people: list[PersonOut] = Field(description="only the volunteers this account may see by name (S15)")


class PeriodOut(Schema):
    starts_on: date
    ends_on: date


class VolunteerOut(Schema):
    id: int
    pseudonym: str
    organization: str = Field(alias="organization.slug")
    skills: list[str] = Field(alias="skill_list")
    languages: list[str] = Field(alias="language_list")
    availability: list[PeriodOut] = Field(alias="availabilities")
    assignments: list[PeriodOut] = Field(description="periods on site, set by the coordinators")


class NeedSetOut(Schema):
    id: int
    skill: str
    count: int
    starts_on: date = Field(description="a Monday")
    ends_on: date = Field(description="a Sunday")


class AssignmentOut(Schema):
    id: int
    volunteer: int = Field(alias="volunteer_id")
    starts_on: date
    ends_on: date


class NotificationOut(Schema):
    id: int
    text: str
    link: str
    created_at: datetime
    read_at: datetime | None
    addressed_to: Literal["account", "organization"]

    @staticmethod
    def resolve_addressed_to(notification: Notification) -> str:
        return "account" if notification.account_id is not None else "organization"


def project_out(project: Project) -> dict[str, Any]:
    return {
        "id": project.pk,
        "title": project.title,
        "level": project.level,
        "area": project.area,
        "kind": project.kind,
        "status": project.status,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "coordinators": [organization.slug for organization in project.coordinators.all()],
        "launching_decision": project.launching_decision,
        "recruits_volunteers": project.recruits_volunteers,
        "supporters": sorted(s.organization.slug for s in project.supports.all() if s.until is None),
    }


def activity_out(activity: Activity) -> dict[str, Any]:
    picture = combined_picture(activity)
    return {
        "id": activity.pk,
        "title": activity.title,
        "starts_on": activity.starts_on,
        "ends_on": activity.ends_on,
        "level": activity.level,
        "area": activity.area,
        "people": picture.people,
        "organizations": picture.organizations,
        "continents": [
            {
                "continent": c.continent,
                "organizations": len(c.organizations),
                "people": c.people,
                "countries": [
                    {
                        "country": row.code,
                        "organizations": len(row.organizations),
                        "people": row.people,
                        "places": row.places,
                    }
                    for row in c.country_rows
                ],
            }
            for c in picture.continents
        ],
    }
