"""The open door (S12): application, decision by the committee, exit; history stays."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.audit.services import verify_chain
from icor.registry import services
from icor.registry.models import Application, ApplicationStatus, Organization

pytestmark = pytest.mark.django_db


def apply(**changes: object) -> Application:
    data: dict[str, object] = {
        "name": "Partido Nuevo",
        "country": "BO",
        "contact": "secure@example.org",
        "statement": "We affirm the basis.",
        "affirms_basis": True,
    }
    data.update(changes)
    return services.submit_application(**data)  # type: ignore[arg-type]


def test_an_application_must_affirm_the_basis_of_the_resolution() -> None:
    with pytest.raises(ValidationError):
        apply(affirms_basis=False)
    assert Application.objects.count() == 0


def test_the_committee_admits_an_applicant_as_member(committee: User) -> None:
    application = apply()
    organization = services.admit_application(
        application,
        actor=committee,
        decided_on=date(2025, 3, 1),
        decision_reference="World Conference 2025, resolution 4",
        continent="Latin America",
    )
    membership = organization.memberships.get()
    assert (membership.since_year, membership.admitted_on, membership.left_on) == (
        2025,
        date(2025, 3, 1),
        None,
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ADMITTED
    assert application.organization == organization
    assert verify_chain().ok


@pytest.mark.parametrize("role_fixture", ["officer", "delegate"])
def test_only_the_committee_records_admissions(role_fixture: str, request: pytest.FixtureRequest) -> None:
    actor = request.getfixturevalue(role_fixture)
    application = apply()
    with pytest.raises(PermissionDenied, match="Only the coordinating committee records decisions"):
        services.admit_application(
            application,
            actor=actor,
            decided_on=date(2025, 3, 1),
            decision_reference="x",
            continent="Europe",
        )
    assert Organization.objects.filter(name="Partido Nuevo").count() == 0


def test_an_application_is_decided_once(committee: User) -> None:
    application = apply()
    services.refuse_application(
        application, actor=committee, decided_on=date(2025, 3, 1), decision_reference="WC 2025"
    )
    with pytest.raises(ValidationError):
        services.admit_application(
            application,
            actor=committee,
            decided_on=date(2025, 3, 2),
            decision_reference="x",
            continent="Europe",
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED


def test_an_officer_records_the_exit_of_its_own_organization_and_history_stays(
    officer: User,
) -> None:
    organization = officer.organization
    assert organization is not None
    services.record_exit(organization, actor=officer, left_on=date(2024, 6, 1), note="by congress decision")
    membership = organization.memberships.get()
    assert membership.left_on == date(2024, 6, 1)
    assert membership.since_year == 2010


def test_an_officer_cannot_record_the_exit_of_another_organization(
    officer: User, other_organization: Organization
) -> None:
    with pytest.raises(PermissionDenied, match="own officers or the coordinating committee"):
        services.record_exit(other_organization, actor=officer, left_on=date(2024, 6, 1))
    assert other_organization.memberships.get().left_on is None


def test_a_delegate_does_not_declare_its_organizations_exit(delegate: User) -> None:
    organization = delegate.organization
    assert organization is not None
    with pytest.raises(PermissionDenied, match="own officers or the coordinating committee"):
        services.record_exit(organization, actor=delegate, left_on=date(2024, 6, 1))
    assert organization.memberships.get().left_on is None


def test_a_former_member_can_be_admitted_again_and_keeps_both_periods(committee: User, officer: User) -> None:
    organization = officer.organization
    assert organization is not None
    services.record_exit(organization, actor=officer, left_on=date(2020, 1, 1))
    application = apply(name=organization.name, country=str(organization.country.code))
    services.admit_application(
        application,
        actor=committee,
        decided_on=date(2023, 5, 1),
        decision_reference="WC 2023",
        continent="Europe",
    )
    periods = list(organization.memberships.order_by("pk").values_list("since_year", "left_on"))
    assert periods == [(2010, date(2020, 1, 1)), (2023, None)]
