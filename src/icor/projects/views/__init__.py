"""Thin views: parse the request, call a service or a selector, render."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from icor.registry.models import Organization


def own_organization(request: HttpRequest) -> Organization:
    """The organization the logged-in account acts for; there is no other one to choose (S11)."""
    organization = getattr(request.user, "organization", None)
    if organization is None:
        raise PermissionDenied(_("Only accounts of a member organization act for an organization."))
    return organization  # type: ignore[no-any-return]
