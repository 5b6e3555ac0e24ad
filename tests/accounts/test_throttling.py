"""Login throttling per account and per address; X-Forwarded-For only behind named proxies."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from icor.accounts.adapter import client_address
from icor.accounts.models import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
WRONG = "wrong password 123"


@pytest.fixture(autouse=True)
def _fresh_counters() -> None:
    cache.clear()


def login(
    client: Client, username: str, password: str, address: str = "198.51.100.7", **headers: str
) -> bool:
    client.post(
        "/accounts/login/", {"login": username, "password": password}, REMOTE_ADDR=address, headers=headers
    )
    logged_in = "_auth_user_id" in client.session
    if logged_in:
        # Log out as a person does: the browser keeps its other cookies.
        client.post("/accounts/logout/", REMOTE_ADDR=address)
    return logged_in


def test_guesses_on_one_account_lock_that_account_on_unknown_devices() -> None:
    chair = make_user(Role.DELEGATE)
    for number in range(5):
        assert not login(Client(), chair.username, WRONG, address=f"203.0.113.{number}")
    # From yet another address and an unknown device: the account's counter is full.
    assert not login(Client(), chair.username, PASSWORD, address="192.0.2.50")


def test_guesses_from_one_address_lock_that_address_for_every_account() -> None:
    accounts = [make_user(Role.DELEGATE) for _ in range(6)]
    guesser = Client()
    for account in accounts[:5]:
        assert not login(guesser, account.username, WRONG, address="203.0.113.9")
    assert not login(guesser, accounts[5].username, PASSWORD, address="203.0.113.9")
    # Everyone else, elsewhere, logs in as usual.
    assert login(Client(), accounts[5].username, PASSWORD, address="192.0.2.1")


def test_the_owner_on_a_known_device_is_not_locked_out_by_guesses_from_elsewhere() -> None:
    chair = make_user(Role.DELEGATE)
    own_device = Client()
    assert login(own_device, chair.username, PASSWORD, address="192.0.2.10")
    for number in range(10):
        assert not login(Client(), chair.username, WRONG, address=f"203.0.113.{number}")
    # The guessing address and unknown devices stay locked ...
    assert not login(Client(), chair.username, PASSWORD, address="203.0.113.1")
    assert not login(Client(), chair.username, PASSWORD, address="192.0.2.99")
    # ... the owner, on the device that logged in before, is not.
    assert login(own_device, chair.username, PASSWORD, address="192.0.2.10")


def test_a_known_device_gets_no_more_guesses_than_anyone() -> None:
    chair = make_user(Role.DELEGATE)
    device = Client()
    assert login(device, chair.username, PASSWORD, address="192.0.2.10")
    for _ in range(5):
        assert not login(device, chair.username, WRONG, address="192.0.2.10")
    assert not login(device, chair.username, PASSWORD, address="192.0.2.10")


def test_x_forwarded_for_is_ignored_without_configured_proxies(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ICOR_TRUSTED_PROXIES = []
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert client_address(request) == "203.0.113.5"


def test_x_forwarded_for_is_believed_from_a_named_proxy(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ICOR_TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99, 192.0.2.1, 10.0.0.1"
    )
    # The client may write anything left of what the proxies appended: the first untrusted hop counts.
    assert client_address(request) == "192.0.2.1"


def test_a_client_cannot_dodge_the_address_limit_with_a_forged_header(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ICOR_TRUSTED_PROXIES = []
    accounts = [make_user(Role.DELEGATE) for _ in range(6)]
    guesser = Client()
    for number, account in enumerate(accounts[:5]):
        login(
            guesser,
            account.username,
            WRONG,
            address="203.0.113.9",
            **{"X-Forwarded-For": f"192.0.2.{number}"},
        )
    assert not login(
        guesser, accounts[5].username, PASSWORD, address="203.0.113.9", **{"X-Forwarded-For": "192.0.2.200"}
    )


def test_a_login_with_the_second_factor_makes_the_device_known() -> None:
    import time

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value

    chair = make_user(Role.COMMITTEE)
    secret = generate_totp_secret()
    TOTP.activate(chair, secret)
    device = Client()
    device.post("/accounts/login/", {"login": chair.username, "password": PASSWORD}, REMOTE_ADDR="192.0.2.10")
    device.post(
        "/accounts/2fa/authenticate/",
        {"code": f"{hotp_value(secret, int(time.time() // 30)):06d}"},
        REMOTE_ADDR="192.0.2.10",
    )
    assert "_auth_user_id" in device.session
    device.post("/accounts/logout/", REMOTE_ADDR="192.0.2.10")
    for number in range(6):
        assert not login(Client(), chair.username, WRONG, address=f"203.0.113.{number}")
    # Unknown devices are locked; on the known device the owner goes on to the second factor.
    stranger = Client().post(
        "/accounts/login/", {"login": chair.username, "password": PASSWORD}, REMOTE_ADDR="192.0.2.99"
    )
    assert stranger.status_code in (200, 429)
    response = device.post(
        "/accounts/login/", {"login": chair.username, "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/authenticate/")
