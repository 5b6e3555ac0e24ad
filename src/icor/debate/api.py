"""The debate in JSON: contributions, amendments with their differences, the list of speakers.

Session authentication; unsafe methods need the CSRF token (header X-CSRFToken).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from icor.conferences.models import Conference, Motion
from icor.core import bounds
from icor.core.refusals import REFUSED
from icor.debate import selectors, services
from icor.debate.models import Amendment, Contribution, Speaker, Stance

router = Router(tags=["debate"], auth=django_auth)


# Organizations are named by their slug everywhere in the API, as in the page addresses.
OrganizationSlug = Field(description="slug of the organization, as in `GET /api/registry/organizations`")
OrganizationName = Field(description="its short name, for display")


class ContributionOut(Schema):
    id: int
    parent: int | None
    organization: str = OrganizationSlug
    organization_name: str = OrganizationName
    author_name: str
    stance: str
    text: str
    created_at: datetime


class ContributionIn(Schema):
    text: str = Field(min_length=1, max_length=bounds.MAX_CONTRIBUTION)
    stance: Stance = Stance.COMMENT
    parent: int | None = None


class SegmentOut(Schema):
    operation: str
    text: str


class AmendmentTranslationOut(Schema):
    language: str
    proposed_text: str
    rationale: str
    organization: str = Field(description="slug of the organization that provided the translation")
    organization_name: str = OrganizationName
    updated_at: datetime


class AmendmentTranslationIn(Schema):
    language: str = Field(max_length=12)
    proposed_text: str = Field(min_length=1, max_length=20_000)
    rationale: str = Field("", max_length=20_000)


class AmendmentOut(Schema):
    id: int
    number: int
    organization: str = OrganizationSlug
    organization_name: str = OrganizationName
    author_name: str
    base_version: int
    state: str
    proposed_text: str
    rationale: str
    diff: list[SegmentOut]
    words_removed: int
    words_added: int
    amends_current_text: bool
    resulting_version: int | None
    language: str = Field(description="language of the amendment as proposed, the authoritative text")
    translations: list[AmendmentTranslationOut]


class AmendmentIn(Schema):
    proposed_text: str = Field(min_length=1, max_length=bounds.MAX_MOTION_TEXT)
    rationale: str = Field("", max_length=bounds.MAX_RATIONALE)


class DecisionIn(Schema):
    note: str = Field("", max_length=bounds.MAX_DECISION_NOTE)


class SpeakerOut(Schema):
    id: int
    organization: str = OrganizationSlug
    organization_name: str = OrganizationName
    shown_name: str
    state: str


class SpeakersOut(Schema):
    closed: bool
    speaking: SpeakerOut | None
    waiting: list[SpeakerOut]


def _contribution(c: Contribution) -> dict[str, Any]:
    return {
        "id": c.pk,
        "parent": c.parent_id,
        "organization": c.organization.slug,
        "organization_name": c.organization.short_name,
        "author_name": c.author_name,
        "stance": c.stance,
        "text": c.text,
        "created_at": c.created_at,
    }


def _amendment(view: selectors.AmendmentView) -> dict[str, Any]:
    a = view.amendment
    return {
        "id": a.pk,
        "number": a.number,
        "organization": a.organization.slug,
        "organization_name": a.organization.short_name,
        "author_name": a.author_name,
        "base_version": a.base.number,
        "state": a.state,
        "proposed_text": a.proposed_text,
        "rationale": a.rationale,
        "diff": [{"operation": s.operation, "text": s.text} for s in view.segments],
        "words_removed": view.removed,
        "words_added": view.added,
        "amends_current_text": view.current,
        "resulting_version": a.resulting_version.number if a.resulting_version else None,
        "language": a.motion.language,
        "translations": [
            {
                "language": t.language,
                "proposed_text": t.proposed_text,
                "rationale": t.rationale,
                "organization": t.organization.slug,
                "organization_name": t.organization.short_name,
                "updated_at": t.updated_at,
            }
            for t in view.translations
        ],
    }


def _speaker(s: Speaker) -> dict[str, Any]:
    return {
        "id": s.pk,
        "organization": s.organization.slug,
        "organization_name": s.organization.short_name,
        "shown_name": s.shown_name,
        "state": s.state,
    }


@router.get("/motions/{motion_id}/contributions", response=list[ContributionOut])
def list_contributions(request: HttpRequest, motion_id: int) -> list[dict[str, Any]]:
    motion = get_object_or_404(Motion, pk=motion_id)
    return [
        _contribution(c) for c in Contribution.objects.filter(motion=motion).select_related("organization")
    ]


@router.post("/motions/{motion_id}/contributions", response={201: ContributionOut, **REFUSED})
def add_contribution(request: HttpRequest, motion_id: int, payload: ContributionIn) -> Any:
    motion = get_object_or_404(Motion, pk=motion_id)
    parent = get_object_or_404(Contribution, pk=payload.parent) if payload.parent else None
    contribution = services.contribute(
        motion=motion, actor=request.user, text=payload.text, stance=payload.stance.value, parent=parent
    )
    return Status(201, _contribution(contribution))


@router.get("/motions/{motion_id}/amendments", response=list[AmendmentOut])
def list_amendments(request: HttpRequest, motion_id: int) -> list[dict[str, Any]]:
    return [_amendment(view) for view in selectors.amendments(get_object_or_404(Motion, pk=motion_id))]


@router.post("/motions/{motion_id}/amendments", response={201: AmendmentOut, **REFUSED})
def add_amendment(request: HttpRequest, motion_id: int, payload: AmendmentIn) -> Any:
    motion = get_object_or_404(Motion, pk=motion_id)
    amendment = services.propose_amendment(
        motion=motion,
        actor=request.user,
        proposed_text=payload.proposed_text,
        rationale=payload.rationale,
    )
    view = next(v for v in selectors.amendments(motion) if v.amendment.pk == amendment.pk)
    return Status(201, _amendment(view))


def _decided(request: HttpRequest, amendment_id: int, decide: Any, **extra: Any) -> Any:
    amendment = get_object_or_404(Amendment, pk=amendment_id)
    decide(amendment=amendment, actor=request.user, **extra)
    view = next(v for v in selectors.amendments(amendment.motion) if v.amendment.pk == amendment.pk)
    return Status(200, _amendment(view))


@router.post("/amendments/{amendment_id}/adopt", response={200: AmendmentOut, **REFUSED})
def adopt_amendment(request: HttpRequest, amendment_id: int, payload: DecisionIn) -> Any:
    return _decided(request, amendment_id, services.adopt_amendment, note=payload.note)


@router.post("/amendments/{amendment_id}/reject", response={200: AmendmentOut, **REFUSED})
def reject_amendment(request: HttpRequest, amendment_id: int, payload: DecisionIn) -> Any:
    return _decided(request, amendment_id, services.reject_amendment, note=payload.note)


@router.post("/amendments/{amendment_id}/withdraw", response={200: AmendmentOut, **REFUSED})
def withdraw_amendment(request: HttpRequest, amendment_id: int) -> Any:
    return _decided(request, amendment_id, services.withdraw_amendment)


@router.post("/amendments/{amendment_id}/translations", response={201: AmendmentOut, **REFUSED})
def translate_amendment(request: HttpRequest, amendment_id: int, payload: AmendmentTranslationIn) -> Any:
    """Add or renew a translation for your own organization; the amendment as proposed stays authoritative."""
    amendment = get_object_or_404(Amendment, pk=amendment_id)
    services.translate_amendment(
        amendment=amendment,
        actor=request.user,
        language=payload.language,
        proposed_text=payload.proposed_text,
        rationale=payload.rationale,
    )
    view = next(v for v in selectors.amendments(amendment.motion) if v.amendment.pk == amendment.pk)
    return Status(201, _amendment(view))


@router.get("/conferences/{conference_id}/speakers", response=SpeakersOut)
def list_speakers(request: HttpRequest, conference_id: int) -> dict[str, Any]:
    view = selectors.speakers(get_object_or_404(Conference, pk=conference_id))
    return {
        "closed": view.closed,
        "speaking": _speaker(view.speaking) if view.speaking else None,
        "waiting": [_speaker(s) for s in view.waiting],
    }


@router.post("/conferences/{conference_id}/speakers", response={201: SpeakerOut, **REFUSED})
def ask_for_the_floor(request: HttpRequest, conference_id: int) -> Any:
    conference = get_object_or_404(Conference, pk=conference_id)
    entry = services.request_floor(conference=conference, actor=request.user)
    return Status(201, _speaker(entry))


@router.post("/conferences/{conference_id}/speakers/next", response={200: SpeakerOut | None, **REFUSED})
def next_speaker(request: HttpRequest, conference_id: int) -> Any:
    conference = get_object_or_404(Conference, pk=conference_id)
    entry = services.call_next_speaker(conference=conference, actor=request.user)
    return Status(200, _speaker(entry) if entry else None)
