"""Lists the API returns for a person to read come in the alphabetical order of the reader's language."""

from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import User
from icor.conferences.models import Conference, Delegation
from icor.partners.models import Partner, PartnerKind
from tests.factories import make_conference, make_organization, with_totp

pytestmark = pytest.mark.django_db

# In Turkish: Almanya, Çek Cumhuriyeti, Danimarka (C, Ç, D); by code: CZ, DE, DK; by code point Ç comes last.
TURKISH_ORDER = ["DE", "CZ", "DK"]
SPANISH_PARTNERS = ["Nube Roja", "Ñandú Rojo", "Oro Rojo"]


def test_the_registry_lists_countries_in_turkish_order(client: Client) -> None:
    for code in ("DK", "CZ", "DE"):
        make_organization(country=code)
    rows = client.get("/api/registry/organizations", HTTP_ACCEPT_LANGUAGE="tr").json()
    assert [row["country_code"] for row in rows] == TURKISH_ORDER
    names = [row["country"] for row in rows]
    assert names[1].startswith("Ç") and sorted(names) != names, "not the order of code points"


def test_the_registry_lists_countries_in_english_order_for_english_readers(client: Client) -> None:
    for code in ("DK", "CZ", "DE"):
        make_organization(country=code)
    rows = client.get("/api/registry/organizations", HTTP_ACCEPT_LANGUAGE="en").json()
    assert [row["country"] for row in rows] == ["Czechia", "Denmark", "Germany"]


def test_partners_come_in_spanish_order(client: Client) -> None:
    for number, name in enumerate(reversed(SPANISH_PARTNERS)):
        Partner.objects.create(name=name, slug=f"partner-{number}", kind=PartnerKind.ORGANIZATION)
    spanish = [p["name"] for p in client.get("/api/partners", HTTP_ACCEPT_LANGUAGE="es").json()]
    english = [p["name"] for p in client.get("/api/partners", HTTP_ACCEPT_LANGUAGE="en").json()]
    assert [name for name in spanish if name in SPANISH_PARTNERS] == SPANISH_PARTNERS
    # Elsewhere Ñ is an N with a mark and sorts with N: Ñandú before Nube.
    assert [name for name in english if name in SPANISH_PARTNERS] == ["Ñandú Rojo", "Nube Roja", "Oro Rojo"]


def test_delegations_come_in_the_readers_order(committee: User) -> None:
    conference: Conference = make_conference(committee)
    for code in ("DK", "CZ", "DE"):
        Delegation.objects.create(conference=conference, organization=make_organization(country=code))
    client = Client()
    client.force_login(with_totp(committee))
    rows = client.get(f"/api/conferences/{conference.pk}/delegations", HTTP_ACCEPT_LANGUAGE="tr").json()
    countries = [Delegation.objects.get(pk=row["id"]).organization.country.code for row in rows]
    assert countries == TURKISH_ORDER
