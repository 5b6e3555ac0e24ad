"""Reads: projects, who supports what since when, tasks and notifications."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet

from icor.core.collation import by_country_and_name
from icor.projects.models import Notification, Project, Support, Task
from icor.registry.models import Organization


def projects(*, status: str = "", level: str = "", query: str = "") -> QuerySet[Project]:
    result = Project.objects.prefetch_related(
        "coordinators", Prefetch("supports", queryset=Support.objects.filter(until__isnull=True))
    )
    if status:
        result = result.filter(status=status)
    if level:
        result = result.filter(level=level)
    if query:
        result = result.filter(Q(title__icontains=query) | Q(description__icontains=query))
    return result.order_by("-created_at", "-pk")


def support_history(project: Project) -> list[Support]:
    """Every support period of a project, the open ones first, organizations in the reader's alphabetical order."""
    supports = list(project.supports.select_related("organization").order_by("since"))
    return sorted(supports, key=lambda s: (s.until is not None, by_country_and_name(s.organization), s.since))


def supported_by(organization: Organization) -> QuerySet[Support]:
    """What an organization supports and has supported, with the dates."""
    return (
        Support.objects.filter(organization=organization)
        .select_related("project")
        .order_by(F("until").desc(nulls_first=True), "-since")
    )


def tasks_of(project: Project) -> QuerySet[Task]:
    return project.tasks.select_related("organization").order_by("due_on", "pk")


def task_with_timeline(pk: int) -> Task | None:
    return (
        Task.objects.select_related("project", "organization")
        .prefetch_related("events__organization")
        .filter(pk=pk)
        .first()
    )


def notifications_for(account: Any, *, unread_only: bool = True) -> QuerySet[Notification]:
    recipients = Q(account_id=account.pk)
    if getattr(account, "organization_id", None) is not None:
        recipients |= Q(organization_id=account.organization_id)
    result = Notification.objects.filter(recipients)
    if unread_only:
        result = result.filter(read_at__isnull=True)
    return result.order_by("-created_at", "-pk")
