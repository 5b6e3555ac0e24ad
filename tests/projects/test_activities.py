"""Coordinated activities (S10): a shared calendar; each organization reports only its own participation."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.projects.models import Activity, Level, Participation
from icor.projects.selectors.calendar import combined_picture
from icor.projects.services.activities import create_activity, report_participation
from icor.registry.models import Organization
from tests.factories import make_organization, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def may_day(committee: User) -> Activity:
    return create_activity(actor=committee, title="1 May", starts_on=date(2026, 5, 1))


def test_a_one_day_activity_ends_the_day_it_starts(may_day: Activity) -> None:
    assert may_day.ends_on == date(2026, 5, 1)


def test_an_officer_proposes_an_activity_in_its_own_name(
    officer: User, own_organization: Organization
) -> None:
    activity = create_activity(actor=officer, title="Day of action", starts_on=date(2026, 3, 8))
    assert activity.proposed_by == own_organization


def test_a_delegate_cannot_put_an_activity_in_the_calendar(delegate: User) -> None:
    with pytest.raises(PermissionDenied):
        create_activity(actor=delegate, title="X", starts_on=date(2026, 3, 8))


def test_an_organization_reports_its_own_participation(
    may_day: Activity, delegate: User, own_organization: Organization
) -> None:
    participation = report_participation(
        may_day,
        actor=delegate,
        organization=own_organization,
        what="Block at the demonstration",
        city="Essen",
        people=120,
    )
    assert participation.place_country == "DE"


@pytest.mark.parametrize("actor_fixture", ["committee", "other_officer"])
def test_nobody_reports_participation_for_another_organization(
    may_day: Activity, actor_fixture: str, own_organization: Organization, request: pytest.FixtureRequest
) -> None:
    """S11: each organization speaks for itself."""
    with pytest.raises(PermissionDenied):
        report_participation(
            may_day,
            actor=request.getfixturevalue(actor_fixture),
            organization=own_organization,
            what="x",
            city="Essen",
            people=3,
        )
    assert not Participation.objects.exists()


def test_a_report_needs_people_and_a_place(
    may_day: Activity, officer: User, own_organization: Organization
) -> None:
    with pytest.raises(ValidationError):
        report_participation(
            may_day, actor=officer, organization=own_organization, what="x", city="Essen", people=0
        )
    with pytest.raises(ValidationError):
        report_participation(
            may_day, actor=officer, organization=own_organization, what="x", city=" ", people=4
        )


def test_a_continental_activity_refuses_members_elsewhere(
    committee: User, officer: User, own_organization: Organization
) -> None:
    activity = create_activity(
        actor=committee,
        title="Asian day",
        starts_on=date(2026, 6, 1),
        level=Level.CONTINENT,
        continent="Asia",
    )
    with pytest.raises(ValidationError, match="continental"):
        report_participation(
            activity, actor=officer, organization=own_organization, what="x", city="Bonn", people=2
        )


def test_the_combined_picture_groups_by_continent_and_country(may_day: Activity) -> None:
    germans = [make_organization(country="DE") for _ in range(2)]
    peruvian = make_organization(country="PE", continent="Latin America")
    for organization, city, people, country in [
        (germans[0], "Essen", 100, ""),
        (germans[1], "Berlin", 50, ""),
        (germans[1], "Strasbourg", 20, "FR"),
        (peruvian, "Lima", 300, ""),
    ]:
        report_participation(
            may_day,
            actor=make_user("officer", organization),
            organization=organization,
            what="March",
            city=city,
            people=people,
            country=country,
        )
    picture = combined_picture(Activity.objects.get(pk=may_day.pk))
    assert (picture.people, picture.organizations) == (470, 3)
    europe, latin_america = picture.continents
    assert (europe.continent, europe.people, len(europe.organizations)) == ("Europe", 170, 2)
    rows = {row.code: (len(row.organizations), row.people, row.places) for row in europe.country_rows}
    assert rows == {"DE": (2, 150, ["Essen", "Berlin"]), "FR": (1, 20, ["Strasbourg"])}
    assert latin_america.people == 300
