"""Setting up two-factor authentication survives a real browser's background requests."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.test import Client

from icor.accounts.models import Role, User
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NAVIGATION = {"Sec-Fetch-Dest": "document", "Sec-Fetch-Mode": "navigate", "Accept": "text/html"}


def logged_in_without_totp(role: str = Role.OFFICER) -> tuple[Client, User]:
    user = make_user(role)
    client = Client()
    client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    # The setup asks for the password once more (allauth's reauthentication).
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    return client, user


def pending_secret(client: Client) -> str:
    client.get("/accounts/2fa/totp/activate/", headers=NAVIGATION)
    return str(client.session[SECRET_SESSION_KEY])


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/favicon.ico", {"Sec-Fetch-Dest": "image", "Accept": "image/avif,image/webp,*/*"}),
        ("/static/icor/site.css", {"Sec-Fetch-Dest": "style", "Accept": "text/css"}),
        ("/live/conference-1/", {"Sec-Fetch-Dest": "empty", "Accept": "text/event-stream"}),
        ("/conferences/", {"HX-Request": "true", "Sec-Fetch-Dest": "empty", "Accept": "text/html"}),
        ("/api/conferences/", {"Sec-Fetch-Dest": "empty", "Accept": "application/json"}),
        ("/registry/map.svg", {"Sec-Fetch-Dest": "image", "Accept": "image/*"}),
    ],
)
def test_background_requests_do_not_change_the_pending_secret(path: str, headers: dict[str, str]) -> None:
    client, _ = logged_in_without_totp()
    secret = pending_secret(client)
    response = client.get(path, headers=headers)
    assert response.status_code != 302
    assert client.session[SECRET_SESSION_KEY] == secret
    # Loading the setup page again (the page itself) keeps the secret being scanned.
    assert client.get("/accounts/2fa/totp/activate/", headers=NAVIGATION).status_code == 200


def test_a_page_navigation_is_sent_to_the_setup() -> None:
    client, _ = logged_in_without_totp()
    response = client.get("/conferences/", headers=NAVIGATION)
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")


def test_the_favicon_is_a_real_icon() -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_the_platform_operator_needs_two_factor_too() -> None:
    client, _ = logged_in_without_totp(Role.OPERATOR)
    response = client.get("/operator/", headers=NAVIGATION)
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")


def test_the_admin_login_is_the_site_login() -> None:
    response = Client().get("/operator/login/?next=/operator/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_login_page_has_the_site_layout_and_no_sign_up_link() -> None:
    body = Client().get("/de/accounts/login/").content.decode()
    assert 'class="site"' in body
    assert 'id="language-select"' in body
    assert "signup" not in body


@pytest.mark.parametrize(
    "path", ["/accounts/password/change/", "/accounts/2fa/", "/accounts/email/", "/accounts/logout/"]
)
def test_the_account_pages_have_the_site_layout(path: str) -> None:
    from tests.conftest import logged_in

    body = logged_in(make_user(Role.DELEGATE)).get(path).content.decode()
    assert 'class="site"' in body
    assert 'id="language-select"' in body
