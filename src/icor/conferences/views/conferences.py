from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icor.accounts.models import Role
from icor.conferences import selectors, services
from icor.conferences.forms import AccreditationForm, AgendaItemForm, ConferenceForm
from icor.conferences.minutes import minutes
from icor.conferences.models import Conference
from icor.conferences.pdf import render_pdf
from icor.conferences.views._refusals import attempt


@login_required
def conference_list(request: HttpRequest) -> HttpResponse:
    form = ConferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        conference = attempt(
            request,
            lambda: services.create_conference(actor=request.user, **form.cleaned_data),
            _("The conference is created."),
        )
        if conference is not None:
            return redirect("conferences:detail", conference.pk)
    return render(
        request,
        "conferences/list.html",
        {
            "conferences": selectors.conferences(request.user),
            "form": form,
            "is_chair": getattr(request.user, "role", None) == Role.COMMITTEE,
        },
    )


@login_required
def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    seat = selectors.seat(request.user, conference)
    return render(
        request,
        "conferences/detail.html",
        {
            "conference": conference,
            "agenda": selectors.agenda(conference),
            "overview": selectors.attendance_overview(conference),
            "seat": seat,
            "is_chair": getattr(request.user, "role", None) == Role.COMMITTEE,
            "is_officer": getattr(request.user, "role", None) == Role.OFFICER,
            "agenda_form": AgendaItemForm(),
        },
    )


@login_required
@require_POST
def advance(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    attempt(
        request, lambda: services.advance_conference(conference=conference, actor=request.user), _("Done.")
    )
    return redirect("conferences:detail", pk)


@login_required
@require_POST
def add_agenda_item(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.add_agenda_item(
                conference=conference, actor=request.user, title=form.cleaned_data["title"]
            ),
            _("The agenda item is added."),
        )
    return redirect("conferences:detail", pk)


@login_required
def accreditation(request: HttpRequest, pk: int) -> HttpResponse:
    """An officer accredits the delegation of its own organization; there is no other way in (S11)."""
    conference = get_object_or_404(Conference, pk=pk)
    organization = getattr(request.user, "organization", None)
    if getattr(request.user, "role", None) != Role.OFFICER or organization is None:
        raise PermissionDenied(_("Only an officer of a member organization accredits its delegation."))
    current = conference.delegations.filter(organization=organization).first()
    initial = {}
    if current is not None:
        seats = list(current.delegates.all())
        initial = {
            "delegates": [s.user_id for s in seats],
            "voting_delegate": next((s.user_id for s in seats if s.is_voting), None),
        }
    form = AccreditationForm(request.POST or None, organization=organization, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            request,
            lambda: services.accredit_delegation(
                conference=conference,
                organization=organization,
                actor=request.user,
                delegates=list(form.cleaned_data["delegates"]),
                voting_delegate=form.cleaned_data["voting_delegate"],
            ),
            _("Your delegation is accredited."),
        )
        if done is not None:
            return redirect("conferences:detail", pk)
    return render(
        request,
        "conferences/accreditation.html",
        {
            "conference": conference,
            "organization": organization,
            "form": form,
            "admitted": conference.admits(organization),
        },
    )


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    seat = selectors.seat(request.user, conference)
    if request.method == "POST":
        if seat is None:
            raise PermissionDenied(_("You are not accredited as a delegate to this conference."))
        if request.POST.get("action") == "out":
            attempt(
                request,
                lambda: services.check_out(delegation=seat.delegation, actor=request.user),
                _("Your delegation is checked out."),
            )
        else:
            attempt(
                request,
                lambda: services.check_in(delegation=seat.delegation, actor=request.user),
                _("Your delegation is checked in."),
            )
        return redirect("conferences:attendance", pk)
    present = seat is not None and seat.delegation in selectors.present_delegations(conference)
    return render(
        request,
        "conferences/attendance.html",
        {
            "conference": conference,
            "seat": seat,
            "present": present,
            "overview": selectors.attendance_overview(conference),
        },
    )


@login_required
def attendance_status(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    return render(
        request,
        "conferences/_attendance.html",
        {"conference": conference, "overview": selectors.attendance_overview(conference)},
    )


@login_required
def chair(request: HttpRequest, pk: int) -> HttpResponse:
    if getattr(request.user, "role", None) != Role.COMMITTEE:
        raise PermissionDenied(_("The chair's console is for the coordinating committee."))
    conference = get_object_or_404(Conference, pk=pk)
    return render(
        request,
        "conferences/chair.html",
        {
            "conference": conference,
            "agenda": selectors.agenda(conference),
            "overview": selectors.attendance_overview(conference),
            "open_ballots": [
                selectors.ballot_counts(b, missing_page=request.GET.get("missing", 1))
                for b in selectors.open_ballots(conference)
            ],
            "agenda_form": AgendaItemForm(),
        },
    )


@login_required
def minutes_page(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    return render(request, "conferences/minutes.html", {"minutes": minutes(conference)})


@login_required
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    response = HttpResponse(render_pdf(minutes(conference)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-conference-{conference.pk}.pdf"'
    return response
