import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from icor.accounts.models import Role
from icor.audit.services import record_event
from icor.charter.models import (
    ORIGINAL_LANGUAGE,
    Clause,
    ClauseTranslation,
    ClauseTranslationRevision,
    Document,
)
from icor.core.languages import TEXT_LANGUAGE_CODES

MAX_CLAUSE = 20_000

FOUNDING_RESOLUTION = Path(__file__).resolve().parent / "data" / "founding_resolution.json"


def load_founding_resolution() -> int:
    """Load (or refresh) the Founding Resolution; anchors never change, so links stay valid."""
    data = json.loads(FOUNDING_RESOLUTION.read_text(encoding="utf-8"))
    with transaction.atomic():
        document, _ = Document.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "adopted_by": data["adopted_by"],
                "adopted_on": date.fromisoformat(data["adopted_on"]),
            },
        )
        position = 0
        for section in data["sections"]:
            for clause in section["clauses"]:
                position += 1
                Clause.objects.update_or_create(
                    document=document,
                    anchor=clause["anchor"],
                    defaults={
                        "position": position,
                        "section_anchor": section["anchor"],
                        "section_title": section["title"],
                        "text": clause["text"],
                        "list_item": clause["list_item"],
                        "rule": clause.get("rule", ""),
                    },
                )
    return position


def translate_resolution(
    *,
    document: Document,
    actor: Any,
    language: str,
    texts: Mapping[str, str],
    section_titles: Mapping[str, str],
) -> int:
    """Add or renew translations of clauses (by anchor) and section titles; return how many clauses changed.

    The committee translates in its own name; an officer in the name of their organization (S11).
    An empty text leaves that clause as it was.
    """
    role = getattr(actor, "role", None)
    if role not in (Role.COMMITTEE, Role.OFFICER):
        raise PermissionDenied(
            gettext(
                "The coordinating committee and the officers of member organizations provide translations."
            )
        )
    organization = getattr(actor, "organization", None) if role == Role.OFFICER else None
    if role == Role.OFFICER and organization is None:
        raise PermissionDenied(gettext("Only the accounts of a member organization provide translations."))
    if language not in TEXT_LANGUAGE_CODES:
        raise ValidationError(gettext("Unknown language “%(language)s”.") % {"language": language})
    if language == ORIGINAL_LANGUAGE:
        raise ValidationError(gettext("The original text is written in this language already."))
    clauses = {clause.anchor: clause for clause in document.clauses.all()}
    unknown = sorted(set(texts) - set(clauses))
    if unknown:
        raise ValidationError(gettext("Unknown clauses: %(anchors)s.") % {"anchors": ", ".join(unknown[:5])})
    given = {anchor: text.strip() for anchor, text in texts.items() if text.strip()}
    if not given:
        raise ValidationError(gettext("Translate at least one clause."))
    if any(len(text) > MAX_CLAUSE for text in given.values()):
        raise ValidationError(gettext("The translation is too long."))
    with transaction.atomic():
        earlier = {
            t.clause_id: t
            for t in ClauseTranslation.objects.select_for_update().filter(
                clause__in=[clauses[anchor] for anchor in given], language=language
            )
        }
        # A changed text keeps the one it replaces readable, with who provided it and when.
        ClauseTranslationRevision.objects.bulk_create(
            ClauseTranslationRevision(
                translation=previous,
                text=previous.text,
                section_title=previous.section_title,
                organization_id=previous.organization_id,
                provided_by_id=previous.provided_by_id,
                provided_at=previous.updated_at,
            )
            for anchor, text in given.items()
            if (previous := earlier.get(clauses[anchor].pk)) is not None and previous.text != text
        )
        for anchor, text in given.items():
            clause = clauses[anchor]
            ClauseTranslation.objects.update_or_create(
                clause=clause,
                language=language,
                defaults={
                    "text": text,
                    "section_title": section_titles.get(clause.section_anchor, "").strip()[:200],
                    "organization": organization,
                    "provided_by": actor,
                },
            )
        record_event(
            "charter.translated",
            actor=actor,
            organization_id=organization.pk if organization else None,
            subject=f"document:{document.slug}",
            data={"language": language, "clauses": len(given)},
        )
    return len(given)
