"""Personal data of volunteers (S15, S11): only their own organization and the coordinators see it."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from icor.accounts.models import Role, User
from icor.projects.models import Project
from icor.projects.selectors.brigades import brigade_plan, visible_volunteers
from icor.projects.services.brigades import assign_volunteer, register_volunteer
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import make_organization, make_user, with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_site(kobane: Project, officer: User, other_officer: User, other_organization: Organization) -> Project:
    volunteer = register_volunteer(
        kobane,
        actor=other_officer,
        organization=other_organization,
        pseudonym="Heval Sara",
        skills="electrician",
        languages="Sorani",
        availability=[(date(2015, 6, 1), date(2015, 7, 31))],
    )
    assign_volunteer(volunteer, actor=officer, starts_on=date(2015, 6, 1), ends_on=date(2015, 6, 30))
    return kobane


def test_the_volunteers_own_organization_and_the_coordinators_see_the_person(
    on_site: Project, officer: User, other_officer: User, other_organization: Organization
) -> None:
    delegate_of_volunteer = make_user(Role.DELEGATE, other_organization)
    for viewer in (officer, other_officer, delegate_of_volunteer):
        assert [v.pseudonym for v in visible_volunteers(on_site, viewer)] == ["Heval Sara"]
        assert [p.pseudonym for p in brigade_plan(on_site, viewer).weeks[0].people] == ["Heval Sara"]


def test_everybody_else_sees_only_counts(on_site: Project, committee: User, client: Client) -> None:
    third_officer = make_user(Role.OFFICER, make_organization(country="IT"))
    observer = make_user(Role.OBSERVER)
    for viewer in (third_officer, committee, observer):
        assert visible_volunteers(on_site, viewer) == []
        week = brigade_plan(on_site, viewer).weeks[0]
        assert week.people == []
        assert (week.on_site, week.per_country, week.per_skill) == (1, {"FR": 1}, {"electrician": 1})


def test_the_brigade_page_hides_personal_data_from_others(
    on_site: Project, committee: User, officer: User, client: Client
) -> None:
    url = f"/projects/{on_site.pk}/brigade/"
    third = with_totp(make_user(Role.OFFICER, make_organization(country="IT")))
    for outsider in (client, logged_in(with_totp(committee)), logged_in(third)):
        page = outsider.get(url).content.decode()
        assert "France: 1" in page
        assert "electrician: 1" in page
        assert "Heval Sara" not in page
        assert "sorani" not in page.lower()
    coordinator_page = logged_in(with_totp(officer)).get(url).content.decode()
    assert "Heval Sara" in coordinator_page
    assert "sorani" in coordinator_page


def test_the_api_hides_personal_data_from_others(on_site: Project, client: Client, officer: User) -> None:
    anonymous = client.get(f"/api/projects/{on_site.pk}/brigade").json()
    assert anonymous[0]["people"] == []
    assert anonymous[0]["per_country"] == {"FR": 1}
    coordinator = logged_in(with_totp(officer)).get(f"/api/projects/{on_site.pk}/brigade").json()
    assert [p["pseudonym"] for p in coordinator[0]["people"]] == ["Heval Sara"]
