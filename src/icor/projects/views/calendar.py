"""The calendar of coordinated activities (S10), its iCalendar export and participation reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icor.core.pages import attempt
from icor.projects.confirmations import WITHDRAW_ACTIVITY
from icor.projects.forms import ActivityForm, ParticipationForm
from icor.projects.ical import calendar_text
from icor.projects.models import Activity
from icor.projects.selectors.calendar import activities, combined_picture
from icor.projects.services.activities import create_activity, report_participation
from icor.projects.services.changes import may_change_activity
from icor.projects.views import own_organization


def calendar(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = [(activity, combined_picture(activity)) for activity in activities()]
    context = {
        "upcoming": [row for row in rows if row[0].ends_on >= today],
        "past": [row for row in rows if row[0].ends_on < today][::-1],
    }
    return render(request, "projects/calendar.html", context)


def calendar_ics(request: HttpRequest) -> HttpResponse:
    body = calendar_text(
        activities(),
        url_for=lambda activity: request.build_absolute_uri(reverse("projects:activity", args=[activity.pk])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="icor-calendar.ics"'
    return response


@login_required
def activity_create(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(request.POST or None, auto_id="activity_%s")
    if request.method == "POST" and form.is_valid():
        try:
            activity = create_activity(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The activity is in the calendar."))
            return redirect("projects:activity", pk=activity.pk)
    return render(
        request, "projects/form.html", {"form": form, "title": _("New activity"), "form_id": "activity-form"}
    )


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(activities(), pk=pk)
    organization = getattr(request.user, "organization", None)
    context = {
        "activity": activity,
        "picture": combined_picture(activity),
        "may_change": may_change_activity(request.user, activity),
        "level_refusal": activity.refusal_for(organization) if organization is not None else "",
        "form": ParticipationForm(auto_id="participation_%s"),
        "withdrawal": WITHDRAW_ACTIVITY,
    }
    return render(request, "projects/activity.html", context)


@login_required
@require_POST
def participate(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity, pk=pk)
    organization = own_organization(request)
    form = ParticipationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what you did, in which city, and how many people took part."))
    else:
        attempt(
            request,
            lambda: report_participation(
                activity, actor=request.user, organization=organization, **form.cleaned_data
            ),
            _("Your organization's participation is recorded."),
        )
    return redirect("projects:activity", pk=pk)
