"""The debate's routes and the conference each one names, for the observers' scope (S13)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from icor.conferences.scope import of_conference, of_motion
from icor.debate.models import Amendment


def of_amendment(pk: Any) -> int | None:
    return (
        Amendment.objects.filter(pk=pk).values_list("motion__agenda_item__conference_id", flat=True).first()
    )


BY_KEYWORD: dict[str, Callable[[Any], int | None]] = {"amendment_id": of_amendment}
PAGE_ROUTES: dict[str, Callable[[Any], int | None]] = {
    "debate:motion": of_motion,
    "debate:contribute": of_motion,
    "debate:amend": of_motion,
    "debate:adopt_amendment": of_amendment,
    "debate:reject_amendment": of_amendment,
    "debate:withdraw_amendment": of_amendment,
    "debate:speakers": of_conference,
    **{
        f"debate:speakers_{action}": of_conference
        for action in ("request", "withdraw", "next", "end", "close", "open")
    },
}
