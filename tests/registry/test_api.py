from __future__ import annotations

import pytest
from django.test import Client

from icor.registry.services import load_seed_registry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registry() -> None:
    load_seed_registry()


def test_the_api_lists_members_with_filters(client: Client) -> None:
    everyone = client.get("/api/registry/organizations").json()
    assert len(everyone) == 63
    oceania = client.get("/api/registry/organizations?continent=Oceania").json()
    assert [o["abbreviation"] for o in oceania] == ["CPA M-L"]
    assert oceania[0]["member_since"] == 2019
    assert oceania[0]["status"] == "member"


def test_the_api_rejects_an_unknown_continent(client: Client) -> None:
    assert client.get("/api/registry/organizations?continent=Atlantis").status_code == 422


def test_the_api_shows_one_organization(client: Client) -> None:
    data = client.get("/api/registry/organizations/pt-umlp").json()
    assert data["name"] == "União Marxista-Leninista Portuguesa"
    assert data["memberships"][0]["since_year"] == 2020
    assert client.get("/api/registry/organizations/nothing-here").status_code == 404


def test_the_api_statistics_add_up(client: Client) -> None:
    data = client.get("/api/registry/statistics").json()
    assert data["members"] == 63
    assert sum(row["members"] for row in data["per_continent"]) == 63
    assert data["growth"][-1]["total"] + data["year_unknown"] == 63


def test_the_registry_is_in_the_openapi_schema(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/registry/organizations" in schema["paths"]
    assert client.get("/api/docs").status_code == 200
