"""Support (S7): declared and withdrawn by the organization itself; history kept; nobody enrols another."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from icor.accounts.models import Role, User
from icor.audit.services import verify_chain
from icor.projects.models import Level, ProjectStatus, Support
from icor.projects.selectors.projects import support_history, supported_by
from icor.projects.services.projects import declare_support, withdraw_support
from icor.registry.models import Organization
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db


def test_an_officer_declares_support_for_its_own_organization(
    officer: User, own_organization: Organization
) -> None:
    project = make_project()
    support = declare_support(project, actor=officer, organization=own_organization)
    assert (support.organization, support.since, support.until) == (
        own_organization,
        timezone.localdate(),
        None,
    )
    assert verify_chain().ok


@pytest.mark.parametrize("actor_fixture", ["committee", "other_officer", "delegate"])
def test_nobody_else_can_enrol_an_organization(
    actor_fixture: str, own_organization: Organization, request: pytest.FixtureRequest
) -> None:
    """S7: "Every organization decides itself which project ... it supports"; S11 bars the committee too.

    A delegate acts for the organization in conferences and tasks; declaring support is its officers' act.
    """
    actor = request.getfixturevalue(actor_fixture)
    project = make_project()
    with pytest.raises(PermissionDenied, match="nobody acts in the name of another organization"):
        declare_support(project, actor=actor, organization=own_organization)
    assert not Support.objects.exists()


def test_a_partner_observer_cannot_declare_support(own_organization: Organization) -> None:
    observer = make_user(Role.OBSERVER)
    with pytest.raises(PermissionDenied):
        declare_support(make_project(), actor=observer, organization=own_organization)


def test_support_is_declared_once_while_open(officer: User, own_organization: Organization) -> None:
    project = make_project()
    declare_support(project, actor=officer, organization=own_organization)
    with pytest.raises(ValidationError, match="already supports"):
        declare_support(project, actor=officer, organization=own_organization)
    assert Support.objects.count() == 1


def test_the_database_allows_one_open_support_per_project_and_organization(
    own_organization: Organization,
) -> None:
    project = make_project()
    Support.objects.create(project=project, organization=own_organization, since=date(2024, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(project=project, organization=own_organization, since=date(2024, 2, 1))


def test_withdrawing_keeps_the_history_and_support_can_be_declared_again(
    officer: User, own_organization: Organization
) -> None:
    project = make_project()
    first = declare_support(project, actor=officer, organization=own_organization)
    withdrawn = withdraw_support(project, actor=officer, organization=own_organization)
    assert withdrawn.pk == first.pk
    assert withdrawn.until == timezone.localdate()
    declare_support(project, actor=officer, organization=own_organization)
    periods = list(supported_by(own_organization))
    assert len(periods) == 2
    assert periods[0].until is None  # the open period first
    assert [s.organization for s in support_history(project)] == [own_organization, own_organization]


def test_only_the_organization_itself_withdraws_its_support(
    officer: User, committee: User, other_officer: User, own_organization: Organization
) -> None:
    project = make_project()
    declare_support(project, actor=officer, organization=own_organization)
    for actor in (committee, other_officer):
        with pytest.raises(PermissionDenied):
            withdraw_support(project, actor=actor, organization=own_organization)
    assert Support.objects.get().until is None


def test_a_withdrawal_date_cannot_lie_in_the_future(officer: User, own_organization: Organization) -> None:
    project = make_project()
    declare_support(project, actor=officer, organization=own_organization)
    with pytest.raises(ValidationError):
        withdraw_support(
            project, actor=officer, organization=own_organization, on=timezone.localdate() + timedelta(days=3)
        )


def test_support_for_a_cancelled_project_is_refused(officer: User, own_organization: Organization) -> None:
    project = make_project(status=ProjectStatus.CANCELLED)
    with pytest.raises(ValidationError, match="Cancelled"):
        declare_support(project, actor=officer, organization=own_organization)


def test_a_continental_project_is_open_only_to_members_on_that_continent(
    officer: User, own_organization: Organization
) -> None:
    """S9: cooperation on the continental level; the refusal says why."""
    project = make_project(level=Level.CONTINENT, continent="Asia")
    with pytest.raises(ValidationError, match=r"continental project for Asia.*member on Europe"):
        declare_support(project, actor=officer, organization=own_organization)
    european = make_project(level=Level.CONTINENT, continent="Europe")
    assert declare_support(european, actor=officer, organization=own_organization).pk


def test_a_regional_project_is_open_only_to_members_in_its_countries(
    officer: User, own_organization: Organization, other_officer: User, other_organization: Organization
) -> None:
    """S9: cooperation on the regional level (own organization is in DE, the other in FR)."""
    project = make_project(level=Level.REGION, region_name="Rhine", region_countries="CH,FR")
    with pytest.raises(ValidationError, match="outside the region"):
        declare_support(project, actor=officer, organization=own_organization)
    assert declare_support(project, actor=other_officer, organization=other_organization).pk
