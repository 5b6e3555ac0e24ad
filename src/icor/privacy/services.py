"""An organization's own export and erasure of its data (S11). Only its own officers may do either."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from icor.accounts.models import Role
from icor.audit.services import record_event
from icor.privacy.registry import erasers, exporters
from icor.registry.models import Organization

EXPORT_FORMAT = "icor-organization-export/1"


def _require_own_officer(organization: Organization, actor: Any, refusal: str) -> None:
    """`refusal` is a whole translated sentence with an %(organization)s slot (a verb slotted in would not translate)."""
    # S11: not even the coordinating committee or the operator acts for another organization.
    if (
        getattr(actor, "role", None) != Role.OFFICER
        or getattr(actor, "organization_id", None) != organization.pk
    ):
        raise PermissionDenied(refusal % {"organization": organization.short_name})


def export_organization(organization: Organization, *, actor: Any) -> dict[str, Any]:
    """Everything the platform holds about one organization, as plain JSON values."""
    _require_own_officer(
        organization,
        actor,
        gettext(
            "Only an officer of %(organization)s can export its data "
            "(S11: nobody acts in the name of another organization)."
        ),
    )
    with transaction.atomic():
        sections = {name: exporter(organization) for name, exporter in exporters().items()}
        exported_at = timezone.now()
        record_event(
            "privacy.exported",
            actor=actor,
            organization_id=organization.pk,
            subject=f"organization:{organization.pk}",
            data={"sections": sorted(sections)},
        )
    document = {
        "format": EXPORT_FORMAT,
        "exported_at": exported_at,
        "organization_id": organization.pk,
        "sections": sections,
    }
    # Round-trip through JSON so callers get exactly what a download would contain.
    return json.loads(json.dumps(document, cls=DjangoJSONEncoder))  # type: ignore[no-any-return]


def erase_personal_data(organization: Organization, *, actor: Any) -> dict[str, int]:
    """Remove the personal data of the organization's accounts and records; the record stays.

    Decisions, counted ballots and the audit chain remain, without names: they were taken
    by the organization (S1), and the chain holds no personal data by construction.
    """
    _require_own_officer(
        organization,
        actor,
        gettext(
            "Only an officer of %(organization)s can erase its data "
            "(S11: nobody acts in the name of another organization)."
        ),
    )
    summary: dict[str, int] = {}
    with transaction.atomic():
        organization = Organization.objects.select_for_update().get(pk=organization.pk)
        for name, eraser in erasers().items():
            for what, count in eraser(organization).items():
                summary[f"{name}.{what}"] = count
        record_event(
            "privacy.erased",
            actor=actor,
            organization_id=organization.pk,
            subject=f"organization:{organization.pk}",
            data={"erased": summary},
        )
    return summary
