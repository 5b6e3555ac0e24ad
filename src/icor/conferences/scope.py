"""Partner observers follow only the conferences they are invited to (S13, S11).

Members and the committee reach every conference (continental ones admit their members
where it matters: accreditation). A partner's observer account reaches a conference's pages,
API, debate and live channel only with an invitation (`Guest`). One middleware checks this
for every route that names a conference, so that no view can forget it:

- a page says what its URL names with a marker: `@names_conference(of_motion)` (the `pk` is a
  motion of one conference) or `@names_no_conference`; tests/conferences/test_observer_scope.py
  requires a marker on every view of the conference apps;
- an API operation names its object in a path parameter (`conference_id`, `motion_id`, ...),
  which `BY_KEYWORD` leads to its conference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from icor.accounts.models import Role
from icor.conferences.models import Ballot, ConsensusRound, Guest, Motion
from icor.core.refusals import json_refusal

View = TypeVar("View", bound=Callable[..., Any])
Lookup = Callable[[Any], int | None]
# The marker's attribute: a function of the view's URL keywords, or None for "names no conference".
MARKER = "conference_named_by"

LIVE_CHANNEL = re.compile(r"conference-(\d+)")


def of_conference(pk: Any) -> int | None:
    return int(pk)


def of_motion(pk: Any) -> int | None:
    return Motion.objects.filter(pk=pk).values_list("agenda_item__conference_id", flat=True).first()


def of_round(pk: Any) -> int | None:
    return (
        ConsensusRound.objects.filter(pk=pk)
        .values_list("motion__agenda_item__conference_id", flat=True)
        .first()
    )


def of_ballot(pk: Any) -> int | None:
    return Ballot.objects.filter(pk=pk).values_list("motion__agenda_item__conference_id", flat=True).first()


def of_channel(channel: Any) -> int | None:
    found = LIVE_CHANNEL.fullmatch(str(channel))
    return int(found.group(1)) if found else None


def names_conference(lookup: Lookup, keyword: str = "pk") -> Callable[[View], View]:
    """Marks a view whose URL keyword `keyword` names something of one conference."""

    def mark(view: View) -> View:
        setattr(view, MARKER, lambda kwargs: lookup(kwargs[keyword]) if keyword in kwargs else None)
        return view

    return mark


def names_no_conference(view: View) -> View:
    """Marks a view of the conference apps whose URL names no single conference (e.g. a list)."""
    setattr(view, MARKER, None)
    return view


def is_classified(view: Any) -> bool:
    return hasattr(view, MARKER)


# API operations name their object in the keyword of a path parameter.
BY_KEYWORD: dict[str, Lookup] = {
    "conference_id": of_conference,
    "motion_id": of_motion,
    "round_id": of_round,
    "ballot_id": of_ballot,
}


def register_keywords(keywords: dict[str, Lookup]) -> None:
    """Apps built on conferences (the debate) name their own API keywords here."""
    BY_KEYWORD.update(keywords)


def conference_named(request: HttpRequest, view_func: Any, view_kwargs: dict[str, Any]) -> int | None:
    lookup = getattr(view_func, MARKER, None)
    if lookup is not None:
        return lookup(view_kwargs)  # type: ignore[no-any-return]
    if request.path_info.startswith("/api/"):
        for keyword, by_keyword in BY_KEYWORD.items():
            if keyword in view_kwargs:
                return by_keyword(view_kwargs[keyword])
    return None


def may_follow(user: Any, conference_id: int) -> bool:
    if getattr(user, "role", None) != Role.OBSERVER:
        return True
    return Guest.objects.filter(conference_id=conference_id, user=user).exists()


class ObserverScopeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        if getattr(request.user, "role", None) != Role.OBSERVER:
            return None
        conference_id = conference_named(request, view_func, view_kwargs)
        if conference_id is not None and not may_follow(request.user, conference_id):
            message = _("Partner observers follow only the conferences they are invited to.")
            if request.path_info.startswith("/api/"):
                return json_refusal(403, message)
            raise PermissionDenied(message)
        return None
