from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules import has_perm

from icor.conferences import selectors, services
from icor.conferences.confirmations import CLOSE_CONFERENCE
from icor.conferences.console import console, delegation_now, is_chair
from icor.conferences.forms import AccreditationForm, AgendaItemForm, BallotForm, ConferenceForm
from icor.conferences.models import Conference, ConferenceStatus
from icor.conferences.pdf import MinutesUncoverable, minutes_language, render_minutes, render_pdf
from icor.conferences.scope import names_conference, names_no_conference, of_conference
from icor.core.confirmation import Confirmation, confirm_first
from icor.core.pages import attempt, back_to


@names_no_conference
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
        },
    )


@names_conference(of_conference)
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
            "overview": selectors.attendance_overview(conference, page=request.GET.get("page")),
            "seat": seat,
            "is_open": conference.status != ConferenceStatus.CLOSED,
            "agenda_form": AgendaItemForm(),
        },
    )


def _closing(request: HttpRequest, pk: int) -> Confirmation | None:
    """Opening the session is no step to confirm; closing the conference is."""
    in_session = Conference.objects.filter(pk=pk, status=ConferenceStatus.IN_SESSION).exists()
    return CLOSE_CONFERENCE if in_session else None


@names_conference(of_conference)
@login_required
@require_POST
@confirm_first(_closing)
def advance(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    before = conference.status
    attempt(
        request,
        lambda: services.advance_conference(conference=conference, actor=request.user),
        _("The session is open.") if before == "planned" else _("The conference is closed."),
    )
    return redirect(back_to(request, reverse("conferences:detail", args=[pk])))


@names_conference(of_conference)
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
    return redirect(back_to(request, reverse("conferences:detail", args=[pk])))


@names_conference(of_conference)
@login_required
def accreditation(request: HttpRequest, pk: int) -> HttpResponse:
    """An officer accredits the delegation of its own organization; there is no other way in (S11)."""
    conference = get_object_or_404(Conference, pk=pk)
    organization = getattr(request.user, "organization", None)
    if not has_perm("conferences.accredit", request.user) or organization is None:
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
            "is_closed": conference.status == ConferenceStatus.CLOSED,
        },
    )


@names_conference(of_conference)
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
    present = seat is not None and selectors.is_present(seat.delegation)
    return render(
        request,
        "conferences/attendance.html",
        {
            "conference": conference,
            "seat": seat,
            "present": present,
            "in_session": conference.status == ConferenceStatus.IN_SESSION,
            "overview": selectors.attendance_overview(conference, page=request.GET.get("page")),
        },
    )


@names_conference(of_conference)
@login_required
def attendance_status(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    return render(
        request,
        "conferences/_attendance.html",
        {
            "conference": conference,
            "overview": selectors.attendance_overview(conference, page=request.GET.get("page")),
        },
    )


def _require_chair(request: HttpRequest) -> None:
    if not is_chair(request.user):
        raise PermissionDenied(_("The chair's console is for the coordinating committee."))


@names_conference(of_conference)
@login_required
def chair(request: HttpRequest, pk: int) -> HttpResponse:
    _require_chair(request)
    conference = get_object_or_404(Conference, pk=pk)
    return render(
        request,
        "conferences/chair.html",
        {
            "console": console(conference, missing_page=request.GET.get("missing", 1)),
            "overview": selectors.attendance_overview(conference, page=request.GET.get("page")),
            "conference": conference,
            "agenda_form": AgendaItemForm(),
            "ballot_form": BallotForm(),
            "here": request.path,
        },
    )


@names_conference(of_conference)
@login_required
def chair_live(request: HttpRequest, pk: int) -> HttpResponse:
    """The live part of the console: rounds, ballots and every motion's steps, refreshed on each event."""
    _require_chair(request)
    conference = get_object_or_404(Conference, pk=pk)
    return render(
        request,
        "conferences/_console.html",
        {
            "console": console(conference, missing_page=request.GET.get("missing", 1)),
            "conference": conference,
            "ballot_form": BallotForm(),
            "here": reverse("conferences:chair", args=[pk]),
        },
    )


def _now_context(request: HttpRequest, conference: Conference) -> dict[str, object]:
    seat = selectors.seat(request.user, conference)
    if seat is None:
        raise PermissionDenied(_("You are not accredited as a delegate to this conference."))
    return {"conference": conference, "now": delegation_now(seat, conference)}


@names_conference(of_conference)
@login_required
def now(request: HttpRequest, pk: int) -> HttpResponse:
    """A delegation's page: what is being decided now and what it still has to do."""
    conference = get_object_or_404(Conference, pk=pk)
    return render(request, "conferences/now.html", _now_context(request, conference))


@names_conference(of_conference)
@login_required
def now_live(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    return render(request, "conferences/_now.html", _now_context(request, conference))


@names_conference(of_conference)
@login_required
def minutes_page(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    rendered = render_minutes(conference, minutes_language(request.GET.get("lang")))
    return render(
        request,
        "conferences/minutes.html",
        {
            "minutes": rendered.record,
            "heading": rendered.heading,
            "body": rendered.body,
            "minutes_language": rendered.language,
            "minutes_languages": settings.LANGUAGES,
        },
    )


@names_conference(of_conference)
@login_required
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    language = minutes_language(request.GET.get("lang"))
    try:
        document = render_pdf(conference, language)
    except MinutesUncoverable as refusal:
        messages.error(request, str(refusal))
        return redirect(f"{reverse('conferences:minutes', args=[pk])}?lang={language}")
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-conference-{conference.pk}-{language}.pdf"'
    return response
