"""Partners (S13): recorded as partners, never as members; seed of the ILPS and the AIAFUF."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from icor.accounts.models import Role, User
from icor.partners.models import Partner, PartnerKind
from icor.partners.services import link_project, load_partners
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import make_project, make_user, with_totp

pytestmark = pytest.mark.django_db


def test_the_seed_records_the_ilps_and_the_planned_united_front() -> None:
    assert load_partners() == 2
    ilps = Partner.objects.get(abbreviation="ILPS")
    front = Partner.objects.get(abbreviation="AIAFUF")
    assert ilps.name == "International League of Peoples' Struggle"
    assert ilps.kind == PartnerKind.ORGANIZATION
    assert (front.kind, front.founded_year, front.founding_planned) == (PartnerKind.ALLIANCE, 2021, True)
    assert front.founding_note == "planned to be formally launched in early 2021"


def test_loading_the_partners_again_changes_nothing() -> None:
    load_partners()
    assert load_partners() == 0
    assert Partner.objects.count() == 2


def test_partners_are_not_members() -> None:
    load_partners()
    assert not Organization.objects.filter(name__icontains="United Front").exists()


def test_the_committee_or_a_coordinator_records_cooperation_on_a_project(
    committee: User, officer: User, other_officer: User, own_organization: Organization
) -> None:
    load_partners()
    ilps = Partner.objects.get(slug="ilps")
    project = make_project(coordinators=[own_organization])
    with pytest.raises(PermissionDenied):
        link_project(ilps, project, actor=other_officer)
    link_project(ilps, project, actor=officer)
    with pytest.raises(ValidationError):
        link_project(ilps, project, actor=committee)
    assert list(project.partners.all()) == [ilps]


def test_a_partner_observer_belongs_to_its_partner_organization() -> None:
    load_partners()
    front = Partner.objects.get(slug="aiafuf")
    observer = make_user(Role.OBSERVER, partner=front)
    assert list(front.accounts.all()) == [observer]
    assert observer.organization is None


def test_partner_pages_and_api(client: Client, committee: User) -> None:
    load_partners()
    project = make_project(title="Joint campaign")
    logged_in(with_totp(committee)).post("/partners/ilps/projects/", {"project": project.pk})
    page = client.get("/partners/").content.decode()
    assert "Anti-Imperialist and Anti-Fascist United Front" in page
    detail = client.get("/partners/ilps/").content.decode()
    assert "Joint campaign" in detail
    assert 'href="/resolution/#role-13"' in page
    rows = {row["slug"]: row for row in client.get("/api/partners").json()}
    assert rows["ilps"]["projects"] == [project.pk]
    assert rows["aiafuf"]["founding_planned"] is True
    assert client.get("/api/partners/aiafuf").json()["kind"] == "alliance"


def test_the_partner_page_lists_the_conferences_its_observers_are_invited_to(client: Client) -> None:
    from datetime import date

    from icor.conferences.models import Conference, Guest

    load_partners()
    front = Partner.objects.get(slug="aiafuf")
    observer = make_user(Role.OBSERVER, partner=front)
    conference = Conference.objects.create(
        kind="world",
        title="Fifth World Conference",
        starts_on=date(2026, 5, 1),
        ends_on=date(2026, 5, 3),
        online=True,
    )
    Guest.objects.create(conference=conference, user=observer)
    assert "Fifth World Conference" in client.get("/partners/aiafuf/").content.decode()
    assert "Fifth World Conference" not in client.get("/partners/ilps/").content.decode()
