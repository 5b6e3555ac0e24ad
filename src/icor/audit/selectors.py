"""Reads of the audit chain: who may see which events, filtered by event type."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext

from icor.audit.models import AuditEvent
from icor.core.roles import Role


def visible_events(*, viewer: Any, event: str = "") -> QuerySet[AuditEvent]:
    """The committee and the operator see the whole chain; an officer only their organization's events.

    S11: an organization's own record is its business; the committee sees what it coordinates.
    """
    role = getattr(viewer, "role", None)
    if role in (Role.COMMITTEE, Role.OPERATOR) or getattr(viewer, "is_superuser", False):
        events = AuditEvent.objects.all()
    elif role == Role.OFFICER and viewer.organization_id is not None:
        events = AuditEvent.objects.filter(actor_organization_id=viewer.organization_id)
    else:
        raise PermissionDenied(
            gettext("Only officers (for their own organization) and the committee see the audit log.")
        )
    if event:
        events = events.filter(event=event)
    return events.order_by("-sequence")


def event_types(*, viewer: Any) -> list[str]:
    return sorted(set(visible_events(viewer=viewer).order_by().values_list("event", flat=True).distinct()))
