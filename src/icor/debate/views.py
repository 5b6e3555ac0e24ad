from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icor.conferences.models import Conference, ConferenceStatus, Motion
from icor.conferences.scope import names_conference, of_conference, of_motion
from icor.conferences.selectors import with_reader_translation
from icor.conferences.services import has_seat
from icor.core import bounds
from icor.debate import selectors, services
from icor.debate.forms import AmendmentForm, AmendmentTranslationForm, ContributionForm, DecisionNoteForm
from icor.debate.models import Amendment, Contribution, Speaker
from icor.debate.scope import of_amendment


def _debate_url(motion: Motion) -> str:
    return reverse("debate:motion", args=[motion.pk])


@names_conference(of_motion)
@login_required
def motion_debate(request: HttpRequest, pk: int) -> HttpResponse:
    motion = with_reader_translation(
        get_object_or_404(Motion.objects.select_related("agenda_item__conference", "organization"), pk=pk)
    )
    # Forms are offered only while the service would take them (nothing is offered that will be refused).
    conference_open = motion.conference.status != ConferenceStatus.CLOSED
    context = {
        "debate_open": conference_open and motion.state in services.OPEN_FOR_DEBATE,
        "amendments_open": conference_open
        and motion.state in services.OPEN_FOR_AMENDMENT
        and not motion.discussion_concluded,
        "translations_open": conference_open,
        # Contributions, amendments and the floor are taken from accredited delegates only.
        "seated": has_seat(request.user, motion.conference),
        "motion": motion,
        "conference": motion.conference,
        "thread": selectors.thread(motion),
        "positions": selectors.positions(motion),
        "amendments": selectors.amendments(motion),
        "versions": motion.versions.all(),
        "contribution_form": ContributionForm(),
        "amendment_form": AmendmentForm(initial={"proposed_text": motion.text}),
        "amendment_translation_form": AmendmentTranslationForm(initial={"language": get_language()}),
        "reader_language": get_language(),
        "note_form": DecisionNoteForm(),
    }
    template = "debate/_debate.html" if request.htmx else "debate/motion.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _refusal(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _form_refusal(request: HttpRequest, form: Form) -> None:
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))


@names_conference(of_motion)
@login_required
@require_POST
def contribute(request: HttpRequest, pk: int) -> HttpResponse:
    motion = get_object_or_404(Motion, pk=pk)
    form = ContributionForm(request.POST)
    if form.is_valid():
        parent_id = form.cleaned_data.get("parent")
        parent = get_object_or_404(Contribution, pk=parent_id) if parent_id else None
        try:
            services.contribute(
                motion=motion,
                actor=request.user,
                text=form.cleaned_data["text"],
                stance=form.cleaned_data["stance"],
                parent=parent,
            )
        except ValidationError as error:
            _refusal(request, error)
    else:
        _form_refusal(request, form)
    return redirect(_debate_url(motion) + "#debate")


@names_conference(of_amendment)
@login_required
@require_POST
def translate_amendment(request: HttpRequest, pk: int) -> HttpResponse:
    amendment = get_object_or_404(Amendment, pk=pk)
    form = AmendmentTranslationForm(request.POST)
    if form.is_valid():
        try:
            services.translate_amendment(amendment=amendment, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _refusal(request, error)
    else:
        messages.error(request, _("The translation needs a language and a text."))
    return redirect(_debate_url(amendment.motion) + "#amendments")


@names_conference(of_motion)
@login_required
@require_POST
def propose_amendment(request: HttpRequest, pk: int) -> HttpResponse:
    motion = get_object_or_404(Motion, pk=pk)
    form = AmendmentForm(request.POST)
    if form.is_valid():
        try:
            services.propose_amendment(motion=motion, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _refusal(request, error)
    else:
        _form_refusal(request, form)
    return redirect(_debate_url(motion) + "#amendments")


@names_conference(of_amendment)
@login_required
@require_POST
def decide_amendment(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    amendment = get_object_or_404(Amendment, pk=pk)
    form = DecisionNoteForm(request.POST)
    if not form.is_valid():
        _form_refusal(request, form)
        return redirect(_debate_url(amendment.motion) + "#amendments")
    note = form.cleaned_data["note"]
    try:
        if decision == "adopt":
            services.adopt_amendment(amendment=amendment, actor=request.user, note=note)
        elif decision == "reject":
            services.reject_amendment(amendment=amendment, actor=request.user, note=note)
        elif decision == "withdraw":
            services.withdraw_amendment(amendment=amendment, actor=request.user)
    except ValidationError as error:
        _refusal(request, error)
    return redirect(_debate_url(amendment.motion) + "#amendments")


@names_conference(of_conference)
@login_required
def speakers(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    context = {
        "conference": conference,
        "conference_open": conference.status != ConferenceStatus.CLOSED,
        "seated": has_seat(request.user, conference),
        "speakers": selectors.speakers(conference),
    }
    template = "debate/_speakers.html" if request.htmx else "debate/speakers.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@names_conference(of_conference)
@login_required
@require_POST
def speakers_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    try:
        if action == "request":
            services.request_floor(conference=conference, actor=request.user)
        elif action == "next":
            services.call_next_speaker(conference=conference, actor=request.user)
        elif action in ("close", "open"):
            services.set_list_closed(conference=conference, actor=request.user, closed=action == "close")
        else:
            entry = get_object_or_404(
                Speaker, pk=bounds.id_from(request.POST.get("entry")), speakers_list__conference=conference
            )
            if action == "withdraw":
                services.withdraw_from_floor(entry=entry, actor=request.user)
            elif action == "end":
                services.end_speech(entry=entry, actor=request.user)
    except ValidationError as error:
        _refusal(request, error)
    return redirect(reverse("debate:speakers", args=[conference.pk]))
