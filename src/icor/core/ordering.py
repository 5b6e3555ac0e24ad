"""Lists sorted in Python (collation) but loaded a page at a time: sort keys first, rows after."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def loaded_in_order(rows: QuerySet[M], keys: list[int]) -> list[M]:
    """Those of `rows` with these primary keys, in the keys' order."""
    found = {row.pk: row for row in rows.filter(pk__in=keys)}
    return [found[key] for key in keys if key in found]
