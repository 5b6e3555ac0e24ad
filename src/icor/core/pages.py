"""What every page that writes shares: a service's refusal becomes a message, never an error page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def attempt(request: HttpRequest, action: Callable[[], Any], success: str) -> Any:
    """Run a service; a refusal is shown with its reason, and nothing has changed (None is returned)."""
    try:
        result = action()
    except (ValidationError, PermissionDenied) as error:
        reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, reason or _("You may not do this."))
        return None
    if success:
        messages.success(request, success)
    return result


def back_to(request: HttpRequest, default: str) -> str:
    """The page a form came from (its `next` field) when it is one of ours, else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
