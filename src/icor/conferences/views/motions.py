from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules import has_perm

from icor.conferences import selectors, services
from icor.conferences.confirmations import MOTION_STEPS, WITHDRAW_MOTION
from icor.conferences.console import chair_notes, chair_steps
from icor.conferences.forms import (
    BallotForm,
    MotionForm,
    PositionForm,
    ReceiptForm,
    TranslationForm,
    VoteForm,
)
from icor.conferences.models import (
    Ballot,
    BallotParticipation,
    Conference,
    ConferenceStatus,
    ConsensusPosition,
    Motion,
    Vote,
)
from icor.conferences.scope import names_conference, of_ballot, of_conference, of_motion
from icor.conferences.services.casting import receipt_hash
from icor.conferences.transitions import FINAL_STATES, MotionState, Mover, next_states
from icor.core.confirmation import confirm_first
from icor.core.pages import attempt, back_to


@names_conference(of_conference)
@login_required
def motion_new(request: HttpRequest, pk: int) -> HttpResponse:
    conference = get_object_or_404(Conference, pk=pk)
    organization = getattr(request.user, "organization", None)
    if request.method == "POST" and organization is None:
        # S11: a motion is submitted for the account's own organization; without one there is none.
        raise PermissionDenied(
            _("Only accounts of a member organization submit motions, for that organization.")
        )
    form = MotionForm(request.POST or None, conference=conference)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        motion = attempt(
            request,
            lambda: services.create_motion(
                agenda_item=data["agenda_item"],
                organization=organization,  # type: ignore[arg-type]
                actor=request.user,
                kind=data["kind"],
                title=data["title"],
                text=data["text"],
                submit=data["submit"],
                language=data["language"] or "en",
            ),
            _("The motion is saved."),
        )
        if motion is not None:
            return redirect("conferences:motion", motion.pk)
    return render(
        request,
        "conferences/motion_new.html",
        {"conference": conference, "form": form, "is_closed": conference.status == ConferenceStatus.CLOSED},
    )


def _voting_context(request: HttpRequest, motion: Motion, ballot: Ballot | None) -> dict[str, Any]:
    seat = selectors.seat(request.user, motion.conference)
    context: dict[str, Any] = {"seat": seat, "may_vote": False, "has_voted": False}
    if seat is None or not seat.is_voting or ballot is None:
        return context
    in_snapshot = ballot.present.filter(delegation=seat.delegation).exists()
    voted_rows = BallotParticipation if ballot.secret else Vote
    has_voted = voted_rows.objects.filter(ballot=ballot, delegation=seat.delegation).exists()
    context.update(may_vote=in_snapshot and (not has_voted or ballot.allow_changes), has_voted=has_voted)
    return context


@names_conference(of_motion)
@login_required
def motion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        motion = selectors.motion(pk)
    except Motion.DoesNotExist:
        raise Http404 from None
    ballot = selectors.open_ballot(motion)
    if ballot is not None:
        ballot = services.close_if_due(ballot=ballot)
        motion.refresh_from_db()
        ballot = ballot if ballot.is_open else None
    consensus_round = selectors.open_round(motion)
    seat = selectors.seat(request.user, motion.conference)
    stated = (
        consensus_round is not None
        and seat is not None
        and ConsensusPosition.objects.filter(round=consensus_round, delegation=seat.delegation).exists()
    )
    is_chair = has_perm("conferences.chair", request.user)
    own = getattr(request.user, "acts_for", lambda _pk: False)(motion.organization_id)
    conference = motion.conference
    is_open = conference.status != ConferenceStatus.CLOSED
    organization_id = getattr(request.user, "organization_id", None)
    cosponsoring = (
        organization_id is not None and motion.cosponsors.filter(organization_id=organization_id).exists()
    )
    context = {
        "motion": motion,
        "conference": motion.conference,
        "versions": motion.versions.all(),
        "shown": selectors.motion_text(motion, get_language()),
        "may_translate": has_perm("conferences.translate", request.user) and motion.state != "draft",
        "translation_form": TranslationForm(initial={"language": get_language()}),
        "cosponsors": motion.cosponsors.select_related("organization"),
        "round_records": [
            (r, [row.delegation.organization.short_name for row in selectors.round_progress(r).not_stated])
            for r in selectors.rounds_with_positions(motion)
            if r.outcome
        ],
        "open_round": consensus_round,
        "round_progress": selectors.round_progress(consensus_round) if consensus_round and is_chair else None,
        "may_state_position": is_open
        and consensus_round is not None
        and seat is not None
        and seat.is_voting
        and not stated
        and consensus_round.present.filter(delegation=seat.delegation).exists(),
        "open_ballot": ballot,
        "closed_ballots": motion.ballots.filter(closed_at__isnull=False),
        "chair_steps": chair_steps(motion, conference=conference) if is_chair else [],
        "chair_notes": chair_notes(motion, conference=conference) if is_chair else [],
        "submitter_steps": next_states(motion.state, Mover.SUBMITTER) if own and is_open else [],
        "withdrawal": WITHDRAW_MOTION,
        "may_cosponsor": has_perm("conferences.cosponsor", request.user)
        and not own
        and not cosponsoring
        and is_open
        and motion.state not in FINAL_STATES
        and motion.state != MotionState.DRAFT,
        "here": request.path,
        "position_form": PositionForm(),
        "ballot_form": BallotForm(),
        "vote_form": VoteForm(),
        "resolution_url": reverse("charter:resolution"),
        **_voting_context(request, motion, ballot),
    }
    return render(request, "conferences/motion.html", context)


# Every button of the motion page; the authorization matrix has a row for each (S11).
MOTION_ACTIONS = (
    "submit",
    "withdrawn",
    "in_discussion",
    "deferred",
    "conclude",
    "cosponsor",
    "open_round",
    "close_round",
    "position",
    "open_ballot",
    "close_ballot",
    "allow_changes",
    "translate",
)


@names_conference(of_motion)
@login_required
def motion_state(request: HttpRequest, pk: int) -> HttpResponse:
    """The live state badge of a motion."""
    motion = get_object_or_404(Motion, pk=pk)
    return render(request, "conferences/_motion_state.html", {"motion": motion})


@names_conference(of_motion)
@login_required
@require_POST
@confirm_first(lambda _request, pk, action: MOTION_STEPS.get(action))
def motion_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Each button on the motion page posts here; the service decides whether it may happen."""
    if action not in MOTION_ACTIONS:
        raise Http404
    motion = get_object_or_404(Motion, pk=pk)
    user = request.user
    steps = {
        "submit": (lambda: services.submit_motion(motion=motion, actor=user), _("The motion is submitted.")),
        "conclude": (
            lambda: services.conclude_discussion(motion=motion, actor=user),
            _("The discussion is concluded."),
        ),
        "cosponsor": (lambda: _cosponsor(motion, user), _("Your organization co-sponsors this motion.")),
        "open_round": (
            lambda: services.open_consensus_round(motion=motion, actor=user),
            _("The consensus round is open."),
        ),
    }
    moves = {
        "withdrawn": _("The motion is withdrawn."),
        "in_discussion": _("The discussion is open."),
        "deferred": _("The motion is deferred."),
    }
    if action in moves:
        attempt(
            request, lambda: services.move_motion(motion=motion, actor=user, target=action), moves[action]
        )
    elif action in steps:
        run, success = steps[action]
        attempt(request, run, success)
    elif action == "close_round":
        consensus_round = selectors.open_round(motion)
        if consensus_round is None:
            messages.error(request, _("No consensus round is open."))
        else:
            attempt(
                request,
                lambda: services.close_consensus_round(consensus_round=consensus_round, actor=user),
                _("The consensus round is closed."),
            )
    elif action == "position":
        _state_position(request, motion)
    elif action == "open_ballot":
        form = BallotForm(request.POST)
        if form.is_valid():
            attempt(
                request,
                lambda: services.open_ballot(motion=motion, actor=user, **form.cleaned_data),
                _("The ballot is open."),
            )
    elif action == "translate":
        _translate(request, motion)
    else:  # close_ballot, allow_changes
        _ballot_step(request, motion, action)
    return redirect(back_to(request, reverse("conferences:motion", args=[pk])))


def _cosponsor(motion: Motion, user: Any) -> object:
    organization = getattr(user, "organization", None)
    if organization is None:
        # S11: an officer co-sponsors for the own organization; an account without one cannot.
        raise PermissionDenied(
            _("Only an officer of a member organization co-sponsors, for that organization.")
        )
    return services.cosponsor_motion(motion=motion, organization=organization, actor=user)


def _translate(request: HttpRequest, motion: Motion) -> None:
    form = TranslationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The translation needs a language, a title and a text."))
        return
    attempt(
        request,
        lambda: services.translate_motion(motion=motion, actor=request.user, **form.cleaned_data),
        _("The translation is saved; it is shown as provided by your organization."),
    )


def _state_position(request: HttpRequest, motion: Motion) -> None:
    form = PositionForm(request.POST)
    consensus_round = selectors.open_round(motion)
    if consensus_round is None or not form.is_valid():
        messages.error(request, _("No consensus round is open, or the form is incomplete."))
        return
    attempt(
        request,
        lambda: services.state_position(
            consensus_round=consensus_round,
            actor=request.user,
            position=form.cleaned_data["position"],
            statement=form.cleaned_data["statement"],
        ),
        _("Your delegation's position is recorded."),
    )


def _ballot_step(request: HttpRequest, motion: Motion, action: str) -> None:
    ballot = selectors.open_ballot(motion)
    if ballot is None:
        messages.error(request, _("No ballot is open."))
    elif action == "close_ballot":
        attempt(
            request,
            lambda: services.close_ballot(ballot=ballot, actor=request.user),
            _("The ballot is closed."),
        )
    else:
        attempt(
            request,
            lambda: services.allow_vote_changes(ballot=ballot, actor=request.user),
            _("Delegations may now change their vote."),
        )


@names_conference(of_ballot)
@login_required
@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_object_or_404(Ballot.objects.select_related("motion__agenda_item__conference"), pk=pk)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose yes, no or abstain."))
        return redirect("conferences:motion", ballot.motion_id)
    result = attempt(
        request,
        lambda: services.cast_vote(
            ballot=ballot,
            actor=request.user,
            choice=form.cleaned_data["choice"],
            receipt=form.cleaned_data["receipt"],
        ),
        _("Your delegation's vote is counted.") if not ballot.secret else "",
    )
    if result is not None and result.receipt:
        # Shown in this response only: the code is never stored, only its SHA-256.
        return render(
            request,
            "conferences/receipt.html",
            {"ballot": ballot, "receipt": result.receipt, "fingerprint": receipt_hash(result.receipt)[:12]},
        )
    if result is not None and ballot.secret:
        messages.success(request, _("Your delegation's secret vote is changed."))
    return redirect("conferences:motion", ballot.motion_id)


@names_conference(of_ballot)
@login_required
def ballot_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The live partial every browser following the ballot refreshes: counts only, so that it
    stays small for thousands of delegations; the chair also sees a page of those not voted yet."""
    ballot = services.close_if_due(ballot=get_object_or_404(Ballot, pk=pk))
    is_chair = has_perm("conferences.chair", request.user)
    return render(
        request,
        "conferences/_ballot_status.html",
        {
            "status": selectors.ballot_counts(
                ballot, missing_page=request.GET.get("missing", 1) if is_chair else None
            ),
        },
    )


@names_conference(of_ballot)
@login_required
def ballot_result(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = services.close_if_due(ballot=get_object_or_404(Ballot.objects.select_related("motion"), pk=pk))
    # The receipt code is posted, never put in a URL (browser history, server logs).
    form = ReceiptForm(request.POST if request.method == "POST" else None)
    found = None
    if form.is_valid():
        found = selectors.find_receipt(ballot, form.cleaned_data["code"])
    return render(
        request,
        "conferences/ballot.html",
        {
            "ballot": ballot,
            "motion": selectors.with_reader_translation(ballot.motion),
            "conference": ballot.motion.conference,
            "status": selectors.ballot_counts(ballot),
            "named_votes": selectors.named_votes(ballot) if not ballot.is_open else [],
            "published": selectors.counted_secret_votes(ballot),
            "receipt_form": form,
            "searched": form.is_bound,
            "found": found,
            "resolution_url": reverse("charter:resolution"),
        },
    )
