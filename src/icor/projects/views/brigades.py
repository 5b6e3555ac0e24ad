"""The brigade of a single project (S15): plan week by week, volunteers, needs, assignments."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules import has_perm

from icor.core import bounds
from icor.core.pages import attempt
from icor.projects.confirmations import WITHDRAW_NEED, WITHDRAW_VOLUNTEER
from icor.projects.forms import AssignmentForm, NeedForm, VolunteerForm
from icor.projects.models import Project, Volunteer
from icor.projects.selectors.brigades import brigade_plan, current_needs, visible_volunteers
from icor.projects.services import brigades as services
from icor.projects.views import own_organization


def _brigade(pk: int) -> Project:
    project = get_object_or_404(Project.objects.prefetch_related("coordinators"), pk=pk)
    if not project.recruits_volunteers:
        raise Http404
    return project


def _volunteer_choices(project: Project, viewer: object) -> list[tuple[int, str]]:
    return [
        (volunteer.pk, f"{volunteer.pseudonym} ({volunteer.organization.short_name}: {volunteer.skills})")
        for volunteer in visible_volunteers(project, viewer)
        if volunteer.withdrawn_at is None
    ]


def _day(text: str | None) -> date | None:
    """The day asked for in the address, if it is one on the calendar; anything else shows this week."""
    try:
        day = date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if bounds.FIRST_DAY <= day <= bounds.LAST_DAY else None


def plan(request: HttpRequest, pk: int) -> HttpResponse:
    project = _brigade(pk)
    coordinates = has_perm("projects.coordinate", request.user, project)
    may_register = has_perm("projects.register_volunteers", request.user)
    context = {
        "project": project,
        "plan": brigade_plan(project, request.user, from_day=_day(request.GET.get("from"))),
        "volunteers": visible_volunteers(project, request.user),
        "needs": current_needs(project),
        "own_organization_id": getattr(request.user, "organization_id", None) if may_register else None,
        "volunteer_form": VolunteerForm(auto_id="volunteer_%s"),
        "need_form": NeedForm(auto_id="need_%s"),
        "volunteer_withdrawal": WITHDRAW_VOLUNTEER,
        "need_withdrawal": WITHDRAW_NEED,
        "assignment_form": AssignmentForm(
            auto_id="assignment_%s",
            volunteers=_volunteer_choices(project, request.user) if coordinates else [],
        ),
    }
    return render(request, "projects/brigade.html", context)


@login_required
@require_POST
def register_volunteer(request: HttpRequest, pk: int) -> HttpResponse:
    project = _brigade(pk)
    organization = own_organization(request)
    form = VolunteerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the volunteer's pseudonym, skills and dates."))
        return redirect("projects:brigade", pk=pk)
    data = form.cleaned_data
    attempt(
        request,
        lambda: services.register_volunteer(
            project,
            actor=request.user,
            organization=organization,
            pseudonym=data["pseudonym"],
            skills=data["skills"],
            languages=data["languages"],
            availability=form.periods(),
        ),
        _("The volunteer is registered."),
    )
    return redirect("projects:brigade", pk=pk)


@login_required
@require_POST
def set_need(request: HttpRequest, pk: int) -> HttpResponse:
    project = _brigade(pk)
    form = NeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the skill, the number and the weeks."))
    else:
        attempt(
            request,
            lambda: services.set_need(project, actor=request.user, **form.cleaned_data),
            _("The need is recorded."),
        )
    return redirect("projects:brigade", pk=pk)


@login_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    project = _brigade(pk)
    form = AssignmentForm(request.POST, volunteers=[(v.pk, "") for v in project.volunteers.all()])
    if not form.is_valid():
        messages.error(request, _("Choose a volunteer and the period on site."))
        return redirect("projects:brigade", pk=pk)
    volunteer = get_object_or_404(Volunteer, pk=form.cleaned_data["volunteer"], project=project)
    attempt(
        request,
        lambda: services.assign_volunteer(
            volunteer,
            actor=request.user,
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
        ),
        _("The volunteer is assigned."),
    )
    return redirect("projects:brigade", pk=pk)
