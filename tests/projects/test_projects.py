"""Creating projects: levels and kinds (S9); only the committee or an officer for its own organization."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.projects.models import Kind, Level, Project, ProjectStatus
from icor.projects.services.projects import create_project, set_project_status
from icor.registry.models import Organization
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def test_an_officer_creates_a_project_its_own_organization_coordinates(
    officer: User, own_organization: Organization
) -> None:
    project = create_project(
        actor=officer, title="Days of action against war", coordinators=[own_organization]
    )
    assert list(project.coordinators.all()) == [own_organization]
    assert project.status == ProjectStatus.PROPOSED
    assert AuditEvent.objects.filter(event="projects.created", subject=f"project:{project.pk}").exists()


def test_an_officer_cannot_name_another_organization_as_coordinator(
    officer: User, own_organization: Organization, other_organization: Organization
) -> None:
    """S7/S11: no organization is enrolled by another one."""
    for coordinators in ([other_organization], [own_organization, other_organization]):
        with pytest.raises(PermissionDenied, match="names no other organization"):
            create_project(actor=officer, title="X", coordinators=coordinators)
    assert Project.objects.count() == 0


def test_the_committee_creates_projects_but_a_delegate_does_not(
    committee: User, delegate: User, own_organization: Organization
) -> None:
    create_project(actor=committee, title="World main task", coordinators=[own_organization])
    with pytest.raises(PermissionDenied):
        create_project(actor=delegate, title="Y", coordinators=[own_organization])
    assert Project.objects.count() == 1


def test_a_single_project_needs_start_and_end_dates(committee: User, own_organization: Organization) -> None:
    """S9: "single projects planned for a limited time"."""
    with pytest.raises(ValidationError, match="limited time"):
        create_project(actor=committee, title="Brigade", kind=Kind.SINGLE, coordinators=[own_organization])
    project = create_project(
        actor=committee,
        title="Brigade",
        kind=Kind.SINGLE,
        starts_on=date(2015, 6, 1),
        ends_on=date(2015, 10, 31),
        coordinators=[own_organization],
    )
    assert (project.starts_on, project.ends_on) == (date(2015, 6, 1), date(2015, 10, 31))


def test_the_database_refuses_a_single_project_without_dates() -> None:
    """S9, backed by a CheckConstraint."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(title="No dates", kind=Kind.SINGLE)


def test_the_database_refuses_a_continental_project_without_its_continent() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(title="Nowhere", level=Level.CONTINENT)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"level": Level.CONTINENT}, "names its continent"),
        ({"level": Level.REGION, "region_name": "Balkans"}, "names its region"),
        ({"level": "galactic"}, "Unknown level"),
    ],
)
def test_a_restricted_level_must_name_its_area(
    committee: User, own_organization: Organization, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        create_project(actor=committee, title="T", coordinators=[own_organization], **fields)  # type: ignore[arg-type]


def test_a_regional_project_keeps_its_countries(committee: User, own_organization: Organization) -> None:
    project = create_project(
        actor=committee,
        title="Balkan solidarity",
        level=Level.REGION,
        region_name="Balkans",
        region_countries=["rs", "BA", "HR"],
        coordinators=[own_organization],
    )
    project.refresh_from_db()
    assert [str(country.code) for country in project.region_countries] == ["BA", "HR", "RS"]


def test_status_moves_forward_only(committee: User) -> None:
    project = make_project(status=ProjectStatus.PROPOSED)
    set_project_status(project, actor=committee, status=ProjectStatus.ACTIVE)
    set_project_status(project, actor=committee, status=ProjectStatus.COMPLETED)
    with pytest.raises(ValidationError):
        set_project_status(project, actor=committee, status=ProjectStatus.ACTIVE)
    project.refresh_from_db()
    assert project.status == ProjectStatus.COMPLETED


def test_only_coordinators_or_the_committee_change_the_status(
    other_officer: User, officer: User, own_organization: Organization
) -> None:
    project = make_project(coordinators=[own_organization], status=ProjectStatus.PROPOSED)
    with pytest.raises(PermissionDenied):
        set_project_status(project, actor=other_officer, status=ProjectStatus.ACTIVE)
    set_project_status(project, actor=officer, status=ProjectStatus.ACTIVE)
    project.refresh_from_db()
    assert project.status == ProjectStatus.ACTIVE


def _motion(organization: Organization, state: str):  # type: ignore[no-untyped-def]
    from icor.conferences.models import AgendaItem, Conference, Motion

    conference = Conference.objects.create(
        kind="world",
        title="World Conference",
        starts_on=date(2025, 3, 1),
        ends_on=date(2025, 3, 3),
        online=True,
    )
    item = AgendaItem.objects.create(conference=conference, position=1, title="Joint projects")
    return Motion.objects.create(
        agenda_item=item,
        kind="current-affairs",
        title="Launch the brigade",
        text="…",
        organization=organization,
        state=state,
    )


def test_a_project_can_name_the_adopted_motion_that_launched_it(
    committee: User, own_organization: Organization
) -> None:
    motion = _motion(own_organization, "adopted")
    project = create_project(
        actor=committee, title="Brigade", coordinators=[own_organization], launching_motion=motion
    )
    assert project.launching_motion == motion
    assert project.launching_decision == "Launch the brigade"


def test_a_motion_not_adopted_cannot_launch_a_project(
    committee: User, own_organization: Organization
) -> None:
    motion = _motion(own_organization, "in_discussion")
    with pytest.raises(ValidationError, match="adopted motion"):
        create_project(actor=committee, title="B", coordinators=[own_organization], launching_motion=motion)
