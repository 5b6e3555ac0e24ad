"""Reads of the conference workflow: who is present, how far a ballot is, what was decided."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from icor.accounts.models import Role
from icor.conferences.models import (
    Attendance,
    Ballot,
    BallotParticipation,
    BallotPresence,
    Conference,
    ConsensusRound,
    Delegate,
    Delegation,
    Motion,
    SecretVote,
    Vote,
)


def conferences(viewer: Any = None) -> QuerySet[Conference]:
    """All conferences; a partner's observer sees those it is invited to (S13)."""
    if getattr(viewer, "role", None) == Role.OBSERVER:
        return Conference.objects.filter(guests__user=viewer)
    return Conference.objects.all()


def present_delegations(conference: Conference) -> list[Delegation]:
    """Delegations checked in now: the "delegates present" of the statute (S4)."""
    return list(
        Delegation.objects.filter(
            conference=conference, attendance__isnull=False, attendance__checked_out_at__isnull=True
        )
        .select_related("organization")
        .distinct()
    )


def delegations(conference: Conference) -> QuerySet[Delegation]:
    open_stay = Attendance.objects.filter(delegation=OuterRef("pk"), checked_out_at__isnull=True)
    return (
        Delegation.objects.filter(conference=conference)
        .annotate(is_present=Exists(open_stay))
        .select_related("organization")
        .prefetch_related(
            Prefetch("delegates", queryset=Delegate.objects.select_related("user__organization"))
        )
    )


def seat(user: Any, conference: Conference) -> Delegate | None:
    if not getattr(user, "is_authenticated", False) or user.role not in (Role.OFFICER, Role.DELEGATE):
        return None
    return (
        Delegate.objects.select_related("delegation__organization")
        .filter(user=user, delegation__conference=conference)
        .first()
    )


def agenda(conference: Conference) -> list[Any]:
    return list(
        conference.agenda.prefetch_related(
            Prefetch("motions", queryset=Motion.objects.select_related("organization").order_by("pk"))
        )
    )


def motion(pk: int) -> Motion:
    return Motion.objects.select_related("agenda_item__conference", "organization").get(pk=pk)


def open_ballot(motion: Motion) -> Ballot | None:
    return motion.ballots.filter(closed_at__isnull=True).first()


def open_round(motion: Motion) -> ConsensusRound | None:
    return motion.consensus_rounds.filter(closed_at__isnull=True).first()


@dataclass(frozen=True)
class AttendanceOverview:
    delegations: list[Delegation]
    present: int
    accredited: int


def attendance_overview(conference: Conference) -> AttendanceOverview:
    rows = list(delegations(conference))
    present = sum(1 for row in rows if getattr(row, "is_present", False))
    return AttendanceOverview(delegations=rows, present=present, accredited=len(rows))


@dataclass(frozen=True)
class VoterRow:
    delegation: Delegation
    voted: bool
    choice: str | None  # named ballots only


@dataclass(frozen=True)
class BallotStatus:
    ballot: Ballot
    present: int
    voted: int
    rows: list[VoterRow]

    @property
    def missing(self) -> list[VoterRow]:
        return [row for row in self.rows if not row.voted]


# Delegations named per page of "not voted yet": a World conference may have thousands.
MISSING_PER_PAGE = 100


@dataclass(frozen=True)
class BallotCounts:
    """What every browser following a ballot refreshes: two counts, whatever the conference's size."""

    ballot: Ballot
    present: int
    voted: int
    missing: Page[BallotPresence] | None = None  # asked for (the chair): one page of those not voted


def ballot_counts(ballot: Ballot, *, missing_page: int | str | None = None) -> BallotCounts:
    """How many of the present have voted; with `missing_page`, that page of those who have not."""
    present = BallotPresence.objects.filter(ballot=ballot)
    voters = (BallotParticipation if ballot.secret else Vote).objects.filter(ballot=ballot)
    missing = None
    if missing_page is not None:
        waiting = (
            present.exclude(delegation_id__in=voters.values("delegation_id"))
            .select_related("delegation__organization")
            .order_by(
                "delegation__organization__continent",
                "delegation__organization__country",
                "delegation__organization__name",
            )
        )
        missing = Paginator(waiting, MISSING_PER_PAGE).get_page(missing_page)
    return BallotCounts(ballot=ballot, present=present.count(), voted=voters.count(), missing=missing)


def ballot_status(ballot: Ballot) -> BallotStatus:
    """For the chair: how many of the present have voted, and which have not (secret: only whether)."""
    present = [p.delegation for p in ballot.present.select_related("delegation__organization")]
    if ballot.secret:
        voted = set(BallotParticipation.objects.filter(ballot=ballot).values_list("delegation_id", flat=True))
        choices: dict[int, str] = {}
    else:
        choices = dict(Vote.objects.filter(ballot=ballot).values_list("delegation_id", "choice"))
        voted = set(choices)
    present.sort(key=lambda d: (d.organization.continent, str(d.organization.country), d.organization.name))
    rows = [VoterRow(d, d.pk in voted, choices.get(d.pk)) for d in present]
    return BallotStatus(ballot=ballot, present=len(present), voted=len(voted), rows=rows)


@dataclass(frozen=True)
class PublishedVote:
    """One counted secret vote as published after the close: receipt fingerprint and choice."""

    receipt_hash: str
    choice: str

    @property
    def short_code(self) -> str:
        return self.receipt_hash[:12]


def counted_secret_votes(ballot: Ballot) -> list[PublishedVote]:
    """Published only once the ballot is closed, in the order of the hashes (which reveals nothing)."""
    if ballot.is_open or not ballot.secret:
        return []
    return [
        PublishedVote(receipt_hash, choice)
        for receipt_hash, choice in SecretVote.objects.filter(ballot=ballot)
        .order_by("receipt_hash")
        .values_list("receipt_hash", "choice")
    ]


def find_receipt(ballot: Ballot, code: str) -> PublishedVote | None:
    from icor.conferences.services.ballots import receipt_hash

    if ballot.is_open or not ballot.secret:
        return None
    digest = receipt_hash(code)
    choice = (
        SecretVote.objects.filter(ballot=ballot, receipt_hash=digest).values_list("choice", flat=True).first()
    )
    return None if choice is None else PublishedVote(digest, choice)


def named_votes(ballot: Ballot) -> list[Vote]:
    if ballot.secret:
        return []
    return list(Vote.objects.filter(ballot=ballot).select_related("delegation__organization"))


def rounds_with_positions(motion: Motion) -> list[ConsensusRound]:
    return list(
        motion.consensus_rounds.prefetch_related("positions__delegation__organization").order_by("opened_at")
    )


def open_ballots(conference: Conference) -> list[Ballot]:
    return list(
        Ballot.objects.filter(
            motion__agenda_item__conference=conference, closed_at__isnull=True
        ).select_related("motion")
    )
