"""Login throttling, session lifetime and password hashing."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from icor.accounts.models import Role, User
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    # allauth counts attempts in the cache; each test starts from zero.
    cache.clear()


def attempt(client: Client, username: str, password: str) -> bool:
    client.post("/accounts/login/", {"login": username, "password": password})
    return "_auth_user_id" in client.session


def test_after_five_failed_logins_even_the_right_password_is_refused(client: Client) -> None:
    user = make_user(Role.DELEGATE)
    for _ in range(5):
        assert not attempt(client, user.username, "wrong password 123")
    response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert b"Too many failed login attempts" in response.content or response.status_code == 429


def test_fewer_failures_do_not_lock_the_account(client: Client) -> None:
    user = make_user(Role.DELEGATE)
    for _ in range(3):
        assert not attempt(client, user.username, "wrong password 123")
    assert attempt(client, user.username, PASSWORD)


def test_the_session_cookie_lasts_until_the_browser_closes_and_at_most_eight_hours(client: Client) -> None:
    user = make_user(Role.DELEGATE)
    response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert client.session.get_expiry_age() == 8 * 3600
    assert client.session.get_expire_at_browser_close()


def test_passwords_are_stored_with_argon2() -> None:
    user = make_user(Role.DELEGATE)
    stored = User.objects.get(pk=user.pk).password
    assert stored.startswith("argon2")
    assert PASSWORD not in stored


def test_signup_is_closed(client: Client) -> None:
    client.post(
        "/accounts/signup/",
        {"username": "newcomer", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not User.objects.filter(username="newcomer").exists()
