"""The consensus procedure (S2): positions of the delegations present, no objection = consensus."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from icor.audit.services import checkpoint_after_commit, record_event
from icor.conferences.models import (
    ConsensusPosition,
    ConsensusPresence,
    ConsensusRound,
    Delegation,
    Motion,
    Position,
)
from icor.conferences.selectors import present_delegations
from icor.conferences.services._common import (
    check_quorum,
    notify,
    refusal,
    require_chair,
    require_in_session,
    voting_delegation,
)
from icor.conferences.transitions import MotionState, TransitionRefused, check_consensus_opening
from icor.core import bounds
from icor.core.refusals import WRONG_STATE
from icor.statute import Result, decide_by_consensus


def open_consensus_round(*, motion: Motion, actor: Any) -> ConsensusRound:
    """The chair opens a round; the delegations present now are the ones that state positions."""
    require_chair(actor)
    conference = motion.conference
    require_in_session(conference)
    with transaction.atomic():
        motion = (
            Motion.objects.select_for_update(of=("self",))
            .select_related("agenda_item__conference")
            .get(pk=motion.pk)
        )
        try:
            check_consensus_opening(motion.state)
        except TransitionRefused as error:
            raise refusal(error) from None
        present = present_delegations(conference)
        check_quorum(conference, len(present))
        consensus_round = ConsensusRound.objects.create(
            motion=motion, opened_at=timezone.now(), opened_by=actor
        )
        ConsensusPresence.objects.bulk_create(
            ConsensusPresence(round=consensus_round, delegation=delegation) for delegation in present
        )
        motion.state = MotionState.CONSENSUS_ROUND.value
        motion.save(update_fields=["state"])
        record_event(
            "consensus.opened",
            actor=actor,
            subject=f"motion:{motion.pk}",
            data={"round": consensus_round.pk, "present": len(present)},
        )
        notify(conference.pk, "consensus", {"round": consensus_round.pk, "open": True})
    return consensus_round


def state_position(
    *,
    consensus_round: ConsensusRound,
    actor: Any,
    position: str,
    statement: str = "",
    delegation: Delegation | None = None,
) -> ConsensusPosition:
    """The voting delegate states the position of its own delegation; stand aside and object give reasons."""
    conference = consensus_round.motion.conference
    own = voting_delegation(actor, conference, delegation)
    if position not in Position.values:
        raise ValidationError(
            gettext("Unknown position “%(position)s”: agree, stand aside or object.") % {"position": position}
        )
    statement = statement.strip()
    bounds.check_text(gettext("Reservation or reason"), statement, limit=bounds.MAX_STATEMENT)
    if position == Position.STAND_ASIDE and not statement:
        raise ValidationError(gettext("Standing aside records a reservation: write it down."))
    if position == Position.OBJECT and not statement:
        raise ValidationError(gettext("An objection gives its reason: write it down."))
    try:
        with transaction.atomic():
            locked = ConsensusRound.objects.select_for_update().get(pk=consensus_round.pk)
            if not locked.is_open:
                raise ValidationError(
                    gettext("This consensus round is closed; positions can no longer be stated."),
                    code=WRONG_STATE,
                )
            if not ConsensusPresence.objects.filter(round=locked, delegation=own).exists():
                raise ValidationError(
                    gettext(
                        "Your delegation was not present when this round opened; only the delegations present state positions."
                    ),
                    code=WRONG_STATE,
                )
            if ConsensusPosition.objects.filter(round=locked, delegation=own).exists():
                raise ValidationError(
                    gettext("Your delegation has stated its position in this round already."),
                    code=WRONG_STATE,
                )
            stated = ConsensusPosition.objects.create(
                round=locked,
                delegation=own,
                position=position,
                statement=statement if position != Position.AGREE else "",
                stated_at=timezone.now(),
            )
            record_event(
                "consensus.position",
                actor=actor,
                organization_id=own.organization_id,
                subject=f"motion:{locked.motion_id}",
                data={
                    "round": locked.pk,
                    "delegation": own.pk,
                    "position": position,
                    "statement": stated.statement,
                },
            )
            notify(conference.pk, "consensus", {"round": locked.pk, "stated": True})
    except IntegrityError:
        raise ValidationError(
            gettext("Your delegation has stated its position in this round already."),
            code=WRONG_STATE,
        ) from None
    return stated


def close_consensus_round(*, consensus_round: ConsensusRound, actor: Any) -> ConsensusRound:
    """The chair closes; S2 decides. A delegation present that stated nothing raised no objection."""
    require_chair(actor)
    with transaction.atomic():
        locked = ConsensusRound.objects.select_for_update().get(pk=consensus_round.pk)
        if not locked.is_open:
            raise ValidationError(gettext("This consensus round is closed already."), code=WRONG_STATE)
        motion = Motion.objects.select_for_update().get(pk=locked.motion_id)
        positions = list(locked.positions.select_related("delegation__organization"))
        present = locked.present.count()
        stand_aside = [p for p in positions if p.position == Position.STAND_ASIDE]
        objections = [p for p in positions if p.position == Position.OBJECT]
        inputs: dict[str, Any] = {
            "kind": motion.kind,
            "objections": len(objections),
            "stand_aside": len(stand_aside),
            "present": present,
        }
        outcome = decide_by_consensus(**inputs)
        locked.outcome = outcome.to_dict()
        locked.reservations = [_statement(p) for p in stand_aside]
        locked.objections = [_statement(p) for p in objections]
        locked.closed_at = timezone.now()
        locked.closed_by = actor
        locked.save(update_fields=["outcome", "reservations", "objections", "closed_at", "closed_by"])
        # S2: consensus adopts; otherwise the motion goes back to discussion (S3 for principled ones).
        if outcome.result is Result.ADOPTED:
            motion.state, motion.decided_at = MotionState.ADOPTED.value, locked.closed_at
        else:
            motion.state = MotionState.IN_DISCUSSION.value
        motion.save(update_fields=["state", "decided_at"])
        record_event(
            "consensus.closed",
            actor=actor,
            subject=f"motion:{motion.pk}",
            data={
                "round": locked.pk,
                "inputs": inputs,
                "outcome": locked.outcome,
                "reservations": locked.reservations,
                "objections": locked.objections,
                "motion_state": motion.state,
            },
        )
        checkpoint_after_commit(f"consensus round:{locked.pk} closed")
        notify(motion.agenda_item.conference_id, "result", {"round": locked.pk, "motion": motion.pk})
    return locked


def _statement(position: ConsensusPosition) -> dict[str, str]:
    organization = position.delegation.organization
    return {
        "organization": organization.slug,
        "organization_name": organization.short_name,
        "text": position.statement,
    }
