"""What the chair may do next and what a delegation still has to do, read for the pages.

The chair's steps come from the transition table (`transitions.TRANSITIONS`) and the statute's
limits on ballots (S3, S4), the same checks the services enforce, so that no page offers a step
the service would refuse. Templates branch only on these flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rules import has_perm

from icor.conferences import selectors
from icor.conferences.confirmations import CLOSE_BALLOT, CLOSE_CONFERENCE, CLOSE_ROUND, CONCLUDE_DISCUSSION
from icor.conferences.models import (
    Ballot,
    BallotParticipation,
    Conference,
    ConferenceStatus,
    ConsensusPosition,
    ConsensusRound,
    Delegate,
    Motion,
    Vote,
)
from icor.conferences.transitions import (
    TRANSITIONS,
    MotionState,
    Mover,
    TransitionRefused,
    check_ballot_allowed,
    check_conclusion_allowed,
    next_states,
)
from icor.statute import Kind

# The chair's moves of the table, each with its button label.
MOVE_LABELS: dict[MotionState, Promise] = {
    MotionState.IN_DISCUSSION: _("Open the discussion"),
    MotionState.DEFERRED: _("Defer"),
}


@dataclass(frozen=True)
class Step:
    """One button: the motion action it posts, its label, and, for an irreversible step, what cannot be undone."""

    action: str
    label: Promise | str
    confirm: Promise | str = ""
    primary: bool = False
    ballot_form: bool = False


def _latest_outcome(motion: Motion) -> dict[str, Any] | None:
    rounds: list[ConsensusRound] = list(motion.consensus_rounds.all())
    ballots: list[Ballot] = list(motion.ballots.all())
    decided = [(p.closed_at, p.outcome) for p in rounds if p.closed_at and p.outcome]
    decided += [(p.closed_at, p.outcome) for p in ballots if p.closed_at and p.outcome]
    return max(decided, key=lambda pair: pair[0])[1] if decided else None


def chair_steps(motion: Motion, *, conference: Conference) -> list[Step]:
    """Every step the chair may take on `motion` now; none once the conference is closed."""
    if conference.status == ConferenceStatus.CLOSED:
        return []
    state = MotionState(motion.state)
    steps = [Step(target.value, MOVE_LABELS[target]) for target in next_states(state, Mover.CHAIR)]
    if conference.status != ConferenceStatus.IN_SESSION:
        # Rounds and ballots are held in session only.
        return steps
    if TRANSITIONS.get((state, MotionState.CONSENSUS_ROUND)) is Mover.PROCEDURE:
        if _conclusion_allowed(motion) and not motion.discussion_concluded:
            steps.append(Step("conclude", CONCLUDE_DISCUSSION.label, confirm=CONCLUDE_DISCUSSION.message))
        steps.append(Step("open_round", _("Open a consensus round (S2)"), primary=True))
        if _ballot_allowed(motion):
            steps.append(Step("open_ballot", _("Open a ballot"), ballot_form=True))
    if state is MotionState.CONSENSUS_ROUND:
        steps.append(Step("close_round", CLOSE_ROUND.label, confirm=CLOSE_ROUND.message, primary=True))
    if state is MotionState.BALLOT_OPEN:
        steps.append(Step("close_ballot", CLOSE_BALLOT.label, confirm=CLOSE_BALLOT.message, primary=True))
    return steps


def _conclusion_allowed(motion: Motion) -> bool:
    # S4 concerns founding documents only: nowhere else is there a discussion to conclude.
    try:
        check_conclusion_allowed(motion.kind)
    except TransitionRefused:
        return False
    return True


def _ballot_allowed(motion: Motion) -> bool:
    try:
        check_ballot_allowed(motion.kind, discussion_concluded=motion.discussion_concluded)
    except TransitionRefused:
        return False
    return True


def chair_notes(motion: Motion, *, conference: Conference) -> list[Promise]:
    """Why a step the chair may look for is not offered, by the statute (S3, S4)."""
    if conference.status != ConferenceStatus.IN_SESSION or motion.state != MotionState.IN_DISCUSSION:
        return []
    if motion.kind == Kind.PRINCIPLED:
        return [
            _(
                "A principled question is not put to a vote (S3); it is decided by consensus or stays in "
                "discussion."
            )
        ]
    if motion.kind == Kind.FOUNDING_DOCUMENT and not motion.discussion_concluded:
        return [
            _(
                "A ballot on a founding-document question opens only after the extensive discussion is "
                "concluded (S4)."
            )
        ]
    return []


@dataclass(frozen=True)
class MotionRow:
    motion: Motion
    steps: list[Step]
    progress: selectors.RoundProgress | None = None
    ballot: selectors.BallotCounts | None = None
    outcome: dict[str, Any] | None = None  # of the latest closed round or ballot


@dataclass(frozen=True)
class AgendaRow:
    item: Any
    motions: list[MotionRow] = field(default_factory=list)


@dataclass(frozen=True)
class Console:
    conference: Conference
    agenda: list[AgendaRow]
    rounds: list[MotionRow]
    ballots: list[MotionRow]
    may_add_agenda_items: bool
    advance_label: Promise | str
    advance_confirm: Promise | str


def console(conference: Conference, *, missing_page: int | str = 1) -> Console:
    """Everything the chair runs the day from: the agenda with each motion's next steps, rounds,
    ballots (counts, and `missing_page` of the delegations not voted yet)."""
    open_rounds = {r.motion_id: r for r in selectors.open_rounds(conference)}
    open_ballots = {b.motion_id: b for b in selectors.open_ballots(conference)}
    agenda = []
    current_rounds, current_ballots = [], []
    for item in selectors.agenda(conference):
        rows = []
        for motion in item.motions.all():
            consensus_round = open_rounds.get(motion.pk)
            ballot = open_ballots.get(motion.pk)
            row = MotionRow(
                motion=motion,
                steps=chair_steps(motion, conference=conference),
                progress=selectors.round_progress(consensus_round) if consensus_round else None,
                ballot=selectors.ballot_counts(ballot, missing_page=missing_page) if ballot else None,
                outcome=_latest_outcome(motion),
            )
            rows.append(row)
            if row.progress is not None:
                current_rounds.append(row)
            if row.ballot is not None:
                current_ballots.append(row)
        agenda.append(AgendaRow(item=item, motions=rows))
    status = conference.status
    advance_label: Promise | str = ""
    advance_confirm: Promise | str = ""
    if status == ConferenceStatus.PLANNED:
        advance_label = _("Open the session")
    elif status == ConferenceStatus.IN_SESSION and not (open_rounds or open_ballots):
        # The service refuses to close while a round or ballot is open: no button is offered then.
        advance_label, advance_confirm = CLOSE_CONFERENCE.label, CLOSE_CONFERENCE.message
    return Console(
        conference=conference,
        agenda=agenda,
        rounds=current_rounds,
        ballots=current_ballots,
        may_add_agenda_items=status != ConferenceStatus.CLOSED,
        advance_label=advance_label,
        advance_confirm=advance_confirm,
    )


@dataclass(frozen=True)
class Task:
    """Something being decided now, and whether the delegation still has to act on it."""

    motion: Motion
    consensus_round: ConsensusRound | None
    ballot: Ballot | None
    to_do: bool
    done: str


@dataclass(frozen=True)
class DelegationNow:
    seat: Delegate
    present: bool
    tasks: list[Task]

    @property
    def open_tasks(self) -> list[Task]:
        return [task for task in self.tasks if task.to_do]


def delegation_now(seat: Delegate, conference: Conference) -> DelegationNow:
    """What is decided now at the conference, and what this delegation still has to do (state, vote)."""
    delegation = seat.delegation
    tasks = []
    for consensus_round in selectors.open_rounds(conference):
        in_round = consensus_round.present.filter(delegation=delegation).exists()
        stated = ConsensusPosition.objects.filter(round=consensus_round, delegation=delegation).first()
        tasks.append(
            Task(
                motion=consensus_round.motion,
                consensus_round=consensus_round,
                ballot=None,
                to_do=seat.is_voting and in_round and stated is None,
                done=str(stated.get_position_display()) if stated else "",
            )
        )
    for ballot in selectors.open_ballots(conference):
        in_ballot = ballot.present.filter(delegation=delegation).exists()
        voted_rows = BallotParticipation if ballot.secret else Vote
        voted = voted_rows.objects.filter(ballot=ballot, delegation=delegation).exists()
        tasks.append(
            Task(
                motion=ballot.motion,
                consensus_round=None,
                ballot=ballot,
                to_do=seat.is_voting and in_ballot and not voted,
                done=str(_("voted")) if voted else "",
            )
        )
    present = selectors.is_present(delegation)
    return DelegationNow(seat=seat, present=present, tasks=tasks)


def is_chair(user: Any) -> bool:
    return bool(has_perm("conferences.chair", user))
