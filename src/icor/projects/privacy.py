"""What the projects app holds about one organization: its export and erasure section (S7 to S11, S15).

Registered in ProjectsConfig.ready(); the privacy service runs both inside its transaction.

Erasure keeps every decision and the history the reliability record (S8) and the brigade plan
(S15) are built from: supports, tasks and their events, participation reports, needs,
assignments and the volunteers' skills and availability. It removes what points at a person:
the volunteer's pseudonym (replaced by a neutral label) and languages, which account of the
organization did what, and the notifications addressed to the organization or its accounts.
Skills stay because the plan's counts and unmet needs are computed from them; languages are
not used by the plan and can tell where a person comes from.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from icor.accounts.models import User
from icor.projects.models import (
    Activity,
    Assignment,
    Need,
    Notification,
    Participation,
    Project,
    Support,
    Task,
    TaskEvent,
    Volunteer,
)
from icor.registry.models import Organization


def volunteer_label(volunteer: Volunteer, organization: Organization) -> str:
    """Shown instead of an erased pseudonym; the number keeps it unique within the project.

    Stored text, so not translated: it must read the same to everyone.
    """
    return f"Volunteer {volunteer.pk} of {organization.short_name}"[:80]


def _tasks(organization: Organization) -> list[dict[str, Any]]:
    events_by_task: dict[int, list[dict[str, Any]]] = {}
    for event in TaskEvent.objects.filter(organization=organization).order_by("created_at", "pk"):
        events_by_task.setdefault(event.task_id, []).append(
            {
                "kind": event.kind,
                "note": event.note,
                "occurred_on": event.occurred_on,
                "created_at": event.created_at,
            }
        )
    # Tasks it holds now, and tasks it once accepted and dropped (their events are its own).
    tasks = Task.objects.filter(Q(organization=organization) | Q(pk__in=list(events_by_task))).order_by(
        "due_on", "pk"
    )
    return [
        {
            "id": task.pk,
            "project": task.project_id,
            "title": task.title,
            "description": task.description,
            "due_on": task.due_on,
            "state": task.state,
            "held_by_your_organization": task.organization_id == organization.pk,
            "events": events_by_task.get(task.pk, []),
        }
        for task in tasks
    ]


def _volunteers(organization: Organization) -> list[dict[str, Any]]:
    volunteers = (
        Volunteer.objects.filter(organization=organization)
        .prefetch_related("availabilities", "assignments")
        .order_by("project_id", "pk")
    )
    return [
        {
            "id": volunteer.pk,
            "project": volunteer.project_id,
            "pseudonym": volunteer.pseudonym,
            "skills": volunteer.skill_list,
            "languages": volunteer.language_list,
            "registered_at": volunteer.registered_at,
            "availability": [
                {"starts_on": period.starts_on, "ends_on": period.ends_on}
                for period in volunteer.availabilities.all()
            ],
            "assignments": [
                {"starts_on": period.starts_on, "ends_on": period.ends_on}
                for period in volunteer.assignments.all()
            ],
        }
        for volunteer in volunteers
    ]


def _notifications_of(organization: Organization) -> Q:
    return Q(organization=organization) | Q(account__organization=organization)


def export_projects(organization: Organization) -> dict[str, Any]:
    """Supports, tasks with its own events, activities and participation, volunteers, notifications."""
    participations = (
        Participation.objects.filter(organization=organization)
        .select_related("activity")
        .order_by("activity__starts_on", "pk")
    )
    return {
        "coordinated_projects": [
            {"id": project.pk, "title": project.title}
            for project in Project.objects.filter(coordinators=organization).order_by("pk")
        ],
        "supports": [
            {"project": s.project_id, "project_title": s.project.title, "since": s.since, "until": s.until}
            for s in Support.objects.filter(organization=organization).select_related("project")
        ],
        "tasks": _tasks(organization),
        "proposed_activities": [
            {
                "id": a.pk,
                "title": a.title,
                "description": a.description,
                "starts_on": a.starts_on,
                "ends_on": a.ends_on,
                "level": a.level,
            }
            for a in Activity.objects.filter(proposed_by=organization).order_by("starts_on", "pk")
        ],
        "participation_reports": [
            {
                "activity": p.activity_id,
                "activity_title": p.activity.title,
                "what": p.what,
                "city": p.city,
                "country": p.place_country,
                "people": p.people,
                "reported_at": p.reported_at,
            }
            for p in participations
        ],
        "volunteers": _volunteers(organization),
        "notifications": [
            {
                "to_account": n.account_id,
                "text": n.text,
                "link": n.link,
                "created_at": n.created_at,
                "read_at": n.read_at,
            }
            for n in Notification.objects.filter(_notifications_of(organization)).order_by("created_at", "pk")
        ],
    }


def erase_projects(organization: Organization) -> dict[str, int]:
    """Pseudonyms and languages of its volunteers, links to its accounts, its notifications go."""
    volunteers = list(Volunteer.objects.select_for_update().filter(organization=organization))
    for volunteer in volunteers:
        volunteer.pseudonym = volunteer_label(volunteer, organization)
        volunteer.languages = ""
    Volunteer.objects.bulk_update(volunteers, ["pseudonym", "languages"])
    notifications, _ = Notification.objects.filter(_notifications_of(organization)).delete()
    accounts = User.objects.filter(organization=organization).values("pk")
    # Which of its accounts acted is personal; the organization each record names stays.
    links = sum(
        model.objects.filter(**{f"{field}__in": accounts}).update(**{field: None})
        for model, field in (
            (Project, "created_by"),
            (Support, "declared_by"),
            (Support, "withdrawn_by"),
            (Task, "created_by"),
            (TaskEvent, "actor"),
            (Activity, "created_by"),
            (Participation, "reported_by"),
            (Volunteer, "registered_by"),
            (Need, "set_by"),
            (Assignment, "assigned_by"),
        )
    )
    return {"volunteers": len(volunteers), "notifications": notifications, "account_links": links}
