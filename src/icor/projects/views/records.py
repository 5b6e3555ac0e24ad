"""Reliability records (S8) and notifications."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icor.core.pages import attempt
from icor.projects.models import Notification
from icor.projects.selectors.projects import notifications_for
from icor.projects.selectors.reliability import reliability_by_project, reliability_of, reliability_records
from icor.projects.services.notifications import mark_read
from icor.registry.models import Organization


def reliability(request: HttpRequest) -> HttpResponse:
    return render(request, "projects/reliability.html", {"records": reliability_records()})


def reliability_organization(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    return render(
        request,
        "projects/reliability_organization.html",
        {
            "organization": organization,
            "total": reliability_of(organization),
            "per_project": reliability_by_project(organization),
        },
    )


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("all") == "1"
    items = notifications_for(request.user, unread_only=not show_all)[:200]
    return render(request, "projects/notifications.html", {"notifications": items, "show_all": show_all})


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk)
    attempt(request, lambda: mark_read(notification, actor=request.user), _("Marked as read."))
    return redirect("projects:notifications")
