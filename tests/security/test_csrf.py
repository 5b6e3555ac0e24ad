"""Writes without a CSRF token are refused, on pages and on the API; nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.registry.models import Application
from tests.factories import with_totp

pytestmark = pytest.mark.django_db

APPLICATION = {
    "name": "Partido de Prueba",
    "country": "PE",
    "contact": "someone@example.org",
    "statement": "We affirm.",
    "affirms_basis": "on",
}


def test_the_application_form_refuses_a_post_without_token() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/registry/apply/", APPLICATION)
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_the_application_form_accepts_the_post_with_its_token() -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/registry/apply/")
    token = client.cookies["csrftoken"].value
    response = client.post("/registry/apply/", {**APPLICATION, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Application.objects.count() == 1


def test_an_api_write_with_the_session_cookie_but_without_token_is_refused(officer: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_totp(officer))
    response = client.post("/api/privacy/export", content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
    assert not AuditEvent.objects.filter(event="privacy.exported").exists()


def test_a_privacy_page_write_without_token_is_refused(officer: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_totp(officer))
    response = client.post("/privacy/erase/", {"confirm": officer.organization.short_name})  # type: ignore[union-attr]
    assert response.status_code == 403
    officer.refresh_from_db()
    assert officer.is_active
