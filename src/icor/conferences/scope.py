"""Partner observers follow only the conferences they are invited to (S13, S11).

Members and the committee reach every conference (continental ones admit their members
where it matters: accreditation). A partner's observer account reaches a conference's pages,
API, debate and live channel only with an invitation (`Guest`). One middleware checks this
for every route that names a conference, a motion, a consensus round, a ballot or an
amendment, so that no view can forget it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from icor.accounts.models import Role
from icor.conferences.models import Ballot, ConsensusRound, Guest, Motion
from icor.core.refusals import json_refusal

LIVE_CHANNEL = re.compile(r"conference-(\d+)")


def of_motion(pk: Any) -> int | None:
    return Motion.objects.filter(pk=pk).values_list("agenda_item__conference_id", flat=True).first()


def _of_round(pk: Any) -> int | None:
    return (
        ConsensusRound.objects.filter(pk=pk)
        .values_list("motion__agenda_item__conference_id", flat=True)
        .first()
    )


def _of_ballot(pk: Any) -> int | None:
    return Ballot.objects.filter(pk=pk).values_list("motion__agenda_item__conference_id", flat=True).first()


def of_conference(pk: Any) -> int | None:
    return int(pk)


# API operations name their object in the keyword; pages use `pk`, so their route name tells.
BY_KEYWORD: dict[str, Callable[[Any], int | None]] = {
    "conference_id": of_conference,
    "motion_id": of_motion,
    "round_id": _of_round,
    "ballot_id": _of_ballot,
}
PAGE_ROUTES: dict[str, Callable[[Any], int | None]] = {
    **{
        f"conferences:{name}": of_conference
        for name in (
            "detail",
            "advance",
            "agenda",
            "accreditation",
            "attendance",
            "attendance-status",
            "chair",
            "minutes",
            "minutes-pdf",
            "motion-new",
        )
    },
    "conferences:motion": of_motion,
    "conferences:motion-action": of_motion,
    "conferences:ballot": _of_ballot,
    "conferences:vote": _of_ballot,
    "conferences:ballot-status": _of_ballot,
}


def register_routes(
    pages: dict[str, Callable[[Any], int | None]], keywords: dict[str, Callable[[Any], int | None]]
) -> None:
    """Apps built on conferences (the debate) name their own routes here, so conferences import none of them."""
    PAGE_ROUTES.update(pages)
    BY_KEYWORD.update(keywords)


def conference_named(request: HttpRequest, view_kwargs: dict[str, Any]) -> int | None:
    match = request.resolver_match
    if match is None:
        return None
    route = match.view_name
    if route in PAGE_ROUTES and "pk" in view_kwargs:
        return PAGE_ROUTES[route](view_kwargs["pk"])
    if route == "live:stream":
        found = LIVE_CHANNEL.fullmatch(str(view_kwargs.get("channel", "")))
        return int(found.group(1)) if found else None
    if route.startswith("api:"):
        for keyword, lookup in BY_KEYWORD.items():
            if keyword in view_kwargs:
                return lookup(view_kwargs[keyword])
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
        conference_id = conference_named(request, view_kwargs)
        if conference_id is not None and not may_follow(request.user, conference_id):
            message = _("Partner observers follow only the conferences they are invited to.")
            if request.path_info.startswith("/api/"):
                return json_refusal(403, message)
            raise PermissionDenied(message)
        return None
