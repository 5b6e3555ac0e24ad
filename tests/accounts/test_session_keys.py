"""Whoever reads the database or a backup finds no session key that logs them in.

The attacker reads the session table with raw SQL and presents every key it holds as the
session cookie; none opens a session, while the owner's own cookie still does.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client

from icor.accounts.models import Role, User
from icor.accounts.sessions import SessionStore, stored_key
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ME = "/api/accounts/me"


def logged_in_through_the_form(user: User) -> Client:
    client = Client()
    client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert client.get(ME).status_code == 200
    return client


def stored_rows() -> list[tuple[str, str]]:
    """What the attacker reads: every row of the session table, as raw SQL returns it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_key, session_data FROM django_session")
        return [(str(key), str(data)) for key, data in cursor.fetchall()]


def with_cookie(session_key: str) -> Client:
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return client


def cookie_of(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_the_database_holds_only_a_hash_of_each_session_key() -> None:
    client = logged_in_through_the_form(make_user(Role.DELEGATE))
    key = cookie_of(client)
    rows = stored_rows()
    assert [stored for stored, _data in rows] == [stored_key(key)]
    assert not [row for row in rows if key in row[0] or key in row[1]]
    assert len(stored_key(key)) == Session._meta.get_field("session_key").max_length


def test_no_key_read_from_the_database_opens_a_session() -> None:
    owners = [logged_in_through_the_form(make_user(Role.DELEGATE)) for _ in range(2)]
    keys = [stored for stored, _data in stored_rows()]
    assert len(keys) == len(owners)
    for key in keys:
        assert with_cookie(key).get(ME).status_code == 401
    for owner in owners:
        assert owner.get(ME).status_code == 200


def test_logging_out_deletes_the_stored_session() -> None:
    client = logged_in_through_the_form(make_user(Role.DELEGATE))
    assert Session.objects.filter(session_key=stored_key(cookie_of(client))).exists()
    client.post("/accounts/logout/")
    assert not Session.objects.exists()
    assert client.get(ME).status_code == 401


def test_sessions_opened_before_the_keys_were_hashed_stay_open() -> None:
    """The migration re-keys each row of an earlier session by its hash."""
    user = make_user(Role.DELEGATE)
    old = Client()
    old.force_login(user)
    key = cookie_of(old)
    # As Django's own store left it: the row under the cookie's key itself.
    Session.objects.filter(session_key=stored_key(key)).update(session_key=key)
    assert with_cookie(key).get(ME).status_code == 401  # (a refused cookie is deleted: another client)
    migration = importlib.import_module("icor.accounts.migrations.0006_hash_session_keys")
    migration.hash_session_keys(apps, None)
    migration.hash_session_keys(apps, None)  # a second run changes nothing
    assert [stored for stored, _data in stored_rows()] == [stored_key(key)]
    assert old.get(ME).status_code == 200


def test_a_session_changes_its_key_at_login_and_the_old_row_goes() -> None:
    """Django's session fixation defence (a new key at login) works on the hashed rows."""
    store = SessionStore()
    store["reader_language"] = "fr"
    store.create()
    before = store.session_key
    assert before is not None
    store.cycle_key()
    assert store.session_key != before
    assert not SessionStore().exists(before)
    assert SessionStore().exists(store.session_key or "")
    assert SessionStore(store.session_key).load() == {"reader_language": "fr"}
