"""Every write of the partners app (S13): partners are recorded, never made members."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext
from rules import has_perm

from icor.audit.services import record_event
from icor.core.refusals import WRONG_STATE
from icor.partners.models import Partner, PartnerKind
from icor.projects.models import Project

SEED_FILE = Path(__file__).resolve().parent / "data" / "partners.json"
FIELDS = (
    "name",
    "abbreviation",
    "kind",
    "description",
    "website",
    "founded_year",
    "founding_planned",
    "founding_note",
)


def load_partners(path: Path = SEED_FILE) -> int:
    """Create or update the partners of the data file by slug; returns how many rows changed (idempotent)."""
    rows = json.loads(path.read_text(encoding="utf-8"))["partners"]
    changed = 0
    with transaction.atomic():
        for row in rows:
            if row["kind"] not in PartnerKind.values:
                raise ValidationError(
                    gettext("%(path)s: unknown kind “%(kind)s” for %(slug)s")
                    % {"path": path, "kind": row["kind"], "slug": row["slug"]}
                )
            values = {
                field: row.get(field) if row.get(field) is not None else _empty(field) for field in FIELDS
            }
            partner = Partner.objects.filter(slug=row["slug"]).first()
            if partner is None:
                partner = Partner.objects.create(slug=row["slug"], **values)
            elif all(getattr(partner, field) == value for field, value in values.items()):
                continue
            else:
                for field, value in values.items():
                    setattr(partner, field, value)
                partner.save()
            changed += 1
            record_event("partners.loaded", subject=f"partner:{partner.pk}", data={"slug": partner.slug})
    return changed


def _empty(field: str) -> Any:
    return {"founded_year": None, "founding_planned": False}.get(field, "")


def link_project(partner: Partner, project: Project, *, actor: Any) -> None:
    """Record that a partner cooperates on a project: the committee or the project's coordinators."""
    if not has_perm("partners.link_project", actor, project):
        raise PermissionDenied(
            gettext(
                "Only the coordinating committee or the project's coordinators record a partner's cooperation."
            )
        )
    with transaction.atomic():
        if partner.projects.filter(pk=project.pk).exists():
            raise ValidationError(
                gettext("%(partner)s already cooperates on this project.") % {"partner": partner.short_name},
                code=WRONG_STATE,
            )
        partner.projects.add(project)
        record_event(
            "partners.project_linked",
            actor=actor,
            subject=f"partner:{partner.pk}",
            data={"project": project.pk},
        )


def unlink_project(partner: Partner, project: Project, *, actor: Any) -> None:
    if not has_perm("partners.link_project", actor, project):
        raise PermissionDenied(
            gettext(
                "Only the coordinating committee or the project's coordinators record a partner's cooperation."
            )
        )
    with transaction.atomic():
        partner.projects.remove(project)
        record_event(
            "partners.project_unlinked",
            actor=actor,
            subject=f"partner:{partner.pk}",
            data={"project": project.pk},
        )


def record_partner(
    *,
    actor: Any,
    name: str,
    kind: str,
    abbreviation: str = "",
    description: str = "",
    website: str = "",
    founded_year: int | None = None,
    founding_planned: bool = False,
    founding_note: str = "",
) -> Partner:
    """The coordinating committee records a new partner (S13): a partner, never a member."""
    if not has_perm("partners.record_partner", actor):
        raise PermissionDenied(gettext("Only the coordinating committee records partners."))
    if kind not in PartnerKind.values:
        raise ValidationError(gettext("Unknown kind of partner."))
    name = name.strip()
    if not name:
        raise ValidationError(gettext("A partner needs a name."))
    if Partner.objects.filter(name__iexact=name).exists():
        raise ValidationError(gettext("A partner of this name is recorded already."), code=WRONG_STATE)
    base = slugify(abbreviation.strip() or name)[:70] or "partner"
    slug, number = base, 2
    while Partner.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    with transaction.atomic():
        partner = Partner.objects.create(
            name=name,
            abbreviation=abbreviation.strip(),
            slug=slug,
            kind=kind,
            description=description.strip(),
            website=website.strip(),
            founded_year=founded_year,
            founding_planned=founding_planned,
            founding_note=founding_note.strip(),
        )
        record_event("partner.recorded", actor=actor, subject=f"partner:{partner.pk}", data={"kind": kind})
    return partner
