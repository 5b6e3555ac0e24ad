"""The minutes of a conference: attendance, and for each motion every procedure with its figures and clause."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Prefetch

from icor.conferences.models import Attendance, Conference, Delegate, Delegation, Motion
from icor.conferences.selectors import named_votes


@dataclass(frozen=True)
class Procedure:
    """One consensus round or ballot, as the minutes record it."""

    name: str
    opened_at: datetime
    closed_at: datetime | None
    outcome: dict[str, Any] | None
    figures: str
    reservations: list[dict[str, str]] = field(default_factory=list)
    objections: list[dict[str, str]] = field(default_factory=list)
    named_votes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def result(self) -> str:
        return str(self.outcome["outcome"]) if self.outcome else "open"


@dataclass(frozen=True)
class Decision:
    motion: Motion
    cosponsors: list[str]
    procedures: list[Procedure]


@dataclass(frozen=True)
class Presence:
    delegation: Delegation
    delegates: list[str]
    stays: list[tuple[datetime, datetime | None]]


@dataclass(frozen=True)
class Minutes:
    conference: Conference
    presence: list[Presence]
    decisions: list[Decision]


def figures_text(outcome: dict[str, Any] | None) -> str:
    if not outcome:
        return ""
    figures = outcome["figures"]
    if outcome["procedure"] == "consensus":
        return (
            f"agree {figures['agree']} · stand aside {figures['stand_aside']} · "
            f"objections {figures['objections']} · delegations present {figures['present']}"
        )
    text = f"yes {figures['yes']} · no {figures['no']} · abstain {figures['abstain']}"
    if figures.get("present") is not None:
        text += f" · votes present {figures['present']} · not voting {figures['not_voting']}"
    return text


def minutes(conference: Conference) -> Minutes:
    delegations = (
        Delegation.objects.filter(conference=conference)
        .select_related("organization")
        .prefetch_related(
            Prefetch("delegates", queryset=Delegate.objects.select_related("user__organization")),
            Prefetch("attendance", queryset=Attendance.objects.order_by("checked_in_at")),
        )
    )
    presence = [
        Presence(
            delegation=delegation,
            delegates=[
                f"{seat.user.shown_name}{' (voting)' if seat.is_voting else ''}"
                for seat in delegation.delegates.all()
            ],
            stays=[(stay.checked_in_at, stay.checked_out_at) for stay in delegation.attendance.all()],
        )
        for delegation in delegations
    ]
    motions = (
        Motion.objects.filter(agenda_item__conference=conference)
        .exclude(state="draft")
        .select_related("agenda_item", "organization")
        .prefetch_related("cosponsors__organization", "consensus_rounds", "ballots")
        .order_by("agenda_item__position", "pk")
    )
    decisions = [
        Decision(
            motion=motion,
            cosponsors=[c.organization.short_name for c in motion.cosponsors.all()],
            procedures=_procedures(motion),
        )
        for motion in motions
    ]
    return Minutes(conference=conference, presence=presence, decisions=decisions)


def _procedures(motion: Motion) -> list[Procedure]:
    procedures = [
        Procedure(
            name="Consensus round",
            opened_at=r.opened_at,
            closed_at=r.closed_at,
            outcome=r.outcome,
            figures=figures_text(r.outcome),
            reservations=list(r.reservations),
            objections=list(r.objections),
        )
        for r in motion.consensus_rounds.all()
    ]
    procedures += [
        Procedure(
            name="Secret ballot" if b.secret else "Named ballot",
            opened_at=b.opened_at,
            closed_at=b.closed_at,
            outcome=b.outcome,
            figures=figures_text(b.outcome),
            named_votes=[(v.delegation.organization.short_name, v.choice) for v in named_votes(b)]
            if b.closed_at
            else [],
        )
        for b in motion.ballots.all()
    ]
    return sorted(procedures, key=lambda p: p.opened_at)
