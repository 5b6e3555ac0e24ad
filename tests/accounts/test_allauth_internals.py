"""The parts of allauth that are not its public API and that icor relies on.

The login throttle (icor.accounts.adapter, icor.accounts.login_lock) and the login right after
accepting an invitation (icor.accounts.views.accept) use allauth internals. An upgrade of the
pinned version that moves or changes one of them must fail here, by name, instead of silently
switching the throttle off or asking a new officer for the password again.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.core.internal import ratelimit
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import cache
from django.test import Client, RequestFactory

from icor.accounts import login_lock
from icor.accounts.adapter import AccountAdapter
from icor.accounts.models import User
from icor.registry.models import Organization
from icor.registry.services import invite_first_officer
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
WRONG = "wrong password 123"


@pytest.fixture(autouse=True)
def _fresh_counters() -> None:
    cache.clear()


def parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def failed_login(username: str, address: str) -> None:
    Client().post("/accounts/login/", {"login": username, "password": WRONG}, REMOTE_ADDR=address)


def test_allauth_still_asks_the_adapter_before_every_password_check(
    delegate: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    original = AccountAdapter.pre_authenticate

    def spy(self: AccountAdapter, request: Any, **credentials: Any) -> None:
        asked.append(str(credentials.get("username") or credentials.get("email")))
        original(self, request, **credentials)

    monkeypatch.setattr(AccountAdapter, "pre_authenticate", spy)
    failed_login(delegate.username, "203.0.113.1")
    assert asked == [delegate.username], "allauth no longer calls adapter.pre_authenticate: no throttle"


def test_the_default_counter_key_is_still_built_from_the_typed_login() -> None:
    assert parameters(DefaultAccountAdapter._get_login_attempts_cache_key) == [
        "self",
        "request",
        "credentials",
    ]
    request = RequestFactory().post("/accounts/login/")
    key = DefaultAccountAdapter()._get_login_attempts_cache_key(request, username="Nobody")
    assert isinstance(key, str) and key.endswith(":nobody")


def test_the_counters_are_where_the_login_lock_reads_them(delegate: User) -> None:
    for name in ("get_rates", "get_cache_key", "apply_rate", "consume", "clear"):
        assert callable(getattr(ratelimit, name, None)), f"allauth.core.internal.ratelimit.{name} is gone"
    assert {"app", "action", "rate", "key"} <= set(parameters(ratelimit.get_cache_key))
    assert [rate.per for rate in ratelimit.get_rates(app=login_lock.APP, action=login_lock.ACTION)] == [
        "ip",
        "key",
    ]
    for number in range(5):
        failed_login(delegate.username, f"203.0.113.{number}")
    assert login_lock.is_locked(delegate.pk), (
        "failed logins are no longer counted where login_lock reads them"
    )
    login_lock.lift(delegate.pk)
    assert not login_lock.is_locked(delegate.pk)


def test_a_successful_login_still_takes_back_its_own_count(delegate: User) -> None:
    for number in range(4):
        failed_login(delegate.username, f"203.0.113.{number}")
    client = Client()
    client.post(
        "/accounts/login/", {"login": delegate.username, "password": PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )
    assert "_auth_user_id" in client.session
    # Four failures and one success: had the success been counted, the account would be locked.
    assert not login_lock.is_locked(delegate.pk), "allauth no longer rolls back _login_failed_rl_usage"


def test_recording_the_password_step_still_spares_a_second_password_prompt(delegate: User) -> None:
    assert parameters(record_authentication)[:3] == ["request", "user", "method"]
    request = RequestFactory().get("/")
    request.session = SessionStore()
    record_authentication(
        request, delegate, method="password", username=delegate.username, reauthenticated=True
    )
    assert [record["method"] for record in get_authentication_records(request, delegate)] == ["password"]


def test_a_new_officer_sets_up_the_second_factor_without_typing_the_password_again(
    committee: User, own_organization: Organization
) -> None:
    issued = invite_first_officer(actor=committee, organization=own_organization)
    client = Client()
    client.post(
        f"/accounts/invitation/{issued.token}/",
        {"username": "first", "public_name": "", "password1": PASSWORD, "password2": PASSWORD},
    )
    response = client.get("/accounts/2fa/totp/activate/", headers={"Sec-Fetch-Dest": "document"})
    assert response.status_code == 200, "the activation page asks for the password again"
