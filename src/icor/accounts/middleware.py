"""Two-factor authentication is required for the accounts that decide and administer.

Officers act for their organization and the coordinating committee records the decisions
of the conferences: a stolen password must not be enough to act in their name (S11).
Such an account without an activated TOTP authenticator is sent to set one up, and can
reach nothing else but that page, re-authentication, logout and language choice.

Only a top-level page navigation is redirected to the setup page. Every other request a page
makes by itself (its icon, style sheets, htmx fragments, the live channel, API calls) is refused
with 403 instead: a redirect would load the setup page in the background, which draws a new
pending secret and so invalidates the QR code the person is scanning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from icor.core.refusals import json_refusal
from icor.core.rows import RowLoader

DEFAULT_REQUIRED_ROLES = ("officer", "committee")
# The only routes open to an account that still has to activate TOTP.
SETUP_ROUTES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_index",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "set_language",
        "health",
        "favicon",
    }
)


def requires_two_factor(user: object) -> bool:
    roles = getattr(settings, "ICOR_MFA_REQUIRED_ROLES", DEFAULT_REQUIRED_ROLES)
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) in roles


AUTHENTICATORS = RowLoader(Authenticator, "user", "type")


def has_totp(user: Any) -> bool:
    return AUTHENTICATORS.exists(user.pk, Authenticator.Type.TOTP)


def is_page_navigation(request: HttpRequest) -> bool:
    """A person loading a page, as opposed to a request the page makes by itself."""
    if request.method not in ("GET", "HEAD") or request.headers.get("HX-Request"):
        return False
    destination = request.headers.get("Sec-Fetch-Dest")
    if destination is not None:
        # Browsers say what they load; only a document (or frame) is a navigation.
        return destination in ("document", "iframe", "frame")
    # Clients that send no fetch metadata: only what accepts HTML is a page.
    return "text/html" in request.headers.get("Accept", "text/html")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if requires_two_factor(request.user) and not self._open(request) and not has_totp(request.user):
            message = _(
                "Your role requires two-factor authentication. Activate an authenticator app (TOTP) first."
            )
            if request.path_info.startswith("/api/"):
                return json_refusal(403, message, "two_factor_required")
            if not is_page_navigation(request):
                return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _open(request: HttpRequest) -> bool:
        if request.path_info.startswith(settings.STATIC_URL):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.url_name in SETUP_ROUTES
