"""In-platform notifications and reminders for accepted tasks coming due (S8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from icor.accounts.models import Role, User
from icor.projects.models import Notification, Task, TaskState


@dataclass(frozen=True)
class ReminderSummary:
    notifications: int
    emails: int


def send_reminders(*, days: int = 7) -> ReminderSummary:
    """Remind each organization of its accepted tasks due within `days` (or overdue), once per task."""
    if days < 0:
        raise ValueError("days must not be negative")
    today = timezone.localdate()
    horizon = today + timedelta(days=days)
    created = emails = 0
    tasks = (
        Task.objects.filter(state=TaskState.ACCEPTED, due_on__lte=horizon)
        .select_related("project", "organization")
        .order_by("due_on", "pk")
    )
    for task in tasks:
        organization = task.organization
        assert organization is not None  # an accepted task names its organization (DB constraint)
        key = f"task-due:{task.pk}:{organization.pk}:{task.due_on.isoformat()}"
        if task.due_on < today:
            text = gettext("Overdue since %(due)s: “%(task)s” (%(project)s).")
        else:
            text = gettext("Due on %(due)s: “%(task)s” (%(project)s).")
        text %= {"due": task.due_on.isoformat(), "task": task.title, "project": task.project.title}
        link = reverse("projects:task", args=[task.pk])
        with transaction.atomic():
            _, is_new = Notification.objects.get_or_create(
                key=key, defaults={"organization": organization, "text": text[:400], "link": link}
            )
        if not is_new:
            continue
        created += 1
        addresses = list(
            User.objects.filter(
                organization=organization, role__in=[Role.OFFICER, Role.DELEGATE], is_active=True
            )
            .exclude(email="")
            .values_list("email", flat=True)
        )
        for address in addresses:
            # One message per address: accounts of an organization never see each other's addresses.
            emails += send_mail(
                subject=gettext("ICOR task reminder"),
                message=f"{text}\n\n{link}",
                from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None),
                recipient_list=[address],
                fail_silently=True,
            )
    return ReminderSummary(created, emails)


def mark_read(notification: Notification, *, actor: Any) -> Notification:
    own_account = notification.account_id is not None and notification.account_id == getattr(
        actor, "pk", None
    )
    own_organization = notification.organization_id is not None and notification.organization_id == getattr(
        actor, "organization_id", None
    )
    if not (own_account or own_organization):
        raise PermissionDenied(gettext("This notification is not addressed to you or your organization."))
    with transaction.atomic():
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification
