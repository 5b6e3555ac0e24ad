"""Reads of the registry: filtered lists, statistics, export records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet

from icor.core.collation import fold, place_and_name_key
from icor.registry.models import Continent, Membership, Organization
from icor.registry.records import MemberRecord


def organizations(
    *,
    continent: str = "",
    country: str = "",
    year: int | None = None,
    query: str = "",
    include_former: bool = False,
) -> QuerySet[Organization]:
    current = Membership.objects.filter(organization=OuterRef("pk"), left_on__isnull=True)
    result = Organization.objects.annotate(is_member=Exists(current)).prefetch_related("memberships")
    if not include_former:
        result = result.filter(is_member=True)
    if continent:
        result = result.filter(continent=continent)
    if country:
        result = result.filter(country=country.upper())
    if year is not None:
        result = result.filter(memberships__since_year=year).distinct()
    if query:
        # Case and accents do not matter: "ceskoslovenska" finds "Československá" (SQLite and PostgreSQL alike).
        result = result.filter(search_text__contains=fold(query))
    return result.order_by("continent", "country", "name")


def in_reading_order(organizations: QuerySet[Organization]) -> list[int]:
    """The organizations' keys in the registry's order in the reader's language (continent,
    country, name), sorted from their codes and names alone: only a page of them is loaded."""
    rows = organizations.prefetch_related(None).values_list("pk", "continent", "country", "name")
    return [row[0] for row in sorted(rows, key=lambda row: place_and_name_key(*row[1:]))]


def export_records() -> list[MemberRecord]:
    records = []
    for organization in organizations(include_former=True):
        periods = list(organization.memberships.all())
        latest = periods[-1] if periods else None
        records.append(
            MemberRecord(
                continent=organization.continent,
                country_code=str(organization.country.code),
                country=str(organization.country.name),
                name=organization.name,
                abbreviation=organization.abbreviation,
                english_name=organization.english_name,
                member_since=latest.since_year if latest else None,
                status="member" if getattr(organization, "is_member", False) else "former",
                left_on=latest.left_on if latest else None,
            )
        )
    return records


@dataclass(frozen=True)
class YearCount:
    year: int
    joined: int
    total: int


@dataclass(frozen=True)
class Statistics:
    members: int
    countries: int
    per_continent: list[tuple[str, str, int]]
    growth: list[YearCount]
    year_unknown: int
    member_countries: dict[str, int]


def member_countries() -> dict[str, int]:
    """Current member organizations per country code, counted by the database (for the map)."""
    current = Membership.objects.filter(organization=OuterRef("pk"), left_on__isnull=True)
    rows = Organization.objects.filter(Exists(current)).values("country").annotate(members=Count("pk"))
    return {str(row["country"]): row["members"] for row in rows.order_by()}


def statistics() -> Statistics:
    """Counted by the database in one grouped query, whatever the size of the registry: a member
    has one current period (a constraint), whose year is its year of joining."""
    rows = (
        Membership.objects.filter(left_on__isnull=True)
        .values_list("organization__continent", "organization__country", "since_year")
        .annotate(members=Count("pk"))
        .order_by()
    )
    per_continent: Counter[str] = Counter()
    joined: Counter[int | None] = Counter()
    countries: Counter[str] = Counter()
    for continent, country, since_year, count in rows:
        per_continent[continent] += count
        joined[since_year] += count
        countries[str(country)] += count
    year_unknown = joined.pop(None, 0)
    years = [year for year in joined if year is not None]
    growth: list[YearCount] = []
    total = 0
    for year in range(min(years, default=0), max(years, default=-1) + 1):
        total += joined.get(year, 0)
        growth.append(YearCount(year, joined.get(year, 0), total))
    return Statistics(
        members=sum(countries.values()),
        countries=len(countries),
        per_continent=[(c.value, str(c.label), per_continent.get(c.value, 0)) for c in Continent],
        growth=growth,
        year_unknown=year_unknown,
        member_countries=dict(countries),
    )


def short_names(ids: set[int]) -> dict[int, str]:
    """The short names of the organizations with these ids (the audit log names who acted)."""
    return {pk: organization.short_name for pk, organization in Organization.objects.in_bulk(ids).items()}
