"""The chain is append-only, so it must never hold personal data (S11: erasure leaves it intact)."""

from __future__ import annotations

import pytest

from icor.audit.models import AuditEvent
from icor.audit.services import PersonalDataInAuditEvent, record_event, verify_chain

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "data",
    [
        {"email": "someone@example.org"},
        {"contact": "signal: +49 000"},
        {"decision": {"username": "someone"}},
        {"accounts": [{"public_name": "Rosa"}]},
        {"IP": "192.0.2.1"},
    ],
)
def test_personal_data_is_refused_and_nothing_is_appended(data: dict[str, object]) -> None:
    record_event("test.before")
    with pytest.raises(PersonalDataInAuditEvent, match="personal data"):
        record_event("test.event", data=data)
    assert AuditEvent.objects.count() == 1
    assert verify_chain().ok


def test_the_actor_is_kept_as_role_and_organization_only(officer) -> None:  # type: ignore[no-untyped-def]
    entry = record_event("test.event", actor=officer, data={"count": 1})
    assert entry.actor_role == "officer"
    assert entry.actor_organization_id == officer.organization_id
    field_names = {field.name for field in AuditEvent._meta.get_fields()}
    assert not field_names & {"actor", "user", "actor_id", "username"}
