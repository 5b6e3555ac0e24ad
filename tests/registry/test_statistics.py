"""Registry statistics come from one grouped query, and count what the member list shows."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icor.registry import selectors
from icor.registry.models import Membership
from tests.factories import make_organization

pytestmark = pytest.mark.django_db


def registry() -> None:
    make_organization(country="DE", continent="Europe", since=2011)
    make_organization(country="DE", continent="Europe", since=2013)
    make_organization(country="FR", continent="Europe", since=None)
    make_organization(country="BR", continent="Latin America", since=2013)
    make_organization(country="JP", continent="Asia", since=2012, member=False)  # a former member
    # Left once and came back: counted once, by the year of its current period.
    returned = make_organization(country="KE", continent="Africa", since=2010, member=False)
    Membership.objects.create(organization=returned, since_year=2015)


def test_the_statistics_count_current_members_by_continent_year_and_country() -> None:
    registry()
    stats = selectors.statistics()
    assert (stats.members, stats.countries, stats.year_unknown) == (5, 4, 1)
    assert {code: count for code, _, count in stats.per_continent if count} == {
        "Europe": 3,
        "Latin America": 1,
        "Africa": 1,
    }
    assert [(row.year, row.joined, row.total) for row in stats.growth] == [
        (2011, 1, 1),
        (2012, 0, 1),
        (2013, 2, 3),
        (2014, 0, 3),
        (2015, 1, 4),
    ]
    assert stats.member_countries == {"DE": 2, "FR": 1, "BR": 1, "KE": 1}


def test_the_statistics_agree_with_the_member_list_organization_by_organization() -> None:
    registry()
    members = list(selectors.organizations())
    stats = selectors.statistics()
    assert stats.members == len(members)
    assert stats.member_countries == dict(Counter(str(o.country.code) for o in members))
    joined = Counter(o.member_since for o in members if o.member_since is not None)
    assert {row.year: row.joined for row in stats.growth if row.joined} == dict(joined)


@pytest.mark.parametrize("size", [3, 30])
def test_the_statistics_take_one_query_whatever_the_size_of_the_registry(size: int) -> None:
    for number in range(size):
        make_organization(country=("DE", "FR", "TR")[number % 3], since=2010 + number % 7)
    with CaptureQueriesContext(connection) as queries:
        stats = selectors.statistics()
    assert stats.members == size
    assert len(queries) == 1
