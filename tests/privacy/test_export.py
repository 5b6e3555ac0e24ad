"""An organization exports all of its own data, and only its own officers can (S11)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied

from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from icor.audit.services import record_event, verify_chain
from icor.privacy import registry as privacy_registry
from icor.privacy.registry import register_exporter
from icor.privacy.services import export_organization
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import make_user, with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sections registered by a test stay in that test."""
    monkeypatch.setattr(privacy_registry, "_exporters", dict(privacy_registry._exporters))


def test_the_export_holds_organization_memberships_accounts_and_events(
    officer: User, delegate: User, own_organization: Organization, other_organization: Organization
) -> None:
    delegate.email = "delegate@example.org"
    delegate.public_name = "Comrade K"
    delegate.save()
    record_event("registry.left", organization_id=own_organization.pk, subject="own")
    record_event("registry.left", organization_id=other_organization.pk, subject="other")
    document = export_organization(own_organization, actor=officer)
    sections = document["sections"]
    assert sections["organization"]["name"] == "Own Organization"
    assert sections["memberships"][0]["since_year"] == 2010
    accounts = {account["username"]: account for account in sections["accounts"]}
    assert set(accounts) == {officer.username, delegate.username}
    assert accounts[delegate.username]["email"] == "delegate@example.org"
    assert accounts[delegate.username]["public_name"] == "Comrade K"
    assert [event["subject"] for event in sections["audit_events"]] == ["own"]


def test_the_export_never_contains_password_hashes(officer: User, own_organization: Organization) -> None:
    text = json.dumps(export_organization(own_organization, actor=officer))
    assert "password" not in text
    assert officer.password not in text
    assert "argon2" not in text


def test_the_export_is_recorded_in_the_audit_chain(officer: User, own_organization: Organization) -> None:
    export_organization(own_organization, actor=officer)
    entry = AuditEvent.objects.get(event="privacy.exported")
    assert entry.actor_organization_id == own_organization.pk
    assert verify_chain().ok


@pytest.mark.parametrize("role", [Role.COMMITTEE, Role.OPERATOR, Role.OBSERVER])
def test_no_body_outside_the_organization_can_export_it(role: str, own_organization: Organization) -> None:
    """S11: not even the coordinating committee acts in the name of another organization."""
    outsider = make_user(role)
    with pytest.raises(PermissionDenied, match="S11"):
        export_organization(own_organization, actor=outsider)
    assert not AuditEvent.objects.filter(event="privacy.exported").exists()


def test_an_officer_of_another_organization_cannot_export_it(
    other_officer: User, own_organization: Organization
) -> None:
    with pytest.raises(PermissionDenied, match="Only an officer of"):
        export_organization(own_organization, actor=other_officer)


def test_a_delegate_cannot_export_their_own_organization(
    delegate: User, own_organization: Organization
) -> None:
    with pytest.raises(PermissionDenied):
        export_organization(own_organization, actor=delegate)


def test_other_apps_contribute_sections_through_the_registry(
    officer: User, own_organization: Organization, own_registry: None
) -> None:
    def export_test_section(organization: Organization) -> dict[str, int]:
        return {"organization_id": organization.pk}

    register_exporter("test_section", export_test_section)
    sections = export_organization(own_organization, actor=officer)["sections"]
    assert sections["test_section"] == {"organization_id": own_organization.pk}


def test_a_section_name_cannot_be_taken_twice(own_registry: None) -> None:
    register_exporter("test_taken", len)
    with pytest.raises(ValueError, match="registered already"):
        register_exporter("test_taken", str)


def test_the_export_page_downloads_json(officer: User, own_organization: Organization) -> None:
    client = logged_in(with_totp(officer))
    assert client.get("/privacy/").status_code == 200
    response = client.post("/privacy/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert json.loads(response.content)["organization_id"] == own_organization.pk


def test_the_export_api_returns_the_document(officer: User, own_organization: Organization) -> None:
    response = logged_in(with_totp(officer)).post("/api/privacy/export")
    assert response.status_code == 200
    assert response.json()["sections"]["organization"]["id"] == own_organization.pk


def test_the_committee_gets_403_from_the_export_api(committee: User) -> None:
    response = logged_in(with_totp(committee)).post("/api/privacy/export")
    assert response.status_code == 403
