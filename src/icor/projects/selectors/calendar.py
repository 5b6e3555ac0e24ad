"""The calendar of coordinated activities and the combined picture of participation (S10)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django_countries import countries

from icor.projects.models import Activity, Participation


def activities(*, since: date | None = None, until: date | None = None) -> QuerySet[Activity]:
    result = (
        Activity.objects.filter(withdrawn_at__isnull=True)
        .select_related("proposed_by")
        .prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("organization"))
        )
    )
    if since is not None:
        result = result.filter(ends_on__gte=since)
    if until is not None:
        result = result.filter(starts_on__lte=until)
    return result.order_by("starts_on", "pk")


@dataclass
class CountryPicture:
    code: str
    name: str
    organizations: set[int] = field(default_factory=set)
    people: int = 0
    places: list[str] = field(default_factory=list)


@dataclass
class ContinentPicture:
    continent: str
    organizations: set[int] = field(default_factory=set)
    people: int = 0
    countries: dict[str, CountryPicture] = field(default_factory=dict)

    @property
    def country_rows(self) -> list[CountryPicture]:
        return sorted(self.countries.values(), key=lambda row: row.name)


@dataclass
class Picture:
    people: int
    organizations: int
    continents: list[ContinentPicture]


def combined_picture(activity: Activity) -> Picture:
    """Participation grouped by the reporting organization's continent and the country of the action."""
    by_continent: dict[str, ContinentPicture] = defaultdict(lambda: ContinentPicture(""))
    organizations: set[int] = set()
    people = 0
    for participation in activity.participations.all():
        organization = participation.organization
        continent = by_continent[organization.continent]
        continent.continent = organization.get_continent_display()
        code = participation.place_country
        country = continent.countries.setdefault(
            code, CountryPicture(code, str(dict(countries).get(code, code)))
        )
        for row in (continent, country):
            row.organizations.add(organization.pk)
            row.people += participation.people
        if participation.city not in country.places:
            country.places.append(participation.city)
        organizations.add(organization.pk)
        people += participation.people
    ordered = [by_continent[key] for key in sorted(by_continent)]
    return Picture(people=people, organizations=len(organizations), continents=ordered)
