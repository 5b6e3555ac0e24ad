"""The per-account login lock ends by itself within five minutes, and whoever answers for the account
can lift it at once; neither tries a password, so neither helps someone who guesses."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from icor.accounts import login_lock, services
from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from tests.conftest import logged_in
from tests.factories import PASSWORD, make_user, with_totp

pytestmark = pytest.mark.django_db
WRONG = "wrong password 123"


@pytest.fixture(autouse=True)
def _fresh_counters() -> None:
    cache.clear()


def login(username: str, password: str, address: str) -> bool:
    client = Client()
    client.post("/accounts/login/", {"login": username, "password": password}, REMOTE_ADDR=address)
    return "_auth_user_id" in client.session


def lock_out(account: User) -> None:
    for number in range(5):
        assert not login(account.username, WRONG, address=f"203.0.113.{number}")
    assert login_lock.is_locked(account.pk)


def test_the_lock_ends_by_itself_five_minutes_after_it_began(
    delegate: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    began = time.time()
    monkeypatch.setattr(time, "time", lambda: began)
    lock_out(delegate)
    monkeypatch.setattr(time, "time", lambda: began + 299)
    assert not login(delegate.username, PASSWORD, address="192.0.2.1")
    monkeypatch.setattr(time, "time", lambda: began + 301)
    assert not login_lock.is_locked(delegate.pk)
    assert login(delegate.username, PASSWORD, address="192.0.2.2")


def test_login_name_and_e_mail_address_count_against_one_lock(own_organization: object) -> None:
    account = make_user(Role.DELEGATE, own_organization, email="rosa@example.org")  # type: ignore[arg-type]
    for number, typed in enumerate([account.username, "ROSA@example.org", account.username.upper()] * 2):
        login(typed, WRONG, address=f"203.0.113.{number}")
    assert login_lock.is_locked(account.pk)
    assert not login("rosa@example.org", PASSWORD, address="192.0.2.1")


def test_an_officer_lifts_the_lock_of_an_own_account(officer: User, delegate: User) -> None:
    lock_out(delegate)
    services.lift_login_lock(actor=officer, account=delegate)
    assert login(delegate.username, PASSWORD, address="192.0.2.1")
    event = AuditEvent.objects.get(event="accounts.login_lock_lifted")
    assert event.subject == f"account:{delegate.pk}"


def test_a_lift_leaves_the_guessing_address_limited(officer: User, delegate: User) -> None:
    for _ in range(5):
        assert not login(delegate.username, WRONG, address="203.0.113.9")
    services.lift_login_lock(actor=officer, account=delegate)
    # The lift tried no password: the guesser's address learns nothing and stays refused.
    assert not login(delegate.username, PASSWORD, address="203.0.113.9")
    assert login(delegate.username, PASSWORD, address="192.0.2.1")


def test_an_unlocked_account_has_no_lock_to_lift(officer: User, delegate: User) -> None:
    with pytest.raises(ValidationError, match="not locked"):
        services.lift_login_lock(actor=officer, account=delegate)
    assert not AuditEvent.objects.filter(event="accounts.login_lock_lifted").exists()


def test_nobody_else_lifts_an_organizations_lock(
    delegate: User, other_officer: User, committee: User, own_organization: object
) -> None:
    lock_out(delegate)
    colleague = make_user(Role.DELEGATE, own_organization)  # type: ignore[arg-type]
    for actor in (other_officer, committee, colleague):
        with pytest.raises(PermissionDenied):
            services.lift_login_lock(actor=actor, account=delegate)
    assert login_lock.is_locked(delegate.pk)


def test_the_committee_lifts_the_lock_of_a_committee_account(committee: User, officer: User) -> None:
    member = make_user(Role.COMMITTEE)
    lock_out(member)
    with pytest.raises(PermissionDenied):
        services.lift_login_lock(actor=officer, account=member)
    services.lift_login_lock(actor=committee, account=member)
    assert not login_lock.is_locked(member.pk)


def test_the_officer_sees_the_lock_and_lifts_it_on_the_accounts_page(officer: User, delegate: User) -> None:
    lock_out(delegate)
    client = logged_in(with_totp(officer))
    page = client.get("/accounts/people/").content.decode()
    assert "locked after failed logins" in page
    response = client.post(f"/accounts/people/{delegate.pk}/unlock/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/people/"
    assert not login_lock.is_locked(delegate.pk)
    assert "locked after failed logins" not in client.get("/accounts/people/").content.decode()


def test_the_committee_sees_its_own_locks_on_the_accounts_page(committee: User) -> None:
    member = make_user(Role.COMMITTEE)
    lock_out(member)
    client = logged_in(with_totp(committee))
    assert f"/accounts/people/{member.pk}/unlock/" in client.get("/accounts/all/").content.decode()
    response = client.post(f"/accounts/people/{member.pk}/unlock/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/all/"
    assert not login_lock.is_locked(member.pk)
