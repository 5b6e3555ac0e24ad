from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema

from icor.core.collation import by_place_and_name
from icor.registry import selectors
from icor.registry.models import Continent, Organization
from icor.registry.records import write_member_file

router = Router(tags=["registry"])


class MembershipOut(Schema):
    since_year: int | None
    admitted_on: str | None
    decision_reference: str
    left_on: str | None


class OrganizationOut(Schema):
    slug: str = Field(description="The organization's identifier everywhere in the API, as in page addresses")
    name: str
    abbreviation: str
    english_name: str
    country_code: str
    country: str
    continent: str
    status: str = Field(description="`member` for current members, `former` for organizations that left")
    member_since: int | None


class OrganizationDetailOut(OrganizationOut):
    memberships: list[MembershipOut]


class RegistryFilters(Schema):
    continent: Continent | None = None
    country: str | None = Field(None, min_length=2, max_length=2, description="ISO 3166-1 alpha-2 code")
    year: int | None = Field(None, ge=2010, le=2100, description="year of joining")
    q: str | None = Field(None, max_length=100, description="text in name, English name or abbreviation")
    include_former: bool = False


class ContinentCount(Schema):
    continent: str
    members: int


class YearRow(Schema):
    year: int
    joined: int
    total: int


class StatisticsOut(Schema):
    members: int
    countries: int
    per_continent: list[ContinentCount]
    growth: list[YearRow]
    year_unknown: int
    member_countries: dict[str, int]


def _out(organization: Organization) -> dict[str, object]:
    return {
        "slug": organization.slug,
        "name": organization.name,
        "abbreviation": organization.abbreviation,
        "english_name": organization.english_name,
        "country_code": str(organization.country.code),
        "country": str(organization.country.name),
        "continent": organization.continent,
        "status": "member" if getattr(organization, "is_member", False) else "former",
        "member_since": organization.member_since,
    }


def _filtered(filters: RegistryFilters):  # type: ignore[no-untyped-def]
    return selectors.organizations(
        continent=filters.continent.value if filters.continent else "",
        country=filters.country or "",
        year=filters.year,
        query=filters.q or "",
        include_former=filters.include_former,
    )


@router.get("/organizations", response=list[OrganizationOut], summary="List member organizations")
def list_organizations(request: HttpRequest, filters: Query[RegistryFilters]) -> list[dict[str, object]]:
    return [_out(organization) for organization in sorted(_filtered(filters), key=by_place_and_name)]


@router.get("/organizations.csv", summary="The registry as CSV", response={200: str})
def export_csv(request: HttpRequest) -> HttpResponse:
    body = write_member_file(selectors.export_records(), file_format="csv")
    return HttpResponse(body, content_type="text/csv; charset=utf-8")


@router.get("/organizations/{slug}", response=OrganizationDetailOut, summary="One organization")
def organization_detail(request: HttpRequest, slug: str) -> dict[str, object]:
    organization = selectors.organizations(include_former=True).filter(slug=slug).first()
    if organization is None:
        raise Http404(gettext("No organization with this slug."))
    data = _out(organization)
    data["memberships"] = [
        {
            "since_year": m.since_year,
            "admitted_on": m.admitted_on.isoformat() if m.admitted_on else None,
            "decision_reference": m.decision_reference,
            "left_on": m.left_on.isoformat() if m.left_on else None,
        }
        for m in organization.memberships.all()
    ]
    return data


@router.get("/statistics", response=StatisticsOut, summary="Members per continent and growth by year")
def registry_statistics(request: HttpRequest) -> dict[str, object]:
    stats = selectors.statistics()
    return {
        "members": stats.members,
        "countries": stats.countries,
        "per_continent": [{"continent": value, "members": count} for value, _, count in stats.per_continent],
        "growth": [{"year": row.year, "joined": row.joined, "total": row.total} for row in stats.growth],
        "year_unknown": stats.year_unknown,
        "member_countries": stats.member_countries,
    }
