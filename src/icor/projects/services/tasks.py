"""Tasks: an organization accepts one for itself and answers for it until done or dropped (S8)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from icor.audit.services import record_event
from icor.core.refusals import WRONG_STATE
from icor.projects.authority import require_coordination, require_own
from icor.projects.models import Project, Task, TaskEvent, TaskEventKind, TaskState
from icor.registry.models import Organization


def create_task(project: Project, *, actor: Any, title: str, due_on: date, description: str = "") -> Task:
    require_coordination(
        actor,
        project,
        refusal=gettext(
            "Only the project's coordinating organizations or the coordinating committee can add tasks to this project."
        ),
    )
    if not project.is_open_for_work:
        raise ValidationError(
            gettext("This project is %(status)s.") % {"status": project.get_status_display()},
            code=WRONG_STATE,
        )
    if not title.strip():
        raise ValidationError(gettext("Give the task a title."))
    with transaction.atomic():
        task = Task.objects.create(
            project=project,
            title=title.strip(),
            description=description.strip(),
            due_on=due_on,
            created_by=actor,
        )
        record_event(
            "projects.task_created",
            actor=actor,
            subject=f"task:{task.pk}",
            data={"project": project.pk, "title": task.title, "due_on": due_on},
        )
    return task


def accept_task(task: Task, *, actor: Any, organization: Organization) -> Task:
    """Accepting is the organization's own decision (S7); from then on it is on its record (S8)."""
    require_own(
        actor,
        organization,
        officers_only=False,
        refusal=gettext(
            "Only its own officers and delegates can accept a task for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
    )
    if refusal := task.project.refusal_for(organization):
        raise ValidationError(refusal)
    if not task.project.is_open_for_work:
        raise ValidationError(
            gettext("This project is %(status)s.") % {"status": task.project.get_status_display()},
            code=WRONG_STATE,
        )
    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=task.pk)
        if task.state != TaskState.OPEN:
            raise ValidationError(
                gettext("This task has already been accepted by an organization."), code=WRONG_STATE
            )
        task.state = TaskState.ACCEPTED
        task.organization = organization
        task.save(update_fields=["state", "organization"])
        _event(task, actor=actor, organization=organization, kind=TaskEventKind.ACCEPTED)
    return task


def report_progress(task: Task, *, actor: Any, organization: Organization, note: str) -> TaskEvent:
    if not note.strip():
        raise ValidationError(gettext("Say what has been done so far."))
    with transaction.atomic():
        task = _own_accepted_task(
            task,
            actor=actor,
            organization=organization,
            refusal=gettext(
                "Only its own officers and delegates can report progress for %(organization)s: "
                "nobody acts in the name of another organization, "
                "not even the coordinating committee (S7, S11)."
            ),
        )
        return _event(task, actor=actor, organization=organization, kind=TaskEventKind.PROGRESS, note=note)


def mark_done(task: Task, *, actor: Any, organization: Organization, note: str = "") -> Task:
    with transaction.atomic():
        task = _own_accepted_task(
            task,
            actor=actor,
            organization=organization,
            refusal=gettext(
                "Only its own officers and delegates can mark a task done for %(organization)s: "
                "nobody acts in the name of another organization, "
                "not even the coordinating committee (S7, S11)."
            ),
        )
        task.state = TaskState.DONE
        task.save(update_fields=["state"])
        _event(task, actor=actor, organization=organization, kind=TaskEventKind.DONE, note=note)
    return task


def drop_task(task: Task, *, actor: Any, organization: Organization, reason: str) -> Task:
    """An organization may give a task back, saying why; the task is open again for others."""
    if not reason.strip():
        raise ValidationError(gettext("Give the reason for dropping the task."))
    with transaction.atomic():
        task = _own_accepted_task(
            task,
            actor=actor,
            organization=organization,
            refusal=gettext(
                "Only its own officers and delegates can drop a task for %(organization)s: "
                "nobody acts in the name of another organization, "
                "not even the coordinating committee (S7, S11)."
            ),
        )
        task.state = TaskState.OPEN
        task.organization = None
        task.save(update_fields=["state", "organization"])
        _event(task, actor=actor, organization=organization, kind=TaskEventKind.DROPPED, note=reason)
    return task


def _own_accepted_task(task: Task, *, actor: Any, organization: Organization, refusal: str) -> Task:
    require_own(actor, organization, officers_only=False, refusal=refusal)
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.state != TaskState.ACCEPTED or task.organization_id != organization.pk:
        raise ValidationError(
            gettext("%(organization)s has not accepted this task, or it is already done.")
            % {"organization": organization.short_name},
            code=WRONG_STATE,
        )
    return task


def _event(task: Task, *, actor: Any, organization: Organization, kind: str, note: str = "") -> TaskEvent:
    today = timezone.localdate()
    event = TaskEvent.objects.create(
        task=task, organization=organization, kind=kind, note=note.strip(), occurred_on=today, actor=actor
    )
    record_event(
        f"projects.task_{kind}",
        actor=actor,
        organization_id=organization.pk,
        subject=f"task:{task.pk}",
        data={"project": task.project_id, "due_on": task.due_on, "on": today},
    )
    return event
