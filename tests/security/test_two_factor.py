"""Two-factor authentication (TOTP) is required for officers and the coordinating committee."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.test import Client

from icor.accounts.models import Role, User
from tests.conftest import logged_in
from tests.factories import make_user, with_totp

pytestmark = pytest.mark.django_db

SETUP = "/accounts/2fa/totp/activate/"


@pytest.mark.parametrize("role", [Role.OFFICER, Role.COMMITTEE])
def test_an_account_of_a_deciding_role_without_totp_is_sent_to_set_it_up(role: str) -> None:
    response = logged_in(make_user(role)).get("/registry/")
    assert response.status_code == 302
    assert response["Location"] == SETUP


@pytest.mark.parametrize("role", [Role.OFFICER, Role.COMMITTEE])
def test_with_an_activated_totp_the_same_account_passes(role: str) -> None:
    assert logged_in(with_totp(make_user(role))).get("/registry/").status_code == 200


def test_the_api_refuses_with_403_and_says_why(officer: User) -> None:
    response = logged_in(officer).get("/api/registry/statistics")
    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


@pytest.mark.parametrize("path", [SETUP, "/accounts/logout/", "/health"])
def test_setup_logout_and_health_stay_reachable(officer: User, path: str) -> None:
    response = logged_in(officer).get(path)
    assert response.status_code != 302 or response["Location"] != SETUP


def test_static_files_stay_reachable(officer: User) -> None:
    response = logged_in(officer).get("/static/icor/site.css")
    assert response.status_code == 200


@pytest.mark.parametrize("role", [Role.DELEGATE, Role.OBSERVER])
def test_other_roles_may_use_two_factor_but_are_not_forced(role: str) -> None:
    assert logged_in(make_user(role)).get("/registry/").status_code == 200


def test_an_officer_cannot_switch_off_the_required_authenticator(officer: User) -> None:
    with_totp(officer)
    totp = Authenticator.objects.get(user=officer, type=Authenticator.Type.TOTP)
    assert get_adapter().can_delete_authenticator(totp) is False


def test_a_delegate_can_switch_off_their_optional_authenticator(delegate: User) -> None:
    with_totp(delegate)
    totp = Authenticator.objects.get(user=delegate, type=Authenticator.Type.TOTP)
    assert get_adapter().can_delete_authenticator(totp) is True


def test_the_first_committee_login_leads_to_the_totp_setup(client: Client) -> None:
    """`icor firstlogin` prints a committee account: its first login must work and end at the setup.

    allauth asks for the password once more before any change of security settings.
    """
    out = StringIO()
    call_command("firstlogin", stdout=out)
    password = re.search(r"password:\s+(\S+)", out.getvalue()).group(1)  # type: ignore[union-attr]
    response = client.post("/accounts/login/", {"login": "committee", "password": password}, follow=True)
    assert "_auth_user_id" in client.session
    confirm = response.redirect_chain[-1][0]
    assert confirm.startswith("/accounts/reauthenticate/?next=")
    setup = client.post(confirm, {"password": password}, follow=True)
    assert setup.redirect_chain[-1][0] == SETUP
    assert setup.status_code == 200
    assert b"<svg" in setup.content or b"secret" in setup.content.lower()


def test_the_first_login_names_the_address_the_site_is_served_on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`make run` passes its HOST and PORT to `icor firstlogin` as it does to `icor serve`."""
    given = StringIO()
    call_command("firstlogin", "--host", "icor.example.org", "--port", "8123", stdout=given)
    monkeypatch.setenv("PORT", "8124")
    from_environment = StringIO()
    call_command("firstlogin", "--reset", stdout=from_environment)
    assert "First login: http://icor.example.org:8123/accounts/login/" in given.getvalue()
    assert "First login: http://127.0.0.1:8124/accounts/login/" in from_environment.getvalue()
