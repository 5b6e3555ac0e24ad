"""An organization deletes the personal data of its accounts; the record stays without it (S11)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied

from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from icor.audit.services import record_event, verify_chain
from icor.privacy.sections import ERASED_LABEL
from icor.privacy.services import erase_personal_data
from icor.registry.models import Application, Organization
from tests.conftest import logged_in
from tests.factories import PASSWORD, make_user, with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(own_organization: Organization) -> User:
    user = make_user(
        Role.DELEGATE,
        own_organization,
        first_name="Rosa",
        last_name="L",
        email="rosa@example.org",
        public_name="Comrade R",
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def test_names_emails_and_pseudonyms_are_replaced_and_accounts_locked(
    officer: User, person: User, own_organization: Organization
) -> None:
    erase_personal_data(own_organization, actor=officer)
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.email) == ("", "", "")
    assert person.public_name == ERASED_LABEL
    assert person.username == f"erased-{person.pk}"
    assert not person.is_active
    assert not person.has_usable_password()
    assert not person.check_password(PASSWORD)
    assert not EmailAddress.objects.filter(user=person).exists()


def test_the_officer_who_erases_is_erased_too(officer: User, own_organization: Organization) -> None:
    erase_personal_data(own_organization, actor=officer)
    officer.refresh_from_db()
    assert not officer.is_active


def test_other_organizations_are_untouched(
    officer: User, other_officer: User, own_organization: Organization
) -> None:
    before = User.objects.values().get(pk=other_officer.pk)
    erase_personal_data(own_organization, actor=officer)
    assert User.objects.values().get(pk=other_officer.pk) == before


def test_the_application_contact_goes_and_the_decision_stays(
    officer: User, own_organization: Organization
) -> None:
    application = Application.objects.create(
        name="Own Organization",
        country="DE",
        contact="secret-mail@example.org",
        statement="We affirm.",
        affirms_basis=True,
        status="admitted",
        decision_reference="World Conference 2022",
        organization=own_organization,
    )
    erase_personal_data(own_organization, actor=officer)
    application.refresh_from_db()
    assert application.contact == ""
    assert application.decision_reference == "World Conference 2022"


def test_the_audit_chain_stays_intact_and_records_the_erasure(
    officer: User, own_organization: Organization
) -> None:
    record_event("registry.left", organization_id=own_organization.pk, subject="history")
    erase_personal_data(own_organization, actor=officer)
    assert AuditEvent.objects.filter(subject="history").exists()
    erased = AuditEvent.objects.get(event="privacy.erased")
    assert erased.data["erased"]["accounts.accounts"] == 1
    assert verify_chain().ok


@pytest.mark.parametrize("role", [Role.COMMITTEE, Role.OPERATOR, Role.OBSERVER])
def test_no_body_outside_the_organization_can_erase_it(
    role: str, person: User, own_organization: Organization
) -> None:
    """S11: nobody — not even the coordinating committee — acts in the name of another organization."""
    with pytest.raises(PermissionDenied, match="S11"):
        erase_personal_data(own_organization, actor=make_user(role))
    person.refresh_from_db()
    assert person.is_active
    assert person.email == "rosa@example.org"
    assert not AuditEvent.objects.filter(event="privacy.erased").exists()


def test_an_officer_of_another_organization_cannot_erase_it(
    other_officer: User, person: User, own_organization: Organization
) -> None:
    with pytest.raises(PermissionDenied):
        erase_personal_data(own_organization, actor=other_officer)
    person.refresh_from_db()
    assert person.is_active


def test_the_page_needs_the_short_name_typed_to_erase(
    officer: User, person: User, own_organization: Organization
) -> None:
    client = logged_in(with_totp(officer))
    refused = client.post("/privacy/erase/", {"confirm": "something else"})
    assert refused.status_code == 400
    assert "to confirm the erasure" in refused.content.decode()
    person.refresh_from_db()
    assert person.is_active
    done = client.post("/privacy/erase/", {"confirm": own_organization.short_name})
    assert done.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    assert client.get("/privacy/").status_code == 302


def test_the_erasure_api_needs_the_confirmation(
    officer: User, person: User, own_organization: Organization
) -> None:
    client = logged_in(with_totp(officer))
    refused = client.post("/api/privacy/erase", {"confirm": "no"}, content_type="application/json")
    assert refused.status_code == 422
    assert "nothing was changed" in refused.json()["detail"]
    person.refresh_from_db()
    assert person.is_active
    done = client.post(
        "/api/privacy/erase", {"confirm": own_organization.short_name}, content_type="application/json"
    )
    assert done.status_code == 200
    assert done.json()["erased"]["accounts.accounts"] == 2
