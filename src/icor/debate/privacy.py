"""What the debate holds about one organization: its export and erasure section (S11, S14).

Registered in DebateConfig.ready(); the privacy service runs both inside its transaction.
"""

from __future__ import annotations

from typing import Any

from icor.debate.models import (
    Amendment,
    AmendmentTranslation,
    AmendmentTranslationRevision,
    Contribution,
    Speaker,
)
from icor.registry.models import Organization


def delegate_label(organization: Organization) -> str:
    """Shown instead of an erased name. Stored text, so not translated: it must read the same to all."""
    return f"Delegate of {organization.short_name}"[:80]


def export_debate(organization: Organization) -> dict[str, Any]:
    """The organization's contributions, amendments and places on the lists of speakers."""
    contributions = Contribution.objects.filter(organization=organization).order_by("created_at", "pk")
    amendments = (
        Amendment.objects.filter(organization=organization)
        .select_related("base", "resulting_version")
        .order_by("motion_id", "number")
    )
    speakers = (
        Speaker.objects.filter(organization=organization)
        .select_related("speakers_list")
        .order_by("requested_at", "pk")
    )
    translations = AmendmentTranslation.objects.filter(organization=organization).select_related("amendment")
    return {
        "amendment_translations": [
            {
                "motion": t.amendment.motion_id,
                "amendment": t.amendment.number,
                "language": t.language,
                "proposed_text": t.proposed_text,
                "rationale": t.rationale,
                "provided_by_account": t.provided_by_id,
                "updated_at": t.updated_at,
            }
            for t in translations.order_by("pk")
        ],
        "amendment_translation_revisions": [
            {
                "motion": r.translation.amendment.motion_id,
                "amendment": r.translation.amendment.number,
                "language": r.translation.language,
                "proposed_text": r.proposed_text,
                "rationale": r.rationale,
                "provided_by_account": r.provided_by_id,
                "provided_at": r.provided_at,
                "replaced_at": r.replaced_at,
            }
            for r in AmendmentTranslationRevision.objects.filter(organization=organization)
            .select_related("translation__amendment")
            .order_by("pk")
        ],
        "contributions": [
            {
                "id": c.pk,
                "motion": c.motion_id,
                "reply_to": c.parent_id,
                "author_account": c.author_id,
                "author_name": c.author_name,
                "stance": c.stance,
                "text": c.text,
                "created_at": c.created_at,
            }
            for c in contributions
        ],
        "amendments": [
            {
                "motion": a.motion_id,
                "number": a.number,
                "author_account": a.author_id,
                "author_name": a.author_name,
                "base_version": a.base.number,
                "proposed_text": a.proposed_text,
                "rationale": a.rationale,
                "state": a.state,
                "created_at": a.created_at,
                "decided_at": a.decided_at,
                "decision_note": a.decision_note,
                "resulting_version": a.resulting_version.number if a.resulting_version else None,
            }
            for a in amendments
        ],
        "speakers": [
            {
                "conference": s.speakers_list.conference_id,
                "account": s.account_id,
                "shown_name": s.shown_name,
                "state": s.state,
                "requested_at": s.requested_at,
                "started_at": s.started_at,
                "ended_at": s.ended_at,
            }
            for s in speakers
        ],
    }


def erase_debate(organization: Organization) -> dict[str, int]:
    """Names go and the link to the accounts goes; what the organization said stays (S14 record).

    A delegate speaks only for their own organization, so its rows are exactly its accounts' rows.
    """
    label = delegate_label(organization)
    contributions = Contribution.objects.filter(organization=organization).update(
        author=None, author_name=label
    )
    amendments = Amendment.objects.filter(organization=organization).update(author=None, author_name=label)
    speakers = Speaker.objects.filter(organization=organization).update(account=None, shown_name=label)
    return {"contributions": contributions, "amendments": amendments, "speakers": speakers}
