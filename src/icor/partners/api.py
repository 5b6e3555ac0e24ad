"""JSON API of partner organizations and alliances (S13)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from icor.core.collation import collated
from icor.partners import selectors

router = Router(tags=["partners"])


class PartnerOut(Schema):
    slug: str
    name: str
    abbreviation: str
    kind: str = Field(description="`organization` or `alliance`; partners are never members")
    description: str
    website: str
    founded_year: int | None
    founding_planned: bool
    founding_note: str
    projects: list[int] = Field(description="ids of the joint projects it cooperates on")


def _out(partner: Any) -> dict[str, Any]:
    return {
        "slug": partner.slug,
        "name": partner.name,
        "abbreviation": partner.abbreviation,
        "kind": partner.kind,
        "description": partner.description,
        "website": partner.website,
        "founded_year": partner.founded_year,
        "founding_planned": partner.founding_planned,
        "founding_note": partner.founding_note,
        "projects": [project.pk for project in partner.projects.all()],
    }


@router.get("", response=list[PartnerOut], summary="Partner organizations and alliances")
def list_partners(request: HttpRequest) -> list[dict[str, Any]]:
    return [_out(partner) for partner in collated(selectors.partners(), lambda partner: partner.name)]


@router.get("/{slug}", response=PartnerOut, summary="One partner")
def partner_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _out(get_object_or_404(selectors.partners(), slug=slug))
