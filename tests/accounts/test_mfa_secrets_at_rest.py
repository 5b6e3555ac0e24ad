"""Two-factor secrets are stored encrypted with a key of the data directory (threat model: an
intruder who reads or writes the database, or holds a backup, but not the data directory)."""

from __future__ import annotations

import json

import pytest
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.test import Client

from icor.accounts.mfa import encrypt_clear_secrets
from icor.accounts.models import Role, User
from tests.factories import make_user, with_totp

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXP"


def test_a_totp_secret_is_stored_encrypted_and_reads_back() -> None:
    user = make_user(Role.OFFICER)
    totp = TOTP.activate(user, SECRET)
    stored = Authenticator.objects.get(pk=totp.instance.pk).data["secret"]
    assert SECRET not in json.dumps(Authenticator.objects.get(pk=totp.instance.pk).data)
    assert get_adapter().decrypt(stored) == SECRET
    code = format_hotp_value(hotp_value(SECRET, next(iter(yield_hotp_counters_from_time()))))
    assert TOTP(Authenticator.objects.get(pk=totp.instance.pk)).validate_code(code)


def test_recovery_codes_are_seeded_from_an_encrypted_seed() -> None:
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = make_user(Role.OFFICER)
    codes = RecoveryCodes.activate(user)
    seed = codes.instance.data["seed"]
    assert seed.startswith("gAAAA")  # a Fernet token, not the hex seed
    assert codes.validate_code(codes.generate_codes()[0])


def test_a_secret_written_into_the_database_without_the_key_never_validates() -> None:
    """The intruder replaces the stored secret with one of their own, in clear: no code passes."""
    user = make_user(Role.OFFICER)
    totp = TOTP.activate(user, generate_totp_secret())
    Authenticator.objects.filter(pk=totp.instance.pk).update(data={"secret": SECRET})
    forged = TOTP(Authenticator.objects.get(pk=totp.instance.pk))
    codes = [format_hotp_value(hotp_value(SECRET, counter)) for counter in yield_hotp_counters_from_time()]
    assert not any(forged.validate_code(code) for code in codes)


def test_setup_encrypts_secrets_stored_in_clear_before() -> None:
    user = make_user(Role.OFFICER)
    authenticator = Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": SECRET}
    )
    assert encrypt_clear_secrets() == 1
    authenticator.refresh_from_db()
    assert authenticator.data["secret"] != SECRET
    assert get_adapter().decrypt(authenticator.data["secret"]) == SECRET
    assert encrypt_clear_secrets() == 0  # idempotent


def test_the_admin_never_shows_the_secret(admin_client: Client, admin_user: User) -> None:
    with_totp(admin_user)  # the operator needs a second factor too
    totp = TOTP.activate(make_user(Role.OFFICER), SECRET)
    page = admin_client.get(f"/operator/mfa/authenticator/{totp.instance.pk}/change/")
    assert page.status_code == 200
    assert b"JBSWY3DPEHPK3PXP" not in page.content
    assert totp.instance.data["secret"].encode() in page.content  # only the ciphertext is shown
