"""The conference API. Session authentication with CSRF on unsafe methods (ninja's django_auth)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from icor.accounts.models import User
from icor.conferences import schemas, selectors, services
from icor.conferences.models import (
    AgendaItem,
    Ballot,
    Conference,
    ConsensusRound,
    Delegation,
    Motion,
)
from icor.core.collation import by_place_and_name
from icor.core.refusals import REFUSED
from icor.registry.models import Organization

router = Router(tags=["conferences"], auth=django_auth)


def conference_out(conference: Conference) -> dict[str, Any]:
    return {
        "id": conference.pk,
        "kind": conference.kind,
        "title": conference.title,
        "continent": conference.continent,
        "region_name": conference.region_name,
        "region_countries": [str(c.code) for c in conference.region_countries],
        "starts_on": conference.starts_on,
        "ends_on": conference.ends_on,
        "place": conference.place,
        "online": conference.online,
        "status": conference.status,
        "quorum": conference.quorum,
        "votes_per_delegation": conference.votes_per_delegation,
    }


def motion_out(motion: Motion) -> dict[str, Any]:
    return {
        "id": motion.pk,
        "conference_id": motion.agenda_item.conference_id,
        "agenda_item_id": motion.agenda_item_id,
        "kind": motion.kind,
        "title": motion.title,
        "text": motion.text,
        "organization": motion.organization.slug,
        "organization_name": motion.organization.short_name,
        "cosponsors": [c.organization.slug for c in motion.cosponsors.select_related("organization")],
        "state": motion.state,
        "discussion_concluded": motion.discussion_concluded,
        "discussion_concluded_at": motion.discussion_concluded_at,
        "versions": list(motion.versions.all()),
        "language": motion.language,
    }


def translations_out(motion: Motion) -> list[dict[str, Any]]:
    shown = selectors.motion_text(motion, "")
    return [
        {
            "language": t.language,
            "title": t.title,
            "text": t.text,
            "version": t.version,
            "outdated": t.version < shown.current_version,
            "organization": t.organization.slug,
            "organization_name": t.organization.short_name,
            "updated_at": t.updated_at,
        }
        for t in shown.translations
    ]


def ballot_out(ballot: Ballot) -> dict[str, Any]:
    status = selectors.ballot_counts(ballot, missing_page=1)
    assert status.missing is not None
    return {
        "id": ballot.pk,
        "motion_id": ballot.motion_id,
        "secret": ballot.secret,
        "allow_changes": ballot.allow_changes,
        "open": ballot.is_open,
        "opened_at": ballot.opened_at,
        "closes_at": ballot.closes_at,
        "open_until_at_least": ballot.open_until_at_least,
        "present": status.present,
        "voted": status.voted,
        "not_voted": [presence.delegation_id for presence in status.missing],
        "not_voted_count": status.missing.paginator.count,
        "outcome": ballot.outcome,
    }


def round_out(consensus_round: ConsensusRound) -> dict[str, Any]:
    # The figures of the pages and minutes: positions as stated, silence counted as not stated.
    progress = selectors.round_progress(consensus_round)
    figures = progress.figures.to_dict()
    outcome = consensus_round.outcome
    return {
        "id": consensus_round.pk,
        "motion_id": consensus_round.motion_id,
        "open": consensus_round.is_open,
        "present": progress.present,
        "stated": len(progress.stated),
        "not_stated": [row.delegation.pk for row in progress.not_stated],
        "figures": figures,
        "outcome": {**outcome, "figures": figures} if outcome else None,
        "reservations": consensus_round.reservations,
        "objections": consensus_round.objections,
    }


def _ballot(pk: int) -> Ballot:
    return services.close_if_due(ballot=get_object_or_404(Ballot, pk=pk))


def _delegation(pk: int | None) -> Delegation | None:
    return None if pk is None else get_object_or_404(Delegation, pk=pk)


@router.get("/", response=list[schemas.ConferenceOut], summary="Conferences")
def list_conferences(request: HttpRequest) -> list[dict[str, Any]]:
    return [conference_out(c) for c in selectors.conferences(request.user)]


@router.post("/", response={201: schemas.ConferenceOut, **REFUSED}, summary="Plan a conference (committee)")
def create_conference(request: HttpRequest, payload: schemas.ConferenceIn) -> Status:
    conference = services.create_conference(actor=request.user, **payload.dict())
    return Status(201, conference_out(conference))


@router.get("/{conference_id}", response={200: schemas.ConferenceOut, **REFUSED}, summary="One conference")
def conference_detail(request: HttpRequest, conference_id: int) -> dict[str, Any]:
    return conference_out(get_object_or_404(Conference, pk=conference_id))


@router.post(
    "/{conference_id}/advance",
    response={200: schemas.ConferenceOut, **REFUSED},
    summary="Planned → in session → closed",
)
def advance_conference(request: HttpRequest, conference_id: int) -> dict[str, Any]:
    conference = get_object_or_404(Conference, pk=conference_id)
    return conference_out(services.advance_conference(conference=conference, actor=request.user))


@router.get(
    "/{conference_id}/delegations", response=list[schemas.DelegationOut], summary="Accredited delegations"
)
def list_delegations(request: HttpRequest, conference_id: int) -> list[dict[str, Any]]:
    conference = get_object_or_404(Conference, pk=conference_id)
    return [
        {
            "id": d.pk,
            "organization": d.organization.slug,
            "organization_name": d.organization.short_name,
            "present": getattr(d, "is_present", False),
            "delegates": [
                {"public_name": s.user.shown_name, "voting": s.is_voting} for s in d.delegates.all()
            ],
        }
        for d in sorted(selectors.delegations(conference), key=lambda d: by_place_and_name(d.organization))
    ]


@router.post(
    "/{conference_id}/delegations",
    response={200: dict[str, int], **REFUSED},
    summary="Accredit the delegation of your own organization (its officer only)",
)
def accredit(request: HttpRequest, conference_id: int, payload: schemas.AccreditationIn) -> dict[str, int]:
    conference = get_object_or_404(Conference, pk=conference_id)
    organization = get_object_or_404(Organization, slug=payload.organization)
    accounts = {u.pk: u for u in User.objects.filter(pk__in=payload.delegate_ids)}
    if len(accounts) != len(set(payload.delegate_ids)):
        raise HttpError(422, gettext("Some of the delegate accounts do not exist."))
    voting = accounts.get(payload.voting_delegate_id) if payload.voting_delegate_id else None
    if payload.voting_delegate_id and voting is None:
        raise HttpError(422, gettext("The voting delegate must be one of the delegates."))
    delegation = services.accredit_delegation(
        conference=conference,
        organization=organization,
        actor=request.user,
        delegates=list(accounts.values()),
        voting_delegate=voting,
    )
    return {"id": delegation.pk}


def _attendance(conference: Conference) -> dict[str, Any]:
    order = selectors.attendance_order(conference)
    present = [pk for pk, is_present in order if is_present]
    return {"present": len(present), "accredited": len(order), "present_delegations": present}


@router.get("/{conference_id}/attendance", response=schemas.AttendanceOut, summary="Delegations present now")
def attendance(request: HttpRequest, conference_id: int) -> dict[str, Any]:
    return _attendance(get_object_or_404(Conference, pk=conference_id))


@router.post(
    "/{conference_id}/attendance",
    response={200: schemas.AttendanceOut, **REFUSED},
    summary="Check your delegation in or out",
)
def check_in_or_out(
    request: HttpRequest, conference_id: int, payload: schemas.AttendanceIn
) -> dict[str, Any]:
    conference = get_object_or_404(Conference, pk=conference_id)
    seat = selectors.seat(request.user, conference)
    if seat is None:
        raise HttpError(403, gettext("You are not accredited as a delegate to this conference."))
    step = services.check_in if payload.action == "in" else services.check_out
    step(delegation=seat.delegation, actor=request.user)
    return _attendance(conference)


@router.post(
    "/{conference_id}/agenda",
    response={201: schemas.AgendaItemOut, **REFUSED},
    summary="Add an agenda item (chair)",
)
def add_agenda_item(request: HttpRequest, conference_id: int, payload: schemas.AgendaItemIn) -> Status:
    conference = get_object_or_404(Conference, pk=conference_id)
    return Status(
        201,
        services.add_agenda_item(conference=conference, actor=request.user, title=payload.title),
    )


@router.get("/{conference_id}/motions", response=list[schemas.MotionOut], summary="Motions of a conference")
def list_motions(request: HttpRequest, conference_id: int) -> list[dict[str, Any]]:
    motions = Motion.objects.filter(agenda_item__conference_id=conference_id).select_related(
        "agenda_item", "organization"
    )
    return [motion_out(m) for m in motions]


@router.post(
    "/{conference_id}/motions",
    response={201: schemas.MotionOut, **REFUSED},
    summary="Submit a motion for your own organization",
)
def create_motion(request: HttpRequest, conference_id: int, payload: schemas.MotionIn) -> Status:
    item = get_object_or_404(AgendaItem, pk=payload.agenda_item_id, conference_id=conference_id)
    organization = get_object_or_404(Organization, slug=payload.organization)
    motion = services.create_motion(
        agenda_item=item,
        organization=organization,
        actor=request.user,
        kind=payload.kind,
        title=payload.title,
        text=payload.text,
        submit=payload.submit,
        language=payload.language,
    )
    return Status(201, motion_out(motion))


@router.get("/motions/{motion_id}", response={200: schemas.MotionOut, **REFUSED}, summary="One motion")
def motion_detail(request: HttpRequest, motion_id: int) -> dict[str, Any]:
    return motion_out(get_object_or_404(Motion, pk=motion_id))


@router.post(
    "/motions/{motion_id}/transition",
    response={200: schemas.MotionOut, **REFUSED},
    summary="A step of the transition table",
)
def transition(request: HttpRequest, motion_id: int, payload: schemas.TransitionIn) -> dict[str, Any]:
    motion = get_object_or_404(Motion, pk=motion_id)
    return motion_out(services.move_motion(motion=motion, actor=request.user, target=payload.target))


@router.post(
    "/motions/{motion_id}/conclude-discussion",
    response={200: schemas.MotionOut, **REFUSED},
    summary="The chair concludes the discussion (S4)",
)
def conclude_discussion(request: HttpRequest, motion_id: int) -> dict[str, Any]:
    motion = get_object_or_404(Motion, pk=motion_id)
    return motion_out(services.conclude_discussion(motion=motion, actor=request.user))


@router.post(
    "/motions/{motion_id}/cosponsors",
    response={200: schemas.MotionOut, **REFUSED},
    summary="Co-sponsor for your own organization",
)
def cosponsor(request: HttpRequest, motion_id: int, payload: schemas.CoSponsorIn) -> dict[str, Any]:
    motion = get_object_or_404(Motion, pk=motion_id)
    organization = get_object_or_404(Organization, slug=payload.organization)
    services.cosponsor_motion(motion=motion, organization=organization, actor=request.user)
    return motion_out(motion)


@router.get(
    "/motions/{motion_id}/translations",
    response={200: list[schemas.TranslationOut], **REFUSED},
    summary="Translations of a motion, each with who provided it and whether it follows the current version",
)
def motion_translations(request: HttpRequest, motion_id: int) -> list[dict[str, Any]]:
    return translations_out(get_object_or_404(Motion, pk=motion_id))


@router.post(
    "/motions/{motion_id}/translations",
    response={201: list[schemas.TranslationOut], **REFUSED},
    summary="Add or renew a translation for your own organization (the original stays authoritative)",
)
def translate_motion(request: HttpRequest, motion_id: int, payload: schemas.TranslationIn) -> Status:
    motion = get_object_or_404(Motion, pk=motion_id)
    services.translate_motion(
        motion=motion,
        actor=request.user,
        language=payload.language,
        title=payload.title,
        text=payload.text,
    )
    return Status(201, translations_out(motion))


@router.post(
    "/motions/{motion_id}/consensus-rounds",
    response={201: schemas.ConsensusRoundOut, **REFUSED},
    summary="Open a consensus round (chair)",
)
def open_round(request: HttpRequest, motion_id: int) -> Status:
    motion = get_object_or_404(Motion, pk=motion_id)
    return Status(201, round_out(services.open_consensus_round(motion=motion, actor=request.user)))


@router.get(
    "/consensus-rounds/{round_id}",
    response={200: schemas.ConsensusRoundOut, **REFUSED},
    summary="A consensus round",
)
def consensus_round(request: HttpRequest, round_id: int) -> dict[str, Any]:
    return round_out(get_object_or_404(ConsensusRound, pk=round_id))


@router.post(
    "/consensus-rounds/{round_id}/positions",
    response={201: schemas.ConsensusRoundOut, **REFUSED},
    summary="State your delegation's position",
)
def state_position(request: HttpRequest, round_id: int, payload: schemas.PositionIn) -> Status:
    found = get_object_or_404(ConsensusRound, pk=round_id)
    services.state_position(
        consensus_round=found,
        actor=request.user,
        position=payload.position,
        statement=payload.statement,
        delegation=_delegation(payload.delegation_id),
    )
    return Status(201, round_out(found))


@router.post(
    "/consensus-rounds/{round_id}/close",
    response={200: schemas.ConsensusRoundOut, **REFUSED},
    summary="Close and decide by consensus (S2)",
)
def close_round(request: HttpRequest, round_id: int) -> dict[str, Any]:
    found = get_object_or_404(ConsensusRound, pk=round_id)
    return round_out(services.close_consensus_round(consensus_round=found, actor=request.user))


@router.post(
    "/motions/{motion_id}/ballots",
    response={201: schemas.BallotOut, **REFUSED},
    summary="Open a ballot (chair; refused where the statute allows none)",
)
def open_ballot(request: HttpRequest, motion_id: int, payload: schemas.BallotIn) -> Status:
    motion = get_object_or_404(Motion, pk=motion_id)
    return Status(
        201,
        ballot_out(services.open_ballot(motion=motion, actor=request.user, **payload.dict())),
    )


@router.get(
    "/ballots/{ballot_id}",
    response={200: schemas.BallotOut, **REFUSED},
    summary="A ballot: how many of those present voted",
)
def ballot_detail(request: HttpRequest, ballot_id: int) -> dict[str, Any]:
    return ballot_out(_ballot(ballot_id))


@router.get(
    "/ballots/{ballot_id}/not-voted",
    response={200: schemas.NotVotedOut, **REFUSED},
    summary="One page of the delegations present that have not voted yet",
)
def not_voted(request: HttpRequest, ballot_id: int, page: int = 1) -> dict[str, Any]:
    status = selectors.ballot_counts(_ballot(ballot_id), missing_page=page)
    assert status.missing is not None
    return {
        "count": status.missing.paginator.count,
        "page": status.missing.number,
        "pages": status.missing.paginator.num_pages,
        "delegations": [presence.delegation_id for presence in status.missing],
    }


@router.post(
    "/ballots/{ballot_id}/votes",
    response={201: schemas.VoteOut, **REFUSED},
    summary="Cast your delegation's vote",
)
def cast(request: HttpRequest, ballot_id: int, payload: schemas.VoteIn) -> Status:
    # The ballot is read (404 if there is none) and checked under its lock, in the cast's (perhaps shared) transaction.
    result = services.cast_vote(
        ballot=ballot_id,
        actor=request.user,
        choice=payload.choice,
        delegation=_delegation(payload.delegation_id),
        receipt=payload.receipt,
    )
    return Status(201, {"changed": result.changed, "receipt": result.receipt})


@router.post(
    "/ballots/{ballot_id}/allow-changes",
    response={200: schemas.BallotOut, **REFUSED},
    summary="Let delegations change their vote (chair)",
)
def allow_changes(request: HttpRequest, ballot_id: int) -> dict[str, Any]:
    ballot = get_object_or_404(Ballot, pk=ballot_id)
    return ballot_out(services.allow_vote_changes(ballot=ballot, actor=request.user))


@router.post(
    "/ballots/{ballot_id}/close",
    response={200: schemas.BallotOut, **REFUSED},
    summary="Close and decide by the statute (chair)",
)
def close(request: HttpRequest, ballot_id: int) -> dict[str, Any]:
    ballot = get_object_or_404(Ballot, pk=ballot_id)
    return ballot_out(services.close_ballot(ballot=ballot, actor=request.user))


@router.get(
    "/ballots/{ballot_id}/result",
    response={200: schemas.ResultOut, **REFUSED},
    summary="Outcome with the counted ballots",
)
def result(request: HttpRequest, ballot_id: int) -> dict[str, Any]:
    ballot = _ballot(ballot_id)
    return {
        "ballot": ballot_out(ballot),
        "named_votes": [
            {
                "organization": v.delegation.organization.slug,
                "organization_name": v.delegation.organization.short_name,
                "choice": v.choice,
            }
            for v in (selectors.named_votes(ballot) if not ballot.is_open else [])
        ],
        "counted_secret_votes": [
            {"receipt_hash": v.receipt_hash, "short_code": v.short_code}
            for v in selectors.counted_secret_votes(ballot)
        ],
    }
