"""The brigade plan week by week (S15), with personal data only for those entitled to it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import QuerySet

from icor.projects.authority import is_member_account
from icor.projects.models import Assignment, Need, Project, Volunteer


def coordinator_ids(project: Project) -> set[int]:
    return set(project.coordinators.values_list("pk", flat=True))


def may_see_person(viewer: Any, volunteer: Volunteer, coordinators: set[int]) -> bool:
    """Pseudonym, skills, languages, availability: the volunteer's own organization and the coordinators."""
    if not is_member_account(viewer):
        return False
    organization_id = getattr(viewer, "organization_id", None)
    return organization_id == volunteer.organization_id or organization_id in coordinators


def visible_volunteers(project: Project, viewer: Any) -> list[Volunteer]:
    coordinators = coordinator_ids(project)
    volunteers = project.volunteers.select_related("organization").prefetch_related(
        "availabilities", "assignments"
    )
    return [volunteer for volunteer in volunteers if may_see_person(viewer, volunteer, coordinators)]


def volunteers_of(project: Project) -> QuerySet[Volunteer]:
    return project.volunteers.select_related("organization").prefetch_related("availabilities")


@dataclass(frozen=True)
class PersonOnSite:
    pseudonym: str
    organization: str
    country: str
    skills: list[str]
    languages: list[str]


@dataclass(frozen=True)
class UnmetNeed:
    skill: str
    needed: int
    present: int

    @property
    def missing(self) -> int:
        return max(self.needed - self.present, 0)


@dataclass
class Week:
    monday: date
    sunday: date
    on_site: int = 0
    people: list[PersonOnSite] = field(default_factory=list)
    per_country: dict[str, int] = field(default_factory=dict)
    per_skill: dict[str, int] = field(default_factory=dict)
    needs: list[UnmetNeed] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        return self.on_site - len(self.people)

    @property
    def unmet(self) -> list[UnmetNeed]:
        return [need for need in self.needs if need.missing]

    @property
    def countries(self) -> list[str]:
        return sorted(self.per_country)


@dataclass
class BrigadePlan:
    project: Project
    weeks: list[Week]
    shows_people: bool


def _weeks(first: date, last: date) -> list[tuple[date, date]]:
    monday = first - timedelta(days=first.weekday())
    result = []
    while monday <= last:
        result.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return result


def brigade_plan(project: Project, viewer: Any) -> BrigadePlan:
    """Week by week: who is on site (for entitled viewers), counts per country and skill, unmet needs."""
    coordinators = coordinator_ids(project)
    assignments = list(
        Assignment.objects.filter(volunteer__project=project).select_related("volunteer__organization")
    )
    needs = list(Need.objects.filter(project=project, withdrawn_at__isnull=True))
    dates = [d for a in assignments for d in (a.starts_on, a.ends_on)] + [
        d for n in needs for d in (n.starts_on, n.ends_on)
    ]
    first = project.starts_on or min(dates, default=None)
    last = project.ends_on or max(dates, default=None)
    weeks: list[Week] = []
    if first is not None and last is not None:
        for monday, sunday in _weeks(first, last):
            week = Week(monday, sunday)
            present = [a.volunteer for a in assignments if a.starts_on <= sunday and a.ends_on >= monday]
            week.on_site = len(present)
            countries = Counter(str(v.organization.country.code) for v in present)
            skills = Counter(skill for v in present for skill in v.skill_list)
            week.per_country = dict(sorted(countries.items()))
            week.per_skill = dict(sorted(skills.items()))
            week.people = [
                PersonOnSite(
                    v.pseudonym,
                    v.organization.short_name,
                    str(v.organization.country.code),
                    v.skill_list,
                    v.language_list,
                )
                for v in sorted(present, key=lambda v: (v.organization.short_name, v.pseudonym))
                if may_see_person(viewer, v, coordinators)
            ]
            wanted: Counter[str] = Counter()
            for need in needs:
                if need.starts_on <= sunday and need.ends_on >= monday:
                    wanted[need.skill] += need.count
            week.needs = [
                UnmetNeed(skill, count, skills.get(skill, 0)) for skill, count in sorted(wanted.items())
            ]
            weeks.append(week)
    shows_people = is_member_account(viewer) and getattr(viewer, "organization_id", None) in coordinators
    return BrigadePlan(project, weeks, shows_people)


def current_needs(project: Project) -> list[Need]:
    return list(
        Need.objects.filter(project=project, withdrawn_at__isnull=True).order_by("starts_on", "skill")
    )
