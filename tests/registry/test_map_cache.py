"""The world map is drawn once per language and set of member countries, not on every request."""

from __future__ import annotations

import gzip

import pytest
from django.test import Client

from icor.registry import views
from tests.factories import make_organization

pytestmark = pytest.mark.django_db


def test_the_map_is_drawn_once_and_then_served_compressed_or_not_modified() -> None:
    views.drawn_map.cache_clear()
    make_organization(country="DE")
    client = Client()
    first = client.get("/registry/map.svg", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/registry/map.svg")
    assert views.drawn_map.cache_info().misses == 1
    assert first["Content-Encoding"] == "gzip" and gzip.decompress(first.content) == plain.content
    assert b"<svg" in plain.content
    again = client.get("/registry/map.svg", headers={"If-None-Match": plain["ETag"]})
    assert again.status_code == 304

    make_organization(country="FR")  # another member country: drawn anew
    changed = client.get("/registry/map.svg")
    assert changed["ETag"] != plain["ETag"] and views.drawn_map.cache_info().misses == 2


def test_the_map_counts_current_members_per_country_like_the_statistics() -> None:
    from icor.registry import selectors

    for country in ("DE", "DE", "FR", "TR"):
        make_organization(country=country)
    assert selectors.member_countries() == selectors.statistics().member_countries
