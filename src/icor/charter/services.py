import json
from datetime import date
from pathlib import Path

from django.db import transaction

from icor.charter.models import Clause, Document

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
