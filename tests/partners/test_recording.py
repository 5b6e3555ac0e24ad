"""The coordinating committee records partners (S13); nobody else can, and a partner is never a member."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.partners import services
from icor.partners.models import Partner
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def test_the_committee_records_a_partner(committee: User) -> None:
    partner = services.record_partner(
        actor=committee, name="World Peace Alliance", kind="alliance", abbreviation="WPA"
    )
    assert partner.slug == "wpa"
    assert not Organization.objects.filter(name="World Peace Alliance").exists()
    assert AuditEvent.objects.filter(event="partner.recorded").count() == 1


def test_an_officer_cannot_record_a_partner(officer: User) -> None:
    with pytest.raises(PermissionDenied):
        services.record_partner(actor=officer, name="Someone", kind="organization")
    assert not Partner.objects.filter(name="Someone").exists()


def test_a_partner_is_recorded_once(committee: User) -> None:
    services.record_partner(actor=committee, name="Twice", kind="organization")
    with pytest.raises(ValidationError):
        services.record_partner(actor=committee, name="twice", kind="organization")
    assert Partner.objects.filter(name__iexact="twice").count() == 1


def test_the_committee_records_a_partner_through_the_page(committee: User) -> None:
    client = logged_in(with_totp(committee))
    response = client.post("/partners/new/", {"name": "Page Partner", "kind": "organization"})
    assert response.status_code == 302
    assert Partner.objects.get(name="Page Partner").kind == "organization"


def test_the_page_is_refused_to_an_officer(officer: User) -> None:
    assert logged_in(with_totp(officer)).get("/partners/new/").status_code == 403
