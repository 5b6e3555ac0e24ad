from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from icor.accounts.models import Role, User
from icor.registry.models import Organization
from tests.factories import make_organization, make_user


def pytest_configure(config: pytest.Config) -> None:
    # The test servers answer in threads of this process; kept connections (ICOR_DB_CONN_MAX_AGE) would
    # outlive each request's thread and use up PostgreSQL's connections within one run.
    from django.db import connections

    connections.settings["default"]["CONN_MAX_AGE"] = 0


@pytest.fixture(autouse=True)
def _plain_static_storage(settings) -> None:  # type: ignore[no-untyped-def]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _own_data_directory(settings, tmp_path_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Each test gets a fresh data directory (keys, checkpoints); servers it starts inherit it.
    data_dir = tmp_path_factory.mktemp("data")
    settings.DATA_DIR = data_dir
    monkeypatch.setenv("ICOR_DATA_DIR", str(data_dir))


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    # Throttles and login locks count in the cache under account ids, which the next test's database
    # gives out again: each test starts from zero (only a process-local cache is cleared).
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # A test that switches the language must not leave it switched for the next one.
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture
def catalog_entries(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Give `language` translations of new messages for one test, before the catalogs translate them."""
    from django.utils.translation import trans_real

    def add(language: str, entries: dict[str, str]) -> None:
        catalog = trans_real.translation(language)._catalog._catalogs[0]
        for msgid, msgstr in entries.items():
            monkeypatch.setitem(catalog, msgid, msgstr)

    return add
