"""The audit log page: the whole chain for the committee, its own events for an officer (S11)."""

from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import User
from icor.audit.services import record_event
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(own_organization: Organization, other_organization: Organization) -> None:
    record_event("registry.imported", subject="registry", data={"created": 2})
    record_event("registry.left", organization_id=own_organization.pk, subject="own-exit", data={})
    record_event("registry.left", organization_id=other_organization.pk, subject="other-exit", data={})


def test_the_committee_sees_every_event(committee: User, events: None) -> None:
    page = logged_in(with_totp(committee)).get("/audit/").content.decode()
    assert "3 events" in page
    assert "own-exit" in page
    assert "other-exit" in page


def test_the_committee_filters_by_event_type(committee: User, events: None) -> None:
    page = logged_in(with_totp(committee)).get("/audit/?event=registry.left").content.decode()
    assert "2 events" in page
    assert "registry.imported" not in page.split("<tbody>")[1]


def test_an_officer_sees_only_the_events_of_their_own_organization(officer: User, events: None) -> None:
    page = logged_in(with_totp(officer)).get("/audit/").content.decode()
    assert "own-exit" in page
    assert "other-exit" not in page
    assert "1 event" in page


def test_the_log_is_paginated(committee: User) -> None:
    for number in range(60):
        record_event("test.event", subject=f"item-{number}")
    client = logged_in(with_totp(committee))
    first = client.get("/audit/").content.decode()
    second = client.get("/audit/?page=2").content.decode()
    assert "item-59" in first
    assert "item-0<" not in first
    assert "item-0<" in second
    assert "Page 2 of 2" in second


def test_a_delegate_is_refused(delegate: User, events: None) -> None:
    assert logged_in(delegate).get("/audit/").status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client: Client) -> None:
    response = client.get("/audit/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_events_and_their_data_are_named_not_coded(committee: User) -> None:
    record_event(
        "motion.in_discussion",
        subject="motion:1",
        data={
            "from": "submitted",
            "to": "in_discussion",
            "country": "CD",
            "secret": False,
            "closes_at": None,
        },
    )
    page = logged_in(with_totp(committee)).get("/audit/").content.decode()
    body = page.split("<tbody>")[1]
    assert "Motion put to discussion" in body
    assert "from: submitted" in body and "to: in discussion" in body
    assert "country: Democratic Republic of the Congo" in body
    assert "secret ballot: no" in body and "closes at: —" in body
    for code in ("in_discussion", "motion.in_discussion", "CD", "None", "False"):
        assert code not in body.replace("motion:1", "")


def test_the_apps_name_their_own_codes_on_the_log_page() -> None:
    """The log sits below the apps: debate, projects and conferences register how their codes read."""
    from icor.audit.presentation import value_text

    assert value_text("stance", "reservation") == "has reservations"
    assert value_text("status", "proposed") == "Proposed"
    assert value_text("position", "stand_aside") == "stand aside (with a reservation)"


def test_an_outcome_reads_as_its_result_not_as_stored_data() -> None:
    """Conferences register the text of an outcome; without it the page would show `outcome: adopted`."""
    from icor.audit.presentation import value_text

    assert value_text("outcome", {"outcome": "adopted"}).startswith("Adopted:")
