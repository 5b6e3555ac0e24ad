"""The life of a motion as an explicit table, with the statute's limits on ballots (S3, S4).

Pure Python: no Django import, so the table can be read, tested and cited on its own.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from icor.statute import CLAUSES, Kind, Rule


class MotionState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_DISCUSSION = "in_discussion"
    CONSENSUS_ROUND = "consensus_round"
    BALLOT_OPEN = "ballot_open"
    ADOPTED = "adopted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"


class Mover(StrEnum):
    """Who may take a step: the submitting organization, the chair, or a procedure's result."""

    SUBMITTER = "submitter"
    CHAIR = "chair"
    PROCEDURE = "procedure"


S = MotionState
TRANSITIONS: Final[dict[tuple[MotionState, MotionState], Mover]] = {
    (S.DRAFT, S.SUBMITTED): Mover.SUBMITTER,
    (S.DRAFT, S.WITHDRAWN): Mover.SUBMITTER,
    (S.SUBMITTED, S.WITHDRAWN): Mover.SUBMITTER,
    (S.SUBMITTED, S.IN_DISCUSSION): Mover.CHAIR,
    (S.SUBMITTED, S.DEFERRED): Mover.CHAIR,
    (S.IN_DISCUSSION, S.WITHDRAWN): Mover.SUBMITTER,
    (S.IN_DISCUSSION, S.DEFERRED): Mover.CHAIR,
    (S.DEFERRED, S.IN_DISCUSSION): Mover.CHAIR,
    (S.DEFERRED, S.WITHDRAWN): Mover.SUBMITTER,
    # Opening a consensus round or a ballot; both are steps of the chair with their own checks.
    (S.IN_DISCUSSION, S.CONSENSUS_ROUND): Mover.PROCEDURE,
    (S.IN_DISCUSSION, S.BALLOT_OPEN): Mover.PROCEDURE,
    # S2: consensus reached adopts; without consensus the motion goes back to discussion.
    (S.CONSENSUS_ROUND, S.ADOPTED): Mover.PROCEDURE,
    (S.CONSENSUS_ROUND, S.IN_DISCUSSION): Mover.PROCEDURE,
    (S.BALLOT_OPEN, S.ADOPTED): Mover.PROCEDURE,
    (S.BALLOT_OPEN, S.REJECTED): Mover.PROCEDURE,
    (S.BALLOT_OPEN, S.IN_DISCUSSION): Mover.PROCEDURE,
}

FINAL_STATES: Final = frozenset({S.ADOPTED, S.REJECTED, S.WITHDRAWN})


class Refusal(StrEnum):
    """Why a step is refused: the Django layer words each reason in the reader's language."""

    NOT_A_STEP = "not_a_step"
    PRINCIPLED_BALLOT = "principled_ballot"
    DISCUSSION_NOT_CONCLUDED = "discussion_not_concluded"
    NO_DISCUSSION_TO_CONCLUDE = "no_discussion_to_conclude"


class TransitionRefused(ValueError):
    """A step the table or the statute does not allow; the message says why (in English), `reason` as data."""

    def __init__(
        self,
        message: str,
        *,
        reason: Refusal,
        source: MotionState | None = None,
        target: MotionState | None = None,
        allowed: tuple[MotionState, ...] = (),
    ) -> None:
        super().__init__(message)
        self.reason, self.source, self.target, self.allowed = reason, source, target, allowed


def mover_of(source: MotionState | str, target: MotionState | str) -> Mover:
    """Who may move a motion from `source` to `target`; refuse a step the table does not hold."""
    source, target = MotionState(source), MotionState(target)
    mover = TRANSITIONS.get((source, target))
    if mover is None:
        allowed = tuple(t for (s, t) in TRANSITIONS if s is source)
        listed = ", ".join(t.value for t in allowed) or "none (final state)"
        raise TransitionRefused(
            f"A motion cannot go from {source.value} to {target.value}; from {source.value} it can go to: "
            f"{listed}.",
            reason=Refusal.NOT_A_STEP,
            source=source,
            target=target,
            allowed=allowed,
        )
    return mover


def next_states(source: MotionState | str, mover: Mover) -> list[MotionState]:
    source = MotionState(source)
    return [target for (s, target), who in TRANSITIONS.items() if s is source and who is mover]


def check_ballot_allowed(kind: Kind | str, *, discussion_concluded: bool) -> None:
    """Refuse a ballot the statute does not allow, quoting the clause."""
    kind = Kind(kind)
    if kind is Kind.PRINCIPLED:
        # S3: principled questions are never put to a vote.
        raise TransitionRefused(
            f"A principled motion cannot be put to a ballot (S3): “{CLAUSES[Rule.S3].text}” "
            "It is decided by consensus or stays in discussion.",
            reason=Refusal.PRINCIPLED_BALLOT,
        )
    if kind is Kind.FOUNDING_DOCUMENT and not discussion_concluded:
        # S4: a majority decision on founding documents only after an extensive discussion.
        raise TransitionRefused(
            "A ballot on a founding-document motion opens only after the chair has concluded the "
            f"extensive discussion (S4): “{CLAUSES[Rule.S4].text}”",
            reason=Refusal.DISCUSSION_NOT_CONCLUDED,
        )


def check_conclusion_allowed(kind: Kind | str) -> None:
    """Refuse to conclude the discussion of a motion S4 does not cover, quoting the clause."""
    if Kind(kind) is not Kind.FOUNDING_DOCUMENT:
        # S4: the extensive discussion before a majority decision concerns the founding documents only.
        raise TransitionRefused(
            "Only the discussion of a motion on the founding documents is concluded (S4): "
            f"“{CLAUSES[Rule.S4].text}” Principled and current-affairs motions are decided without "
            "this step.",
            reason=Refusal.NO_DISCUSSION_TO_CONCLUDE,
        )


def check_ballot_opening(state: MotionState | str, kind: Kind | str, *, discussion_concluded: bool) -> None:
    """A ballot opens from discussion only, and only where the statute allows a vote."""
    check_ballot_allowed(kind, discussion_concluded=discussion_concluded)
    mover_of(state, MotionState.BALLOT_OPEN)


def check_consensus_opening(state: MotionState | str) -> None:
    mover_of(state, MotionState.CONSENSUS_ROUND)
