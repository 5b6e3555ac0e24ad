"""The minutes of a conference, an exact record: attendance with arrival and departure, and for each
motion its versions, its amendments with their fate, and every procedure with each delegation's
position or vote, the figures and the clause applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from icor.audit.checkpoints import Checkpoint, checkpoint_for
from icor.conferences.models import (
    Attendance,
    Conference,
    ConsensusPresence,
    Delegate,
    Delegation,
    Motion,
    MotionTranslation,
    MotionVersion,
    Position,
    Vote,
)
from icor.conferences.outcome_text import result_label
from icor.conferences.selectors import (
    RoundProgress,
    named_votes,
    progress_of,
    reader_translation,
    reader_translation_of,
)
from icor.core.collation import by_country_and_name
from icor.statute import CLAUSES, Rule


@dataclass(frozen=True)
class StatedPosition:
    """One delegation's position in a consensus round, exactly as stated; `position` empty: not stated."""

    organization: str
    organization_name: str
    position: str
    label: str
    statement: str


@dataclass(frozen=True)
class Procedure:
    """One consensus round or ballot, as the minutes record it."""

    name: str
    opened_at: datetime
    closed_at: datetime | None
    outcome: dict[str, Any] | None
    figures: str
    consensus: bool = False
    positions: list[StatedPosition] = field(default_factory=list)
    named_votes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def result(self) -> str:
        return result_label(self.outcome["outcome"]) if self.outcome else _("still open")

    @property
    def stated(self) -> list[StatedPosition]:
        return [p for p in self.positions if p.position]

    @property
    def not_stated(self) -> list[StatedPosition]:
        return [p for p in self.positions if not p.position]

    @property
    def silence_rule(self) -> str:
        """Why a silent delegation does not block (S2), said wherever one was silent."""
        return _(
            "A delegation present that states no position raises no objection: consensus is "
            "reached when none of the delegations present objects (%(rule)s)."
        ) % {"rule": Rule.S2.value}

    @property
    def silence_clause(self) -> str:
        return CLAUSES[Rule.S2].text


@dataclass(frozen=True)
class AmendmentRecord:
    number: int
    organization: str
    base_version: int
    fate: str
    resulting_version: int | None
    note: str
    rationale: str


@dataclass(frozen=True)
class Decision:
    motion: Motion
    cosponsors: list[str]
    procedures: list[Procedure]
    versions: list[MotionVersion] = field(default_factory=list)
    amendments: list[AmendmentRecord] = field(default_factory=list)
    # The title in the language of the minutes, beside the original, which stays the authoritative one.
    translation: MotionTranslation | None = None


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
    # The signed audit checkpoint written when the conference closed: every copy of the minutes
    # holds it, so a later rollback or rewrite of the record shows against any delegation's copy.
    checkpoint: Checkpoint | None = None


def consensus_figures_text(progress: RoundProgress) -> str:
    """The positions as stated: silence is counted as "not stated", never as agreement."""
    return (
        _(
            "agree %(agree)s · stand aside %(stand_aside)s · objections %(objections)s · "
            "not stated %(not_stated)s · delegations present %(present)s"
        )
        % progress.figures.to_dict()
    )


def ballot_figures_text(outcome: dict[str, Any] | None) -> str:
    if not outcome:
        return ""
    figures = outcome["figures"]
    text = _("yes %(yes)s · no %(no)s · abstain %(abstain)s") % figures
    if figures.get("present") is not None:
        text += " · " + _("votes present %(present)s · not voting %(not_voting)s") % figures
    return text


def minutes(conference: Conference) -> Minutes:
    delegations = (
        Delegation.objects.filter(conference=conference)
        .select_related("organization")
        # As plain lists (`to_attr`): a prefetch with its own queryset otherwise clones that
        # queryset once per delegation, which at thousands of delegations costs seconds.
        .prefetch_related(
            Prefetch(
                "delegates", queryset=Delegate.objects.select_related("user__organization"), to_attr="seats"
            ),
            Prefetch("attendance", queryset=Attendance.objects.order_by("checked_in_at"), to_attr="stays"),
        )
        .order_by("organization__name")
    )
    presence = [
        Presence(
            delegation=delegation,
            delegates=[
                gettext("%(name)s (voting)") % {"name": seat.user.shown_name}
                if seat.is_voting
                else seat.user.shown_name
                for seat in delegation.seats  # type: ignore[attr-defined]
            ],
            stays=[(stay.checked_in_at, stay.checked_out_at) for stay in delegation.stays],  # type: ignore[attr-defined]
        )
        for delegation in sorted(delegations, key=lambda d: by_country_and_name(d.organization))
    ]
    motions = (
        Motion.objects.filter(agenda_item__conference=conference)
        .exclude(state="draft")
        .select_related("agenda_item", "organization")
        # Everything the minutes print of each motion, read once for all of them (no query per motion).
        # Each vote and presence with its delegation and organization in one join, not two more
        # prefetches keyed by lists of every delegation (slow to build at thousands of delegations).
        .prefetch_related(
            "cosponsors__organization",
            Prefetch(
                "consensus_rounds__present",
                queryset=ConsensusPresence.objects.select_related("delegation__organization"),
            ),
            "consensus_rounds__positions",
            Prefetch("ballots__votes", queryset=Vote.objects.select_related("delegation__organization")),
            "versions",
            "amendments__organization",
            "amendments__base",
            "amendments__resulting_version",
            reader_translation(),
        )
        .order_by("agenda_item__position", "pk")
    )
    decisions = [
        Decision(
            motion=motion,
            cosponsors=[c.organization.short_name for c in motion.cosponsors.all()],
            procedures=_procedures(motion),
            versions=list(motion.versions.all()),
            amendments=_amendments(motion),
            translation=reader_translation_of(motion),
        )
        for motion in motions
    ]
    checkpoint = checkpoint_for(f"conference:{conference.pk} closed")
    return Minutes(conference=conference, presence=presence, decisions=decisions, checkpoint=checkpoint)


def _amendments(motion: Motion) -> list[AmendmentRecord]:
    amendments = sorted(motion.amendments.all(), key=lambda a: a.number)  # type: ignore[attr-defined]
    return [
        AmendmentRecord(
            number=a.number,
            organization=a.organization.short_name,
            base_version=a.base.number,
            fate=str(a.get_state_display()),
            resulting_version=a.resulting_version.number if a.resulting_version else None,
            note=a.decision_note,
            rationale=a.rationale,
        )
        for a in amendments
    ]


def _positions(progress: RoundProgress) -> list[StatedPosition]:
    labels = dict(Position.choices)
    return [
        StatedPosition(
            organization=row.delegation.organization.short_name,
            organization_name=row.delegation.organization.name,
            position=row.position.position if row.position else "",
            label=str(labels[row.position.position]) if row.position else _("not stated"),
            statement=row.position.statement if row.position else "",
        )
        for row in progress.rows
    ]


def _procedures(motion: Motion) -> list[Procedure]:
    procedures = []
    for consensus_round in motion.consensus_rounds.all():
        progress = progress_of(
            consensus_round, list(consensus_round.present.all()), list(consensus_round.positions.all())
        )
        procedures.append(
            Procedure(
                name=_("Consensus round"),
                opened_at=consensus_round.opened_at,
                closed_at=consensus_round.closed_at,
                outcome=consensus_round.outcome,
                figures=consensus_figures_text(progress),
                consensus=True,
                positions=_positions(progress),
            )
        )
    choices = {"yes": _("yes"), "no": _("no"), "abstain": _("abstain")}
    procedures += [
        Procedure(
            name=_("Secret ballot") if b.secret else _("Named ballot"),
            opened_at=b.opened_at,
            closed_at=b.closed_at,
            outcome=b.outcome,
            figures=ballot_figures_text(b.outcome),
            named_votes=[
                (v.delegation.organization.short_name, str(choices.get(v.choice, v.choice)))
                for v in named_votes(b)
            ]
            if b.closed_at
            else [],
        )
        for b in motion.ballots.all()
    ]
    return sorted(procedures, key=lambda p: p.opened_at)
