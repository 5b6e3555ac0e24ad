"""Tasks (S8): accepted by an organization for itself; progress, done, dropped with a reason; timeline kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from icor.accounts.models import User
from icor.projects.models import Level, Task, TaskEvent, TaskEventKind, TaskState
from icor.projects.services import tasks
from icor.registry.models import Organization
from tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(own_organization: Organization) -> Task:
    project = make_project(coordinators=[own_organization])
    return Task.objects.create(
        project=project, title="Translate the call", due_on=timezone.localdate() + timedelta(7)
    )


def test_coordinators_add_tasks_and_other_officers_cannot(
    officer: User, other_officer: User, own_organization: Organization
) -> None:
    project = make_project(coordinators=[own_organization])
    due = timezone.localdate() + timedelta(days=10)
    task = tasks.create_task(project, actor=officer, title="Print posters", due_on=due)
    assert task.state == TaskState.OPEN
    with pytest.raises(PermissionDenied):
        tasks.create_task(project, actor=other_officer, title="Sneaky", due_on=due)
    assert Task.objects.count() == 1


@pytest.mark.parametrize("actor_fixture", ["officer", "delegate"])
def test_an_officer_or_delegate_accepts_a_task_for_its_own_organization(
    actor_fixture: str, task: Task, own_organization: Organization, request: pytest.FixtureRequest
) -> None:
    tasks.accept_task(task, actor=request.getfixturevalue(actor_fixture), organization=own_organization)
    task.refresh_from_db()
    assert (task.state, task.organization) == (TaskState.ACCEPTED, own_organization)
    assert [e.kind for e in task.events.all()] == [TaskEventKind.ACCEPTED]


@pytest.mark.parametrize("actor_fixture", ["committee", "other_officer"])
def test_nobody_accepts_a_task_for_another_organization(
    actor_fixture: str, task: Task, own_organization: Organization, request: pytest.FixtureRequest
) -> None:
    """S11: not even the coordinating committee accepts a task in another organization's name."""
    with pytest.raises(PermissionDenied):
        tasks.accept_task(task, actor=request.getfixturevalue(actor_fixture), organization=own_organization)
    task.refresh_from_db()
    assert task.state == TaskState.OPEN
    assert not TaskEvent.objects.exists()


def test_another_organization_cannot_report_finish_or_drop_an_accepted_task(
    task: Task, officer: User, other_officer: User, committee: User, own_organization: Organization
) -> None:
    """S11: progress, done and drop are the accepting organization's own acts."""
    tasks.accept_task(task, actor=officer, organization=own_organization)
    for actor in (other_officer, committee):
        with pytest.raises(PermissionDenied):
            tasks.report_progress(task, actor=actor, organization=own_organization, note="done half")
        with pytest.raises(PermissionDenied):
            tasks.mark_done(task, actor=actor, organization=own_organization)
        with pytest.raises(PermissionDenied):
            tasks.drop_task(task, actor=actor, organization=own_organization, reason="x")
    task.refresh_from_db()
    assert task.state == TaskState.ACCEPTED
    assert task.events.count() == 1


def test_an_organization_cannot_act_on_a_task_another_accepted(
    task: Task,
    officer: User,
    other_officer: User,
    other_organization: Organization,
    own_organization: Organization,
) -> None:
    tasks.accept_task(task, actor=officer, organization=own_organization)
    with pytest.raises(ValidationError, match="already been accepted"):
        tasks.accept_task(task, actor=other_officer, organization=other_organization)
    with pytest.raises(ValidationError, match="has not accepted"):
        tasks.mark_done(task, actor=other_officer, organization=other_organization)


def test_the_timeline_keeps_progress_and_completion(
    task: Task, officer: User, delegate: User, own_organization: Organization
) -> None:
    tasks.accept_task(task, actor=delegate, organization=own_organization)
    tasks.report_progress(task, actor=delegate, organization=own_organization, note="Half of it translated")
    tasks.mark_done(task, actor=officer, organization=own_organization, note="Published")
    task.refresh_from_db()
    assert task.state == TaskState.DONE
    assert [(e.kind, e.note) for e in task.events.all()] == [
        (TaskEventKind.ACCEPTED, ""),
        (TaskEventKind.PROGRESS, "Half of it translated"),
        (TaskEventKind.DONE, "Published"),
    ]


def test_dropping_requires_a_reason_and_reopens_the_task(
    task: Task, officer: User, own_organization: Organization
) -> None:
    tasks.accept_task(task, actor=officer, organization=own_organization)
    with pytest.raises(ValidationError, match="reason"):
        tasks.drop_task(task, actor=officer, organization=own_organization, reason="  ")
    tasks.drop_task(task, actor=officer, organization=own_organization, reason="Our printer was seized")
    task.refresh_from_db()
    assert (task.state, task.organization) == (TaskState.OPEN, None)
    assert task.events.last().note == "Our printer was seized"  # type: ignore[union-attr]


def test_the_database_refuses_a_dropped_event_without_reason(
    task: Task, own_organization: Organization
) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskEvent.objects.create(
            task=task,
            organization=own_organization,
            kind=TaskEventKind.DROPPED,
            occurred_on=timezone.localdate(),
        )


def test_the_database_refuses_an_accepted_task_without_organization(task: Task) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.filter(pk=task.pk).update(state=TaskState.ACCEPTED)


def test_a_continental_task_is_refused_to_members_elsewhere(
    officer: User, own_organization: Organization
) -> None:
    """S9: the level of the project applies to its tasks."""
    project = make_project(level=Level.CONTINENT, continent="Africa")
    task = Task.objects.create(project=project, title="T", due_on=timezone.localdate())
    with pytest.raises(ValidationError, match="continental project for Africa"):
        tasks.accept_task(task, actor=officer, organization=own_organization)
