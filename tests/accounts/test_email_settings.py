"""E-mail settings come from the environment; the console in development."""

from __future__ import annotations

import pytest

from icor.settings import email_settings


def test_without_settings_mail_goes_to_the_console() -> None:
    assert email_settings({})["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_email_url_with_starttls() -> None:
    settings = email_settings({"EMAIL_URL": "smtp+tls://mailer:p%40ss@mail.example.org:2525"})
    assert settings == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_email_url_smtps_defaults_to_port_465() -> None:
    settings = email_settings({"EMAIL_URL": "smtps://mail.example.org"})
    assert settings["EMAIL_PORT"] == 465
    assert settings["EMAIL_USE_SSL"] is True


def test_the_usual_variables() -> None:
    settings = email_settings(
        {
            "EMAIL_HOST": "mail.example.org",
            "EMAIL_PORT": "587",
            "EMAIL_HOST_USER": "u",
            "EMAIL_HOST_PASSWORD": "p",
        }
    )
    assert settings["EMAIL_HOST"] == "mail.example.org"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_USE_TLS"] is True


def test_an_unknown_scheme_is_refused() -> None:
    with pytest.raises(RuntimeError, match="unknown scheme"):
        email_settings({"EMAIL_URL": "http://mail.example.org"})
