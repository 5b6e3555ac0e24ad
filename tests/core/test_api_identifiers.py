"""One identifier per resource across the API: an organization is its slug, in paths, bodies and answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def properties(node: Any, where: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(where, name, schema) of every property and parameter anywhere in the OpenAPI document."""
    if isinstance(node, dict):
        for name, schema in (node.get("properties") or {}).items():
            yield where, name, schema
        if "in" in node and "name" in node:
            yield where, node["name"], node.get("schema", {})
        for key, value in node.items():
            yield from properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from properties(value, f"{where}/{index}")


@pytest.fixture
def document(client: Client) -> dict[str, Any]:
    return client.get("/api/openapi.json").json()  # type: ignore[no-any-return]


def test_no_part_of_the_api_names_an_organization_by_number(document: dict[str, Any]) -> None:
    numbered = [f"{where}: {name}" for where, name, _ in properties(document) if "organization_id" in name]
    assert numbered == []


def test_every_organization_field_is_a_slug(document: dict[str, Any]) -> None:
    def is_text(schema: dict[str, Any]) -> bool:
        kinds = [schema.get("type")] + [option.get("type") for option in schema.get("anyOf", [])]
        return "string" in kinds and "integer" not in kinds

    fields = [(where, schema) for where, name, schema in properties(document) if name == "organization"]
    assert len(fields) >= 10  # motions, delegations, debate, projects, accounts, ballots
    assert [where for where, schema in fields if not is_text(schema)] == []


def test_the_registry_gives_the_slug_the_other_apis_ask_for(client: Client) -> None:
    from tests.factories import make_organization

    organization = make_organization(name="Partido de Prueba")
    listed = client.get("/api/registry/organizations").json()
    assert [entry["slug"] for entry in listed] == [organization.slug]
    assert "id" not in listed[0]
    assert client.get(f"/api/registry/organizations/{organization.slug}").status_code == 200
