"""The brigade plan week by week (S15), with personal data only for those entitled to it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Max, Min, QuerySet
from django.utils import timezone

from icor.accounts.rules import is_member_account
from icor.core import bounds
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


# The plan shows at most this many weeks at a time, so that its cost never depends on the stored range.
PLAN_WEEKS = 26


@dataclass
class BrigadePlan:
    project: Project
    weeks: list[Week]
    shows_people: bool
    earlier: date | None = None  # the Monday of the previous window, if the brigade runs before this one
    later: date | None = None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weeks(first: date, last: date) -> list[tuple[date, date]]:
    monday = _monday(first)
    result: list[tuple[date, date]] = []
    while monday <= last and len(result) < PLAN_WEEKS:
        result.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return result


def _range(project: Project) -> tuple[date | None, date | None]:
    """The days the brigade runs: the project's dates, or else those of its assignments and needs."""
    if project.starts_on and project.ends_on:
        return project.starts_on, project.ends_on
    assignments = Assignment.objects.filter(volunteer__project=project)
    needs = Need.objects.filter(project=project, withdrawn_at__isnull=True)
    firsts = [
        d
        for d in (assignments.aggregate(d=Min("starts_on"))["d"], needs.aggregate(d=Min("starts_on"))["d"])
        if d
    ]
    lasts = [
        d for d in (assignments.aggregate(d=Max("ends_on"))["d"], needs.aggregate(d=Max("ends_on"))["d"]) if d
    ]
    return project.starts_on or min(firsts, default=None), project.ends_on or max(lasts, default=None)


def _window_start(first: date, last: date, wanted: date | None) -> date:
    """The Monday the window opens on: the one asked for, else this week, kept inside the brigade's range."""
    anchor = wanted if wanted is not None else timezone.localdate()
    anchor = min(max(anchor, first), last)
    latest_start = _monday(last) - timedelta(weeks=PLAN_WEEKS - 1)
    return max(_monday(first), min(_monday(anchor), latest_start))


def brigade_plan(project: Project, viewer: Any, *, from_day: date | None = None) -> BrigadePlan:
    """Week by week for at most PLAN_WEEKS weeks from `from_day`: who is on site (for entitled viewers),
    counts per country and skill, unmet needs."""
    coordinators = coordinator_ids(project)
    shows_people = is_member_account(viewer) and getattr(viewer, "organization_id", None) in coordinators
    first, last = _range(project)
    if first is None or last is None or last < first:
        return BrigadePlan(project, [], shows_people)
    # Rows stored before the bounds existed are read within them, so week arithmetic never overflows.
    first, last = max(first, bounds.FIRST_DAY), min(last, bounds.LAST_DAY)
    if last < first:
        return BrigadePlan(project, [], shows_people)
    start = _window_start(first, last, from_day)
    spans = _weeks(start, last)
    end = spans[-1][1]
    assignments = list(
        Assignment.objects.filter(
            volunteer__project=project, starts_on__lte=end, ends_on__gte=start
        ).select_related("volunteer__organization")
    )
    needs = list(
        Need.objects.filter(
            project=project, withdrawn_at__isnull=True, starts_on__lte=end, ends_on__gte=start
        )
    )
    weeks: list[Week] = []
    for monday, sunday in spans:
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
    earlier = max(start - timedelta(weeks=PLAN_WEEKS), _monday(first)) if start > _monday(first) else None
    later = end + timedelta(days=1) if end < last else None
    return BrigadePlan(project, weeks, shows_people, earlier, later)


def current_needs(project: Project) -> list[Need]:
    return list(
        Need.objects.filter(project=project, withdrawn_at__isnull=True).order_by("starts_on", "skill")
    )
