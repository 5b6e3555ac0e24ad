"""The reliability record (S8), derived from the task timeline alone: nothing is typed in or counted ahead."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from icor.core.collation import by_place_and_name
from icor.projects.models import Project, TaskEvent, TaskEventKind
from icor.registry.models import Organization


@dataclass
class ReliabilityRecord:
    """How an organization has carried out the tasks it accepted, in one project or in all."""

    organization_id: int
    project_id: int | None = None
    accepted: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    dropped: int = 0
    in_progress: int = 0
    organization: Organization | None = field(default=None, compare=False)
    project: Project | None = field(default=None, compare=False)

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    def as_dict(self) -> dict[str, int]:
        return {
            "accepted": self.accepted,
            "done_on_time": self.done_on_time,
            "done_late": self.done_late,
            "overdue": self.overdue,
            "dropped": self.dropped,
            "in_progress": self.in_progress,
        }


@dataclass(frozen=True)
class Commitment:
    """One acceptance of one task by one organization, and how it ended (or not yet)."""

    task_id: int
    project_id: int
    organization_id: int
    due_on: date
    outcome: str  # done_on_time, done_late, dropped, overdue, in_progress


def commitments(events: Iterable[TaskEvent], *, today: date) -> list[Commitment]:
    """Walk each task's timeline: every `accepted` opens a commitment, `done` or `dropped` closes it."""
    open_by_task: dict[int, TaskEvent] = {}
    result: list[Commitment] = []
    for event in events:
        task = event.task
        if event.kind == TaskEventKind.ACCEPTED:
            open_by_task[task.pk] = event
        elif event.kind in (TaskEventKind.DONE, TaskEventKind.DROPPED) and task.pk in open_by_task:
            del open_by_task[task.pk]
            if event.kind == TaskEventKind.DROPPED:
                outcome = "dropped"
            else:
                outcome = "done_on_time" if event.occurred_on <= task.due_on else "done_late"
            result.append(Commitment(task.pk, task.project_id, event.organization_id, task.due_on, outcome))
    for event in open_by_task.values():
        task = event.task
        outcome = "overdue" if task.due_on < today else "in_progress"
        result.append(Commitment(task.pk, task.project_id, event.organization_id, task.due_on, outcome))
    return result


def _events(**filters: object) -> Iterable[TaskEvent]:
    return (
        TaskEvent.objects.filter(**filters)
        .exclude(kind=TaskEventKind.PROGRESS)
        .select_related("task")
        .order_by("task_id", "created_at", "pk")
    )


def _tally(items: Iterable[Commitment], record: ReliabilityRecord) -> ReliabilityRecord:
    for item in items:
        record.accepted += 1
        setattr(record, item.outcome, getattr(record, item.outcome) + 1)
    return record


def reliability_of(organization: Organization, *, project: Project | None = None) -> ReliabilityRecord:
    filters: dict[str, object] = {"organization": organization}
    if project is not None:
        filters["task__project"] = project
    items = commitments(_events(**filters), today=timezone.localdate())
    record = ReliabilityRecord(
        organization.pk, project.pk if project else None, organization=organization, project=project
    )
    return _tally(items, record)


def reliability_by_project(organization: Organization) -> list[ReliabilityRecord]:
    """One record per project in which the organization has accepted tasks."""
    items = commitments(_events(organization=organization), today=timezone.localdate())
    grouped: dict[int, list[Commitment]] = defaultdict(list)
    for item in items:
        grouped[item.project_id].append(item)
    projects = Project.objects.in_bulk(list(grouped))
    return [
        _tally(
            group,
            ReliabilityRecord(
                organization.pk, project_id, organization=organization, project=projects[project_id]
            ),
        )
        for project_id, group in sorted(grouped.items())
    ]


def reliability_records(*, project: Project | None = None) -> list[ReliabilityRecord]:
    """One record per organization that has ever accepted a task (in the project, if given)."""
    filters: dict[str, object] = {}
    if project is not None:
        filters["task__project"] = project
    items = commitments(_events(**filters), today=timezone.localdate())
    grouped: dict[int, list[Commitment]] = defaultdict(list)
    for item in items:
        grouped[item.organization_id].append(item)
    organizations = Organization.objects.in_bulk(list(grouped))
    records = [
        _tally(
            group,
            ReliabilityRecord(
                organization_id,
                project.pk if project else None,
                organization=organizations[organization_id],
                project=project,
            ),
        )
        for organization_id, group in grouped.items()
    ]
    return sorted(records, key=lambda record: by_place_and_name(record.organization))
