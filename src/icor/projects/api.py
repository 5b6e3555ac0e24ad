"""JSON API of joint projects, tasks, reliability records, calendar, brigades and notifications.

Writes use the Django session and the CSRF token (ninja's django_auth) and call the services:
a refusal comes back as 403 (not allowed, e.g. acting for another organization, S11) or 422
(not possible, e.g. a task already accepted), body `{"detail": "reason"}`; nothing has changed."""

from __future__ import annotations

from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from icor.core.refusals import REFUSED
from icor.projects import schemas
from icor.projects.models import (
    Activity,
    Assignment,
    Need,
    Notification,
    Participation,
    Project,
    Task,
    TaskEvent,
    Volunteer,
)
from icor.projects.selectors import projects as selectors
from icor.projects.selectors.brigades import PLAN_WEEKS, Week, brigade_plan, visible_volunteers
from icor.projects.selectors.calendar import activities
from icor.projects.selectors.reliability import (
    ReliabilityRecord,
    reliability_by_project,
    reliability_of,
    reliability_records,
)
from icor.projects.services import activities as activity_services
from icor.projects.services import brigades as brigade_services
from icor.projects.services import notifications as notification_services
from icor.projects.services import projects as services
from icor.projects.services import tasks as task_services
from icor.registry.models import Organization

router = Router(tags=["projects"])


def _acting_for(request: HttpRequest, slug: str | None) -> Organization:
    """The organization named in the request, or the account's own; the service refuses any other (S11)."""
    if slug:
        return get_object_or_404(Organization, slug=slug)
    organization = getattr(request.user, "organization", None)
    if organization is None:
        raise HttpError(403, gettext("Only accounts of a member organization act for an organization."))
    return organization  # type: ignore[no-any-return]


def _task(task_id: int) -> Task:
    task = selectors.task_with_timeline(task_id)
    if task is None:
        raise Http404(gettext("No task with this id."))
    return task


def _brigade(project_id: int) -> Project:
    return get_object_or_404(Project, pk=project_id, recruits_volunteers=True)


# --- projects and support (S7, S9) ---------------------------------------------------------------


@router.get("", response=list[schemas.ProjectOut], summary="Joint projects")
def list_projects(request: HttpRequest, status: str = "", level: str = "") -> list[dict[str, Any]]:
    queryset = selectors.projects(status=status, level=level).prefetch_related("supports__organization")
    return [schemas.project_out(project) for project in queryset]


@router.get(
    "/{int:project_id}",
    response=schemas.ProjectDetailOut,
    summary="One project with its support history and tasks",
)
def project_detail(request: HttpRequest, project_id: int) -> dict[str, Any]:
    project = selectors.projects().filter(pk=project_id).first()
    if project is None:
        raise Http404(gettext("No project with this id."))
    data = schemas.project_out(project)
    data["description"] = project.description
    data["support_history"] = [
        {
            "organization": s.organization.slug,
            "organization_name": s.organization.short_name,
            "since": s.since,
            "until": s.until,
        }
        for s in selectors.support_history(project)
    ]
    data["tasks"] = list(selectors.tasks_of(project))
    return data


@router.post(
    "/{int:project_id}/support",
    auth=django_auth,
    response={201: schemas.SupportOut, **REFUSED},
    summary="Declare support for your own organization (S7)",
)
def declare_support(request: HttpRequest, project_id: int) -> Status[dict[str, Any]]:
    project = get_object_or_404(Project, pk=project_id)
    return _support_action(request, project, withdraw=False)


@router.post(
    "/{int:project_id}/support/withdraw",
    auth=django_auth,
    response={201: schemas.SupportOut, **REFUSED},
    summary="Withdraw your own organization's support (S7)",
)
def withdraw_support(request: HttpRequest, project_id: int) -> Status[dict[str, Any]]:
    project = get_object_or_404(Project, pk=project_id)
    return _support_action(request, project, withdraw=True)


def _support_action(request: HttpRequest, project: Project, *, withdraw: bool) -> Status[dict[str, Any]]:
    organization = _acting_for(request, None)
    service = services.withdraw_support if withdraw else services.declare_support
    support = service(project, actor=request.user, organization=organization)
    return Status(
        201,
        {
            "organization": organization.slug,
            "organization_name": organization.short_name,
            "since": support.since,
            "until": support.until,
        },
    )


# --- tasks (S8) ----------------------------------------------------------------------------------


@router.post(
    "/{int:project_id}/tasks",
    auth=django_auth,
    response={201: schemas.TaskDetailOut, **REFUSED},
    summary="Add a task (the coordinating organizations' officers or the committee)",
)
def create_task(request: HttpRequest, project_id: int, payload: schemas.TaskIn) -> Status[Task]:
    project = get_object_or_404(Project, pk=project_id)
    task = task_services.create_task(project, actor=request.user, **payload.dict())
    return Status(201, _task(task.pk))


@router.get("/tasks/{int:task_id}", response=schemas.TaskDetailOut, summary="One task with its timeline (S8)")
def task_detail(request: HttpRequest, task_id: int) -> Task:
    return _task(task_id)


@router.post(
    "/tasks/{int:task_id}/accept",
    auth=django_auth,
    response={200: schemas.TaskDetailOut, **REFUSED},
    summary="Accept a task for your own organization (S7, S8, S11)",
)
def accept_task(request: HttpRequest, task_id: int, payload: schemas.ActingIn) -> Task:
    task, organization = _task(task_id), _acting_for(request, payload.organization)
    task_services.accept_task(task, actor=request.user, organization=organization)
    return _task(task_id)


@router.post(
    "/tasks/{int:task_id}/progress",
    auth=django_auth,
    response={201: schemas.TaskEventOut, **REFUSED},
    summary="Report progress on a task your organization accepted (S8)",
)
def report_progress(request: HttpRequest, task_id: int, payload: schemas.ProgressIn) -> Status[TaskEvent]:
    task, organization = _task(task_id), _acting_for(request, payload.organization)
    event = task_services.report_progress(
        task, actor=request.user, organization=organization, note=payload.note
    )
    return Status(201, event)


@router.post(
    "/tasks/{int:task_id}/done",
    auth=django_auth,
    response={200: schemas.TaskDetailOut, **REFUSED},
    summary="Mark a task your organization accepted as done (S8)",
)
def mark_done(request: HttpRequest, task_id: int, payload: schemas.NoteIn) -> Task:
    task, organization = _task(task_id), _acting_for(request, payload.organization)
    task_services.mark_done(task, actor=request.user, organization=organization, note=payload.note)
    return _task(task_id)


@router.post(
    "/tasks/{int:task_id}/drop",
    auth=django_auth,
    response={200: schemas.TaskDetailOut, **REFUSED},
    summary="Give a task back, saying why; it is open again for others (S8)",
)
def drop_task(request: HttpRequest, task_id: int, payload: schemas.DropIn) -> Task:
    task, organization = _task(task_id), _acting_for(request, payload.organization)
    task_services.drop_task(task, actor=request.user, organization=organization, reason=payload.reason)
    return _task(task_id)


# --- reliability records (S8) --------------------------------------------------------------------


@router.get(
    "/reliability",
    response=list[schemas.ReliabilityOut],
    summary="Reliability records of all organizations (S8)",
)
def reliability(request: HttpRequest, project: int | None = None) -> list[ReliabilityRecord]:
    chosen = get_object_or_404(Project, pk=project) if project is not None else None
    return reliability_records(project=chosen)


@router.get(
    "/reliability/{slug}",
    response=list[schemas.ReliabilityOut],
    summary="One organization: in all projects, then per project",
)
def organization_reliability(request: HttpRequest, slug: str) -> list[ReliabilityRecord]:
    organization = get_object_or_404(Organization, slug=slug)
    return [reliability_of(organization), *reliability_by_project(organization)]


# --- calendar of coordinated activities (S10) ----------------------------------------------------


@router.get(
    "/activities", response=list[schemas.ActivityOut], summary="Calendar of coordinated activities (S10)"
)
def calendar(request: HttpRequest) -> list[dict[str, Any]]:
    return [schemas.activity_out(activity) for activity in activities()]


@router.post(
    "/activities",
    auth=django_auth,
    response={201: schemas.ActivityOut, **REFUSED},
    summary="Put an activity in the calendar (the committee, or an officer in its organization's name)",
)
def create_activity(request: HttpRequest, payload: schemas.ActivityIn) -> Status[dict[str, Any]]:
    activity = activity_services.create_activity(actor=request.user, **payload.dict())
    return Status(201, schemas.activity_out(activity))


@router.post(
    "/activities/{int:activity_id}/participation",
    auth=django_auth,
    response={201: schemas.ParticipationOut, **REFUSED},
    summary="Report your own organization's participation (S10, S11)",
)
def report_participation(
    request: HttpRequest, activity_id: int, payload: schemas.ParticipationIn
) -> Status[Participation]:
    activity = get_object_or_404(Activity, pk=activity_id)
    organization = _acting_for(request, payload.organization)
    participation = activity_services.report_participation(
        activity, actor=request.user, organization=organization, **payload.dict(exclude={"organization"})
    )
    return Status(201, participation)


# --- brigades (S15) ------------------------------------------------------------------------------


@router.get(
    "/{int:project_id}/brigade", response=list[schemas.WeekOut], summary="Brigade plan week by week (S15)"
)
def brigade(
    request: HttpRequest,
    project_id: int,
    from_day: Annotated[
        schemas.Day | None,
        Query(
            description=f"the plan shows {PLAN_WEEKS} weeks from the week of this day (default: this week)"
        ),
    ] = None,
) -> list[Week]:
    return brigade_plan(_brigade(project_id), request.user, from_day=from_day).weeks


@router.get(
    "/{int:project_id}/brigade/volunteers",
    response=list[schemas.VolunteerOut],
    summary="Volunteers you may see: your organization's own, or all if your organization coordinates (S15)",
)
def brigade_volunteers(request: HttpRequest, project_id: int) -> list[Volunteer]:
    return visible_volunteers(_brigade(project_id), request.user)


@router.post(
    "/{int:project_id}/brigade/volunteers",
    auth=django_auth,
    response={201: schemas.VolunteerOut, **REFUSED},
    summary="Offer a volunteer of your own organization (its officers only; S11, S15)",
)
def register_volunteer(
    request: HttpRequest, project_id: int, payload: schemas.VolunteerIn
) -> Status[Volunteer]:
    project = _brigade(project_id)
    organization = _acting_for(request, payload.organization)
    volunteer = brigade_services.register_volunteer(
        project,
        actor=request.user,
        organization=organization,
        pseudonym=payload.pseudonym,
        skills=payload.skills,
        languages=payload.languages,
        availability=[(period.starts_on, period.ends_on) for period in payload.availability],
    )
    return Status(201, volunteer)


@router.post(
    "/{int:project_id}/brigade/needs",
    auth=django_auth,
    response={201: schemas.NeedSetOut, **REFUSED},
    summary="Set a need in whole weeks (the coordinating organizations' officers; S15)",
)
def set_need(request: HttpRequest, project_id: int, payload: schemas.NeedIn) -> Status[Need]:
    project = _brigade(project_id)
    need = brigade_services.set_need(project, actor=request.user, **payload.dict())
    return Status(201, need)


@router.post(
    "/{int:project_id}/brigade/assignments",
    auth=django_auth,
    response={201: schemas.AssignmentOut, **REFUSED},
    summary="Place a volunteer on site (the coordinating organizations' officers; S15)",
)
def assign_volunteer(
    request: HttpRequest, project_id: int, payload: schemas.AssignmentIn
) -> Status[Assignment]:
    volunteer = get_object_or_404(Volunteer, pk=payload.volunteer, project=_brigade(project_id))
    assignment = brigade_services.assign_volunteer(
        volunteer, actor=request.user, starts_on=payload.starts_on, ends_on=payload.ends_on
    )
    return Status(201, assignment)


# --- notifications -------------------------------------------------------------------------------


@router.get(
    "/notifications",
    auth=django_auth,
    response=list[schemas.NotificationOut],
    summary="Notifications for you and your organization, newest first",
)
def notifications(request: HttpRequest, include_read: bool = False) -> QuerySet[Notification]:
    return selectors.notifications_for(request.user, unread_only=not include_read)[:200]


@router.post(
    "/notifications/{int:notification_id}/read",
    auth=django_auth,
    response={200: schemas.NotificationOut, **REFUSED},
    summary="Mark a notification for you or your organization as read",
)
def notification_read(request: HttpRequest, notification_id: int) -> Notification:
    notification = get_object_or_404(Notification, pk=notification_id)
    return notification_services.mark_read(notification, actor=request.user)
