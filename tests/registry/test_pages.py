"""Registry pages: list with filters, detail, statistics with chart and map, application form."""

from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import User
from icor.registry.models import Application
from icor.registry.services import load_seed_registry
from icor.registry.worldmap import LAND, MANY_MEMBERS, ONE_MEMBER
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry() -> None:
    load_seed_registry()


def test_the_list_shows_every_member(client: Client, registry: None) -> None:
    page = client.get("/registry/").content.decode()
    assert "63 organizations" in page
    assert "Marxistisch-Leninistische Partei Deutschlands" in page


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("continent=Oceania", "Communist Party of Australia", "MLPD"),
        ("country=PE", "Partido Proletario del Perú", "MLPD"),
        (
            "year=2023",
            "Union of Maoists of the Urals",
            "Marxistisch-Leninistische Partei Deutschlands",
        ),
        ("q=maoist", "Rossiyskaya Maoistskaya Partiya", "MLPD"),
    ],
)
def test_the_list_filters(client: Client, registry: None, query: str, expected: str, absent: str) -> None:
    page = client.get(f"/registry/?{query}").content.decode()
    assert expected in page
    assert absent not in page


def test_an_htmx_request_gets_only_the_results(client: Client, registry: None) -> None:
    page = client.get("/registry/?continent=Oceania", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in page
    assert "1 organization" in page


def test_the_detail_page_shows_the_membership_history(client: Client, registry: None) -> None:
    page = client.get("/registry/pt-umlp/").content.decode()
    assert "União Marxista-Leninista Portuguesa" in page
    assert "2020" in page


def test_statistics_show_continents_growth_and_map(client: Client, registry: None) -> None:
    page = client.get("/registry/statistics/").content.decode()
    assert "<svg" in page
    assert 'href="/registry/?continent=Europe"' in page
    assert "/registry/map.svg" in page
    map_svg = client.get("/registry/map.svg")
    assert map_svg["Content-Type"].startswith("image/svg+xml")
    body = map_svg.content.decode()
    assert 'class="de country member"' in body
    assert 'class="tr country member" fill="#7b1d14" data-members="5"' in body
    assert 'class="fr country member"' in body
    assert 'class="jp country" fill=' in body


def test_pages_load_nothing_from_another_origin(client: Client, registry: None) -> None:
    for url in ("/", "/registry/", "/registry/statistics/", "/resolution/", "/registry/apply/"):
        page = client.get(url).content.decode()
        assert "http://" not in page.replace("http://www.w3.org", "")
        assert "https://" not in page


def test_anyone_can_apply(client: Client) -> None:
    response = client.post(
        "/registry/apply/",
        {"name": "Nuevo", "country": "BO", "contact": "c", "statement": "s", "affirms_basis": "on"},
    )
    assert response.status_code == 302
    assert Application.objects.get().name == "Nuevo"


def test_applying_without_affirming_the_basis_is_refused(client: Client) -> None:
    response = client.post(
        "/registry/apply/", {"name": "Nuevo", "country": "BO", "contact": "c", "statement": "s"}
    )
    assert response.status_code == 200
    assert Application.objects.count() == 0


def test_only_the_committee_sees_applications(client: Client, officer: User, committee: User) -> None:
    assert client.get("/registry/applications/").status_code == 302
    assert logged_in(with_totp(officer)).get("/registry/applications/").status_code == 403
    assert logged_in(with_totp(committee)).get("/registry/applications/").status_code == 200


def test_the_committee_admits_through_the_page(committee: User) -> None:
    application = Application.objects.create(
        name="Nuevo", country="BO", contact="c", statement="s", affirms_basis=True
    )
    response = logged_in(with_totp(committee)).post(
        f"/registry/applications/{application.pk}/",
        {
            "decision": "admit",
            "decided_on": "2025-03-01",
            "decision_reference": "WC 2025 res. 4",
            "continent": "Latin America",
        },
    )
    # The answer shows the new member's first officer invitation, once (S12).
    assert response.status_code == 200
    assert "/accounts/invitation/" in response.content.decode()
    application.refresh_from_db()
    assert application.organization is not None


def test_pages_are_translated(client: Client, registry: None) -> None:
    page = client.get("/de/registry/").content.decode()
    assert 'lang="de"' in page
    assert "Mitgliedsorganisationen" in page
    assert "Deutschland" in page


def test_the_founding_resolution_has_an_anchor_per_clause(client: Client) -> None:
    from icor.charter.services import load_founding_resolution

    load_founding_resolution()
    page = client.get("/resolution/").content.decode()
    assert 'id="organizational-principles-6"' in page
    assert "Parity of votes is regarded as rejected." in page


def test_the_statistics_map_has_a_legend(client: Client) -> None:
    page = client.get("/registry/statistics/").content.decode()
    legend = page[page.index('class="map-legend"') :]
    for colour, meaning in (
        (ONE_MEMBER, "one member organization"),
        (MANY_MEMBERS, "several member organizations"),
        (LAND, "no member organization"),
    ):
        assert f'fill="{colour}"' in legend and meaning in legend
