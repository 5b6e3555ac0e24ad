from __future__ import annotations

import pytest

from icor.registry.models import Organization
from tests.factories import make_organization


@pytest.fixture
def german_member(db) -> Organization:  # type: ignore[no-untyped-def]
    return make_organization(name="Marxistisch-Leninistische Partei Deutschlands", country="DE", since=2010)


@pytest.fixture
def members(german_member: Organization) -> list[Organization]:
    """Three members in two countries, one of them without a recorded year of joining."""
    return [
        german_member,
        make_organization(name="Partido Proletario del Perú", country="PE", continent="Latin America"),
        make_organization(name="Marksist Leninist Komünist Parti", country="TR", since=None),
    ]
