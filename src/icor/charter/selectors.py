from itertools import groupby

from icor.charter.models import Clause, Document


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
