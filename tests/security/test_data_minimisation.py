"""No IP addresses or user agents are stored, and logs carry no personal data or secrets."""

from __future__ import annotations

import logging
import re

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.test import Client

from icor.accounts.models import Role
from tests.factories import PASSWORD, make_user

SUSPICIOUS_NAME = re.compile(
    r"(^|_)(ip|ip_address|ipaddress|remote_addr|user_agent|useragent|fingerprint)($|_)"
)

# A field may appear here only with the reason it is needed and when its value expires.
ALLOWED: dict[str, str] = {}


def stored_network_traces() -> list[str]:
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.GenericIPAddressField) or SUSPICIOUS_NAME.search(field.name):
                label = f"{model._meta.label}.{field.name}"
                if label not in ALLOWED:
                    found.append(label)
    return found


def test_no_model_stores_ip_addresses_or_user_agents() -> None:
    """Members work under repression: who connected from where is not kept (login throttling
    counts attempts in the cache only, and sessions store no address)."""
    assert stored_network_traces() == []


def test_the_scan_would_notice_such_a_field() -> None:
    class Visit(models.Model):  # noqa: DJ008 - a throwaway model to prove the scan
        remote_ip = models.GenericIPAddressField()

        class Meta:
            app_label = "privacy"

    try:
        assert "privacy.Visit.remote_ip" in stored_network_traces()
    finally:
        apps.all_models["privacy"].pop("visit", None)
        apps.clear_cache()


@pytest.mark.django_db
def test_logs_hold_no_password_contact_or_email(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    cache.clear()
    secret_email = "hidden.person@example.org"
    secret_contact = "signal-contact-0042"
    user = make_user(Role.DELEGATE, email=secret_email)
    caplog.set_level(logging.DEBUG)
    client.post("/accounts/login/", {"login": user.username, "password": "the wrong password 77"})
    client.post("/accounts/login/", {"login": secret_email, "password": PASSWORD})
    client.post(
        "/registry/apply/",
        {
            "name": "Partido de Prueba",
            "country": "PE",
            "contact": secret_contact,
            "statement": "We affirm.",
            "affirms_basis": "on",
        },
    )
    client.post("/registry/apply/", {"name": "x", "contact": secret_contact})  # invalid: logged as a 200 form
    logged = {record.getMessage() for record in caplog.records}
    assert "login failed" in logged
    assert "login succeeded (role delegate)" in logged
    assert any(message.startswith("audit event registry.application_submitted") for message in logged)
    text = "\n".join(
        f"{record.getMessage()} {record.args!r} {record.__dict__!r}" for record in caplog.records
    )
    for secret in (PASSWORD, "the wrong password 77", secret_email, secret_contact):
        assert secret not in text
