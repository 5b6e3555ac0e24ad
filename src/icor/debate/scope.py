"""The conference an amendment belongs to, for the observers' scope (S13)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from icor.debate.models import Amendment


def of_amendment(pk: Any) -> int | None:
    return (
        Amendment.objects.filter(pk=pk).values_list("motion__agenda_item__conference_id", flat=True).first()
    )


BY_KEYWORD: dict[str, Callable[[Any], int | None]] = {"amendment_id": of_amendment}
