"""Irreversible steps are confirmed by the server, with or without JavaScript.

A view decorated with `confirm_first` takes its step only when the form carries `confirmed=1`.
Without it the server answers with a confirmation page that names what cannot be undone and
posts the same form again, confirmed; the page's dialog (icor/confirm.js) only fills the
field, so a form sent without the dialog (no JavaScript, a script, a stale page) is never taken
as confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme

CONFIRMED = "confirmed"
# Fields the confirmation page does not carry over: Django puts a fresh CSRF token in its form.
NOT_CARRIED = frozenset({CONFIRMED, "csrfmiddlewaretoken"})


@dataclass(frozen=True)
class Confirmation:
    """What cannot be undone, and the label of the button that takes the step."""

    message: Promise | str
    label: Promise | str


View = Callable[..., HttpResponse]
# A fixed confirmation, or one chosen from the request and the URL's arguments (None: no need).
Ask = Confirmation | Callable[..., Confirmation | None]


def confirm_first(ask: Ask) -> Callable[[View], View]:
    """Answer a POST without `confirmed=1` with the confirmation page instead of taking the step."""

    def decorate(view: View) -> View:
        @wraps(view)
        def confirmed_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and request.POST.get(CONFIRMED) != "1":
                confirmation = ask if isinstance(ask, Confirmation) else ask(request, *args, **kwargs)
                if confirmation is not None:
                    return confirmation_page(request, confirmation)
            return view(request, *args, **kwargs)

        return confirmed_view

    return decorate


def confirmation_page(request: HttpRequest, confirmation: Confirmation) -> HttpResponse:
    fields = [
        (name, value) for name, values in request.POST.lists() if name not in NOT_CARRIED for value in values
    ]
    return render(
        request,
        "core/confirm.html",
        {
            "confirmation": confirmation,
            "action": request.get_full_path(),
            "fields": fields,
            "confirmed_field": CONFIRMED,
            "cancel": _cancel_url(request),
        },
    )


def _cancel_url(request: HttpRequest) -> str:
    """Back to the page the form was on: its `next` field or the referring page, when one of ours."""
    for candidate in (request.POST.get("next", ""), request.headers.get("referer", "")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return reverse("home")
