"""Edit and withdraw pages for projects, activities, volunteers and needs; the services decide who may."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icor.core.confirmation import confirm_first
from icor.core.pages import attempt
from icor.projects.confirmations import WITHDRAW_ACTIVITY, WITHDRAW_NEED, WITHDRAW_VOLUNTEER
from icor.projects.forms import ActivityEditForm, NeedEditForm, ProjectEditForm, VolunteerEditForm
from icor.projects.models import Activity, Need, Project, Volunteer
from icor.projects.services import changes


def _edit(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any]], object],
    *,
    title: str,
    back: str,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
            return redirect(back)
        else:
            messages.success(request, _("The change is saved; the earlier values stay in the audit log."))
            return redirect(back)
    return render(request, "projects/form.html", {"form": form, "title": title, "form_id": "edit-form"})


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(Project, pk=pk)
    initial = {f: getattr(project, f) for f in ("title", "description", "starts_on", "ends_on")}
    return _edit(
        request,
        ProjectEditForm(request.POST or None, initial=initial),
        lambda data: changes.edit_project(project, actor=request.user, **data),
        title=_("Edit the project"),
        back=reverse("projects:detail", args=[pk]),
    )


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity, pk=pk, withdrawn_at__isnull=True)
    initial = {f: getattr(activity, f) for f in ("title", "description", "starts_on", "ends_on")}
    return _edit(
        request,
        ActivityEditForm(request.POST or None, initial=initial),
        lambda data: changes.edit_activity(activity, actor=request.user, **data),
        title=_("Edit the activity"),
        back=reverse("projects:activity", args=[pk]),
    )


@login_required
@require_POST
@confirm_first(WITHDRAW_ACTIVITY)
def activity_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity, pk=pk)
    if attempt(
        request,
        lambda: changes.withdraw_activity(activity, actor=request.user),
        _("The activity is withdrawn from the calendar; its reports stay on record."),
    ):
        return redirect("projects:calendar")
    return redirect("projects:activity", pk=pk)


@login_required
def volunteer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = get_object_or_404(Volunteer, pk=pk, withdrawn_at__isnull=True)
    initial = {"skills": volunteer.skills, "languages": volunteer.languages}
    return _edit(
        request,
        VolunteerEditForm(request.POST or None, initial=initial),
        lambda data: changes.edit_volunteer(volunteer, actor=request.user, **data),
        title=_("Edit the volunteer %(name)s") % {"name": volunteer.pseudonym},
        back=reverse("projects:brigade", args=[volunteer.project_id]),
    )


@login_required
@require_POST
@confirm_first(WITHDRAW_VOLUNTEER)
def volunteer_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = get_object_or_404(Volunteer, pk=pk)
    attempt(
        request,
        lambda: changes.withdraw_volunteer(volunteer, actor=request.user),
        _("The volunteer is withdrawn; assignments not yet begun are cancelled."),
    )
    return redirect("projects:brigade", pk=volunteer.project_id)


@login_required
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_object_or_404(Need, pk=pk, withdrawn_at__isnull=True)
    initial = {"count": need.count, "starts_on": need.starts_on, "ends_on": need.ends_on}
    return _edit(
        request,
        NeedEditForm(request.POST or None, initial=initial),
        lambda data: changes.edit_need(need, actor=request.user, **data),
        title=_("Edit the need for %(skill)s") % {"skill": need.skill},
        back=reverse("projects:brigade", args=[need.project_id]),
    )


@login_required
@require_POST
@confirm_first(WITHDRAW_NEED)
def need_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_object_or_404(Need, pk=pk)
    attempt(request, lambda: changes.withdraw_need(need, actor=request.user), _("The need is withdrawn."))
    return redirect("projects:brigade", pk=need.project_id)
