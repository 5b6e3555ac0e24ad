"""Test data: organizations and accounts for each role."""

from __future__ import annotations

import itertools

from icor.accounts.models import Role, User
from icor.registry.models import Membership, Organization

_numbers = itertools.count(1)
PASSWORD = "a long test password 42"


def make_organization(
    *,
    name: str | None = None,
    country: str = "DE",
    continent: str = "Europe",
    since: int | None = 2010,
    member: bool = True,
) -> Organization:
    number = next(_numbers)
    organization = Organization.objects.create(
        name=name or f"Organization {number}",
        english_name=name or f"Organization {number}",
        abbreviation=f"O{number}",
        country=country,
        continent=continent,
        slug=f"test-organization-{number}",
    )
    Membership.objects.create(
        organization=organization, since_year=since, left_on=None if member else "2020-01-01"
    )
    return organization


def make_user(role: str = Role.OFFICER, organization: Organization | None = None, **extra: object) -> User:
    number = next(_numbers)
    if role in (Role.OFFICER, Role.DELEGATE) and organization is None:
        organization = make_organization()
    user = User(username=f"user{number}", role=role, organization=organization, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user
