from dataclasses import dataclass
from itertools import groupby

from django.db.models import Prefetch

from icor.charter.models import (
    ORIGINAL_LANGUAGE,
    Clause,
    ClauseTranslation,
    ClauseTranslationRevision,
    Document,
)


def founding_resolution() -> Document | None:
    return Document.objects.filter(slug="founding-resolution").first()


def sections(document: Document) -> list[tuple[str, str, list[Clause]]]:
    clauses = document.clauses.all()
    return [
        (anchor, items[0].section_title, items)
        for anchor, group in groupby(clauses, key=lambda clause: clause.section_anchor)
        for items in [list(group)]
    ]


def clause_for_rule(rule: str) -> Clause | None:
    return Clause.objects.filter(document__slug="founding-resolution", rule=rule).order_by("position").first()


@dataclass(frozen=True)
class ShownClause:
    clause: Clause
    translation: ClauseTranslation | None

    @property
    def text(self) -> str:
        return self.translation.text if self.translation else self.clause.text

    @property
    def language(self) -> str:
        return self.translation.language if self.translation else ORIGINAL_LANGUAGE


def shown_sections(document: Document, language: str) -> list[tuple[str, str, str, list[ShownClause]]]:
    """(anchor, title, language of the title, clauses): each in `language` where translated, else the original."""
    translations = {
        t.clause_id: t
        for t in ClauseTranslation.objects.filter(clause__document=document, language=language)
        .select_related("organization")
        .prefetch_related(
            Prefetch("revisions", queryset=ClauseTranslationRevision.objects.select_related("organization"))
        )
    }
    result = []
    for anchor, title, clauses in sections(document):
        shown = [ShownClause(clause, translations.get(clause.pk)) for clause in clauses]
        translated_title = next((c.translation.section_title for c in shown if c.translation), "")
        if translated_title:
            result.append((anchor, translated_title, language, shown))
        else:
            result.append((anchor, title, ORIGINAL_LANGUAGE, shown))
    return result


def translation_languages(document: Document) -> list[str]:
    return sorted(
        set(ClauseTranslation.objects.filter(clause__document=document).values_list("language", flat=True))
    )


def translators(document: Document, language: str) -> list[str]:
    """Who provided the translation into `language`: organizations by name, the committee as such."""
    rows = ClauseTranslation.objects.filter(clause__document=document, language=language).select_related(
        "organization"
    )
    names = {row.organization.short_name if row.organization else "" for row in rows}
    return sorted(names)
