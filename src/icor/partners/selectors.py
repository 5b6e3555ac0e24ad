"""Reads of the partners app."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import QuerySet

from icor.partners.models import Partner


def partners() -> QuerySet[Partner]:
    return Partner.objects.prefetch_related("projects").order_by("name")


def conference_invitations(partner: Partner) -> list[Any]:
    """Conferences to which the committee invited this partner's observers (the conferences app's guests)."""
    if not apps.is_installed("icor.conferences"):
        return []
    guest = apps.get_model("conferences", "Guest")
    rows = (
        guest.objects.filter(user__partner=partner)
        .select_related("conference")
        .order_by("-conference__starts_on")
    )
    seen: dict[int, Any] = {}
    for row in rows:
        seen.setdefault(row.conference_id, row.conference)
    return list(seen.values())
