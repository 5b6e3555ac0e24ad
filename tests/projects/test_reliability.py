"""The reliability record (S8) is derived from the task timeline: on time, late, overdue, dropped."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from icor.accounts.models import User
from icor.projects.models import Task
from icor.projects.selectors.reliability import reliability_by_project, reliability_of, reliability_records
from icor.projects.services import tasks
from icor.registry.models import Organization
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def _task(project, days_from_today: int) -> Task:  # type: ignore[no-untyped-def]
    return Task.objects.create(
        project=project,
        title=f"due {days_from_today}",
        due_on=timezone.localdate() + timedelta(days_from_today),
    )


def test_the_record_counts_each_way_an_accepted_task_can_end(
    officer: User, own_organization: Organization
) -> None:
    project = make_project()
    on_time, late, overdue, dropped, running = (_task(project, d) for d in (3, -2, -1, 5, 9))
    for task in (on_time, late, overdue, dropped, running):
        tasks.accept_task(task, actor=officer, organization=own_organization)
    tasks.mark_done(on_time, actor=officer, organization=own_organization)
    tasks.mark_done(late, actor=officer, organization=own_organization)
    tasks.drop_task(dropped, actor=officer, organization=own_organization, reason="no capacity")
    record = reliability_of(own_organization)
    assert record.as_dict() == {
        "accepted": 5,
        "done_on_time": 1,
        "done_late": 1,
        "overdue": 1,
        "dropped": 1,
        "in_progress": 1,
    }


def test_a_task_dropped_and_taken_over_counts_for_each_organization_separately(
    officer: User, other_officer: User, own_organization: Organization, other_organization: Organization
) -> None:
    project = make_project()
    task = _task(project, 4)
    tasks.accept_task(task, actor=officer, organization=own_organization)
    tasks.drop_task(task, actor=officer, organization=own_organization, reason="arrests")
    tasks.accept_task(task, actor=other_officer, organization=other_organization)
    tasks.mark_done(task, actor=other_officer, organization=other_organization)
    records = {r.organization_id: r.as_dict() for r in reliability_records(project=project)}
    assert records[own_organization.pk]["dropped"] == 1
    assert records[own_organization.pk]["done_on_time"] == 0
    assert records[other_organization.pk]["done_on_time"] == 1
    assert records[other_organization.pk]["accepted"] == 1


def test_the_record_follows_the_timeline_and_stores_no_counter(
    officer: User, own_organization: Organization
) -> None:
    """No stored counters: changing the task history changes the record."""
    project = make_project()
    task = _task(project, -1)
    tasks.accept_task(task, actor=officer, organization=own_organization)
    assert reliability_of(own_organization).overdue == 1
    task.events.all().delete()
    assert reliability_of(own_organization).accepted == 0


def test_records_per_project(officer: User, own_organization: Organization) -> None:
    first, second = make_project(title="A"), make_project(title="B")
    for project in (first, second):
        tasks.accept_task(_task(project, 2), actor=officer, organization=own_organization)
    tasks.mark_done(first.tasks.get(), actor=officer, organization=own_organization)
    rows = {r.project.title: r for r in reliability_by_project(own_organization)}  # type: ignore[union-attr]
    assert (rows["A"].done_on_time, rows["A"].in_progress) == (1, 0)
    assert (rows["B"].done_on_time, rows["B"].in_progress) == (0, 1)
    assert reliability_of(own_organization, project=first).accepted == 1
