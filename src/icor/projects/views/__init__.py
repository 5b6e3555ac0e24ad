"""Thin views: parse the request, call a service or a selector, render."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from icor.registry.models import Organization


def own_organization(request: HttpRequest) -> Organization:
    """The organization the logged-in account acts for; there is no other one to choose (S11)."""
    organization = getattr(request.user, "organization", None)
    if organization is None:
        raise PermissionDenied(_("Only accounts of a member organization act for an organization."))
    return organization  # type: ignore[no-any-return]


def perform(request: HttpRequest, action: Callable[[], object], success: str) -> bool:
    """Run a service; a refusal is shown with its reason and nothing has changed."""
    try:
        action()
    except (ValidationError, PermissionDenied) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text or _("You may not do this."))
        return False
    messages.success(request, success)
    return True
