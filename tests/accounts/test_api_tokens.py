"""Personal API tokens: shown once, hashed at rest, expiring, revocable, with exactly the owner's rights."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from icor.accounts import services
from icor.accounts.models import ApiToken, User
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_a_token_acts_as_its_owner(delegate: User) -> None:
    issued = services.create_api_token(actor=delegate, label="script", days=30)
    response = Client().get("/api/accounts/me", headers=bearer(issued.secret))
    assert response.status_code == 200
    assert response.json()["id"] == delegate.pk
    assert delegate.organization is not None
    assert response.json()["organization"] == delegate.organization.slug


def test_only_a_hash_is_stored(delegate: User) -> None:
    issued = services.create_api_token(actor=delegate, label="script", days=30)
    stored = ApiToken.objects.get(pk=issued.token.pk)
    assert issued.secret not in stored.token_hash
    # Whoever reads the database holds only the hash, which opens nothing.
    assert Client().get("/api/accounts/me", headers=bearer(stored.token_hash)).status_code == 401


def test_an_expired_token_is_refused(delegate: User) -> None:
    issued = services.create_api_token(actor=delegate, label="script", days=1)
    ApiToken.objects.filter(pk=issued.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = Client().get("/api/accounts/me", headers=bearer(issued.secret))
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_revoked_token_is_refused(delegate: User) -> None:
    issued = services.create_api_token(actor=delegate, label="script", days=30)
    services.revoke_api_token(actor=delegate, token=issued.token)
    assert Client().get("/api/accounts/me", headers=bearer(issued.secret)).status_code == 401


def test_nobody_revokes_another_persons_token(delegate: User, officer: User) -> None:
    issued = services.create_api_token(actor=delegate, label="script", days=30)
    with pytest.raises(PermissionDenied):
        services.revoke_api_token(actor=officer, token=issued.token)
    assert Client().get("/api/accounts/me", headers=bearer(issued.secret)).status_code == 200


def test_a_token_of_a_suspended_account_is_refused(delegate: User, committee: User) -> None:
    issued = services.create_api_token(actor=delegate, label="script", days=30)
    services.suspend_account(actor=committee, account=delegate, reason="lost device")
    assert Client().get("/api/accounts/me", headers=bearer(issued.secret)).status_code == 401


def test_a_token_writes_without_csrf_with_the_owners_rights(officer: User) -> None:
    issued = services.create_api_token(actor=with_totp(officer), label="script", days=30)
    client = Client(enforce_csrf_checks=True)
    own = client.post("/api/privacy/export", headers=bearer(issued.secret))
    assert own.status_code == 200
    assert own.json()["organization_id"] == officer.organization_id


def test_a_token_has_no_more_rights_than_its_owner(delegate: User) -> None:
    issued = services.create_api_token(actor=delegate, label="script", days=30)
    # Exporting an organization's data is for its officers; a delegate's token cannot.
    response = Client().post("/api/privacy/export", headers=bearer(issued.secret))
    assert response.status_code == 403


def test_a_token_of_an_officer_without_second_factor_meets_the_same_gate(officer: User) -> None:
    issued = services.create_api_token(actor=officer, label="script", days=30)
    response = Client().get("/api/accounts/me", headers=bearer(issued.secret))
    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


def test_the_session_still_needs_the_csrf_header(officer: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_totp(officer))
    response = client.post("/api/privacy/export")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_the_token_page_shows_a_new_token_once(delegate: User) -> None:
    client = logged_in(delegate)
    response = client.post("/accounts/me/tokens/", {"label": "script", "days": "30"})
    secret = (
        response.content.decode()
        .split('id="new-token" type="text" readonly size="60" value="')[1]
        .split('"')[0]
    )
    assert secret.startswith("icor_")
    assert secret not in client.get("/accounts/me/tokens/").content.decode()
    assert Client().get("/api/accounts/me", headers=bearer(secret)).json()["id"] == delegate.pk


def test_the_openapi_document_declares_session_and_bearer(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["BearerToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["BearerToken"]["description"],
    }
    assert "X-CSRFToken" in schemes["SessionAuth"]["description"]
    assert {"BearerToken": []} in schema["paths"]["/api/accounts/me"]["get"]["security"]


def test_the_api_docs_send_the_csrf_token_of_a_logged_in_person(delegate: User) -> None:
    body = logged_in(delegate).get("/api/docs").content.decode()
    assert 'data-api-csrf="true"' in body
    assert 'data-csrf-token=""' not in body
