"""What the charter holds about one organization: the translations of the Founding Resolution it provided (S11).

Registered in CharterConfig.ready(). The translations hold no personal data beyond the providing
account, which the accounts section erases; they stay, as published texts.
"""

from __future__ import annotations

from typing import Any

from icor.charter.models import ClauseTranslation, ClauseTranslationRevision
from icor.registry.models import Organization


def export_charter(organization: Organization) -> dict[str, Any]:
    rows = ClauseTranslation.objects.filter(organization=organization).select_related("clause").order_by("pk")
    return {
        "resolution_translations": [
            {
                "clause": row.clause.anchor,
                "language": row.language,
                "text": row.text,
                "section_title": row.section_title,
                "provided_by_account": row.provided_by_id,
                "updated_at": row.updated_at,
            }
            for row in rows
        ],
        "resolution_translation_revisions": [
            {
                "clause": revision.translation.clause.anchor,
                "language": revision.translation.language,
                "text": revision.text,
                "section_title": revision.section_title,
                "provided_by_account": revision.provided_by_id,
                "provided_at": revision.provided_at,
                "replaced_at": revision.replaced_at,
            }
            for revision in ClauseTranslationRevision.objects.filter(organization=organization)
            .select_related("translation__clause")
            .order_by("pk")
        ],
    }
