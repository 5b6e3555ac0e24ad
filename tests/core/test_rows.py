"""`RowLoader` reads the row `Model.objects.get` would, as the same instance, on every database;
`CompiledQuery` gives the rows of the queryset it compiled, for any keys, on every database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from icor.accounts.backends import ACCOUNTS, AuthenticationBackend, ModelBackend
from icor.accounts.models import User
from icor.accounts.sessions import LIVE_SESSIONS, stored_key
from icor.core.rows import CompiledQuery, RowLoader
from tests.conftest import logged_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def fields_of(instance: object) -> dict[str, object]:
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}  # type: ignore[attr-defined]


def test_an_account_is_read_as_the_orm_reads_it(delegate: User) -> None:
    delegate.last_login = timezone.now()
    delegate.public_name = "Ana"
    delegate.save()
    loaded = ACCOUNTS.get(delegate.pk)
    expected = User.objects.get(pk=delegate.pk)
    assert fields_of(loaded) == fields_of(expected)
    # The converters ran: a moment is an aware datetime, a flag a bool, on SQLite too.
    assert loaded is not None and timezone.is_aware(loaded.last_login) and loaded.is_active is True
    assert loaded._state.adding is False and loaded._state.db == "default"


def test_a_key_given_as_text_is_read_as_the_orm_reads_it(delegate: User) -> None:
    # The session keeps the account's id as text.
    loaded = ACCOUNTS.get(str(delegate.pk))
    assert loaded is not None and loaded.pk == delegate.pk


def test_a_missing_row_is_none(db: None) -> None:
    assert ACCOUNTS.get(987654) is None


def test_a_session_is_read_only_while_it_lasts(delegate: User) -> None:
    client = logged_in(delegate)
    key = client.cookies["sessionid"].value
    row = Session.objects.get(session_key=stored_key(key))
    loaded = LIVE_SESSIONS.get(stored_key(key), timezone.now())
    assert loaded is not None and fields_of(loaded) == fields_of(row)
    assert LIVE_SESSIONS.get(stored_key(key), row.expire_date) is None  # "expires after", strictly
    Session.objects.filter(pk=row.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert LIVE_SESSIONS.get(stored_key(key), timezone.now()) is None
    assert client.get("/api/accounts/me").status_code == 401  # the expired session logs nobody in


def test_one_query_each_for_the_session_and_the_account(delegate: User) -> None:
    client = logged_in(delegate)
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/api/accounts/me")
    assert answer.status_code == 200
    selects = [query["sql"] for query in queries.captured_queries]
    assert sum('FROM "django_session"' in sql for sql in selects) == 1
    assert sum('FROM "accounts_user"' in sql for sql in selects) == 1


def test_an_inactive_account_is_logged_in_by_neither_backend(delegate: User) -> None:
    client = logged_in(delegate)
    assert client.get("/api/accounts/me").status_code == 200
    assert client.session[SESSION_KEY] == str(delegate.pk)
    delegate.is_active = False
    delegate.save()
    assert ModelBackend().get_user(delegate.pk) is None
    assert AuthenticationBackend().get_user(delegate.pk) is None
    assert client.get("/api/accounts/me").status_code == 401


def test_a_loader_refuses_a_lookup_it_cannot_write() -> None:
    with pytest.raises(ValueError, match="unsupported lookup"):
        RowLoader(User, "username__icontains")


def test_a_plain_client_is_nobody(db: None) -> None:
    assert Client().get("/api/accounts/me").status_code == 401


def test_whether_an_account_has_a_second_factor(officer: User, delegate: User) -> None:
    from allauth.mfa.models import Authenticator

    from icor.accounts.middleware import has_totp

    Authenticator.objects.create(user=officer, type=Authenticator.Type.TOTP, data={"secret": "x"})
    Authenticator.objects.create(user=delegate, type=Authenticator.Type.RECOVERY_CODES, data={})
    assert has_totp(officer) is True
    assert has_totp(delegate) is False  # recovery codes are not an authenticator app
    Authenticator.objects.filter(user=officer).delete()
    assert has_totp(officer) is False


ACCOUNT_ROWS = CompiledQuery(
    lambda accounts, roles_of: (
        User.objects.filter(pk__in=accounts, organization_id__in=roles_of)
        .exclude(public_name="never")
        .order_by("-pk")
        .values_list("pk", "is_active", "date_joined", "public_name")
    )
)


def orm_rows(accounts: list[int], organizations: list[int]) -> list[tuple[object, ...]]:
    return list(
        User.objects.filter(pk__in=accounts, organization_id__in=organizations)
        .exclude(public_name="never")
        .order_by("-pk")
        .values_list("pk", "is_active", "date_joined", "public_name")
    )


def test_a_compiled_query_gives_the_rows_of_its_queryset_for_any_keys(delegate: User) -> None:
    others = [make_user(organization=delegate.organization, public_name=f"N{n}") for n in range(3)]
    others[0].is_active = False
    others[0].save()
    everyone = [delegate.pk, *(account.pk for account in others)]
    own = [delegate.organization_id]
    # The same shape (two keys, one organization) with other keys: the SQL is reused, the keys are not.
    for accounts in ([everyone[0], everyone[1]], [everyone[2], everyone[3]], [everyone[3], 987654]):
        rows = ACCOUNT_ROWS.rows(accounts, own)
        assert rows == orm_rows(accounts, own)
    # Other shapes, and the converters: an aware moment and a real bool, on SQLite too.
    rows = ACCOUNT_ROWS.rows(everyone, own)
    assert rows == orm_rows(everyone, own) and len(rows) == 4
    assert all(timezone.is_aware(row[2]) and isinstance(row[1], bool) for row in rows)
    assert [row[1] for row in rows if row[0] == others[0].pk] == [False]
    assert ACCOUNT_ROWS.rows(everyone, [987654]) == []


def test_no_key_reads_nothing(db: None) -> None:
    with CaptureQueriesContext(connection) as queries:
        assert ACCOUNT_ROWS.rows([], [1]) == []
    assert queries.captured_queries == []


def test_a_key_that_does_not_reach_the_sql_is_refused(db: None) -> None:
    ignoring = CompiledQuery(lambda accounts: User.objects.filter(pk__gt=min(accounts)).values_list("pk"))
    with pytest.raises(ValueError, match="one parameter of its own"):
        ignoring.rows([1, 2])


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite has no row locks (SELECT ... FOR UPDATE)",
)
@pytest.mark.django_db(transaction=True)
def test_a_locking_query_runs_only_in_a_transaction(delegate: User) -> None:
    locking = CompiledQuery(
        lambda accounts: User.objects.select_for_update().filter(pk__in=accounts).values_list("pk")
    )
    with transaction.atomic():
        assert locking.rows([delegate.pk]) == [(delegate.pk,)]
    with pytest.raises(TransactionManagementError):
        locking.rows([delegate.pk])
