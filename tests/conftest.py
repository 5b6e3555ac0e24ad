from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import Role, User
from icor.registry.models import Organization
from tests.factories import make_organization, make_user


@pytest.fixture(autouse=True)
def _plain_static_storage(settings) -> None:  # type: ignore[no-untyped-def]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def own_organization(db) -> Organization:  # type: ignore[no-untyped-def]
    return make_organization(name="Own Organization", country="DE")


@pytest.fixture
def other_organization(db) -> Organization:  # type: ignore[no-untyped-def]
    return make_organization(name="Other Organization", country="FR")


@pytest.fixture
def officer(own_organization: Organization) -> User:
    return make_user(Role.OFFICER, own_organization)


@pytest.fixture
def delegate(own_organization: Organization) -> User:
    return make_user(Role.DELEGATE, own_organization)


@pytest.fixture
def other_officer(other_organization: Organization) -> User:
    return make_user(Role.OFFICER, other_organization)


@pytest.fixture
def committee(db) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.COMMITTEE)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
