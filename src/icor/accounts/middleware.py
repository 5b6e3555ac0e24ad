"""Two-factor authentication is required for the accounts that decide and administer.

Officers act for their organization and the coordinating committee records the decisions
of the conferences: a stolen password must not be enough to act in their name (S11).
Such an account without an activated TOTP authenticator is sent to set one up, and can
reach nothing else but that page, re-authentication, logout and language choice.
"""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from icor.core.refusals import json_refusal

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
    }
)


def requires_two_factor(user: object) -> bool:
    roles = getattr(settings, "ICOR_MFA_REQUIRED_ROLES", DEFAULT_REQUIRED_ROLES)
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) in roles


def has_totp(user: object) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


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
