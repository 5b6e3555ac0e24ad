"""Ballots (S3 to S6): opened on a fixed presence, one vote per delegation, decided by the statute core."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from icor.audit.keys import MissingKey
from icor.audit.models import AuditEvent
from icor.audit.services import checkpoint_after_commit, record_event
from icor.conferences.models import (
    Ballot,
    BallotParticipation,
    BallotPresence,
    Choice,
    CountedBallot,
    Motion,
    SecretVote,
    Vote,
)
from icor.conferences.selectors import present_delegations
from icor.conferences.services import sealing
from icor.conferences.services._common import (
    check_quorum,
    notify,
    refusal,
    require_chair,
    require_in_session,
)
from icor.conferences.transitions import MotionState, TransitionRefused, check_ballot_opening
from icor.core import bounds
from icor.core.refusals import WRONG_STATE
from icor.statute import Result, decide_by_vote


def open_ballot(
    *,
    motion: Motion,
    actor: Any,
    secret: bool = False,
    allow_changes: bool = False,
    minimum_minutes: int = 0,
    closes_in_minutes: int | None = None,
) -> Ballot:
    """The chair opens a ballot where the statute allows one (S3, S4); the presence is fixed now."""
    require_chair(actor)
    conference = motion.conference
    require_in_session(conference)
    bounds.check_number(gettext("Minimum open time"), minimum_minutes, low=0, high=bounds.MAX_BALLOT_MINUTES)
    bounds.check_number(gettext("Automatic close"), closes_in_minutes, low=1, high=bounds.MAX_BALLOT_MINUTES)
    if minimum_minutes < 0 or (closes_in_minutes is not None and closes_in_minutes < 1):
        raise ValidationError(
            gettext("Times of a ballot are whole minutes from now, the closing time at least one.")
        )
    if closes_in_minutes is not None and closes_in_minutes < minimum_minutes:
        raise ValidationError(
            gettext("The scheduled close cannot come before the minimum open time has passed.")
        )
    with transaction.atomic():
        motion = (
            Motion.objects.select_for_update(of=("self",))
            .select_related("agenda_item__conference")
            .get(pk=motion.pk)
        )
        try:
            check_ballot_opening(motion.state, motion.kind, discussion_concluded=motion.discussion_concluded)
        except TransitionRefused as error:
            raise refusal(error) from None
        present = present_delegations(conference)
        check_quorum(conference, len(present))
        now = timezone.now()
        ballot = Ballot.objects.create(
            motion=motion,
            secret=secret,
            allow_changes=allow_changes,
            votes_per_delegation=conference.votes_per_delegation,
            opened_at=now,
            opened_by=actor,
            open_until_at_least=now + timedelta(minutes=minimum_minutes) if minimum_minutes else None,
            closes_at=now + timedelta(minutes=closes_in_minutes) if closes_in_minutes else None,
        )
        BallotPresence.objects.bulk_create(BallotPresence(ballot=ballot, delegation=d) for d in present)
        if secret:
            sealing.create_ballot_key(ballot.pk)
        motion.state = MotionState.BALLOT_OPEN.value
        motion.save(update_fields=["state"])
        record_event(
            "ballot.opened",
            actor=actor,
            subject=f"ballot:{ballot.pk}",
            data={
                "motion": motion.pk,
                "secret": secret,
                "allow_changes": allow_changes,
                "present": len(present),
                "votes_per_delegation": ballot.votes_per_delegation,
                "closes_at": ballot.closes_at,
            },
        )
        notify(conference.pk, "ballot", {"ballot": ballot.pk, "open": True})
    return ballot


def allow_vote_changes(*, ballot: Ballot, actor: Any, allowed: bool = True) -> Ballot:
    require_chair(actor)
    with transaction.atomic():
        ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
        if not ballot.is_open:
            raise ValidationError(gettext("This ballot is closed."), code=WRONG_STATE)
        ballot.allow_changes = allowed
        ballot.save(update_fields=["allow_changes"])
        record_event(
            "ballot.changes_allowed", actor=actor, subject=f"ballot:{ballot.pk}", data={"allowed": allowed}
        )
    return ballot


def close_ballot(*, ballot: Ballot, actor: Any, now: datetime | None = None) -> Ballot:
    """Close and decide by the statute. `actor` None: the scheduled close of `close_due_ballots`."""
    if actor is not None:
        require_chair(actor)
    now = now or timezone.now()
    with transaction.atomic():
        locked = Ballot.objects.select_for_update().get(pk=ballot.pk)
        if not locked.is_open:
            raise ValidationError(gettext("This ballot is closed already."), code=WRONG_STATE)
        if locked.open_until_at_least and now < locked.open_until_at_least:
            raise ValidationError(
                gettext("This ballot stays open at least until %(time)s UTC (minimum open time).")
                % {"time": format(locked.open_until_at_least, "%H:%M")},
                code=WRONG_STATE,
            )
        motion = Motion.objects.select_for_update().get(pk=locked.motion_id)
        counts = _counts(locked)
        present = locked.present.count()
        # S4 reckons on the votes of the delegations present when the ballot opened.
        inputs = vote_inputs(
            kind=motion.kind,
            counts=counts,
            present=present,
            discussion_concluded=motion.discussion_concluded,
            votes_per_delegation=locked.votes_per_delegation,
        )
        outcome = decide_by_vote(**inputs)
        locked.outcome = outcome.to_dict()
        locked.closed_at, locked.closed_by = now, actor
        locked.save(update_fields=["outcome", "closed_at", "closed_by"])
        if outcome.result in (Result.ADOPTED, Result.REJECTED):
            motion.state, motion.decided_at = outcome.result.value, now
        else:  # not_ready / not_voteable: refused at opening, so only a changed motion gets here
            motion.state = MotionState.IN_DISCUSSION.value
        motion.save(update_fields=["state", "decided_at"])
        record_event(
            "ballot.closed",
            actor=actor,
            subject=f"ballot:{locked.pk}",
            # The inputs let `icor audit verify` recompute the outcome; for a secret ballot they
            # are its final tally.
            data={
                "motion": motion.pk,
                "inputs": inputs,
                "outcome": locked.outcome,
                "motion_state": motion.state,
            },
        )
        checkpoint_after_commit(f"ballot:{locked.pk} closed")
        notify(motion.agenda_item.conference_id, "result", {"ballot": locked.pk, "motion": motion.pk})
    return locked


def vote_inputs(
    *, kind: str, counts: dict[str, int], present: int, discussion_concluded: bool, votes_per_delegation: int
) -> dict[str, Any]:
    """The arguments of `decide_by_vote`, as recorded in the audit chain (S4 reckons on those present)."""
    return {
        "kind": kind,
        "yes": counts[Choice.YES],
        "no": counts[Choice.NO],
        "abstain": counts[Choice.ABSTAIN],
        "present": present,
        "discussion_concluded": discussion_concluded,
        "votes_per_delegation": votes_per_delegation,
    }


def _counts(ballot: Ballot) -> dict[str, int]:
    counts = dict.fromkeys(Choice.values, 0)
    if ballot.secret:
        choices = _count_secret(ballot)
    else:
        choices = list(Vote.objects.filter(ballot=ballot).values_list("choice", flat=True))
    for choice in choices:
        counts[choice] += 1
    return counts


def _count_secret(ballot: Ballot) -> list[str]:
    """Open the sealed choices, then keep only the receipts, rewritten in random order.

    The sealed rows, which could be paired with participations (same transaction id, physical
    order), are deleted; the receipts are inserted anew in this one transaction in a random
    order, so neither their transaction id, nor their place in the table or in a dump, nor
    their random key pairs them with a delegation. The choices survive only in the tally.
    """
    rows = [
        (receipt, bytes(sealed))
        for receipt, sealed in SecretVote.objects.filter(ballot=ballot).values_list("receipt_hash", "sealed")
    ]
    _check_ballot_count(ballot, len(rows))
    try:
        choices = sealing.unseal_all(ballot.pk, rows)
    except (sealing.UnreadableBallot, MissingKey) as error:
        raise ValidationError(str(error)) from None
    if any(choice not in Choice.values for choice in choices):
        raise ValidationError(
            gettext("A sealed choice of this ballot holds no valid choice; it was not cast here.")
        )
    receipts = [receipt for receipt, _ in rows]
    secrets.SystemRandom().shuffle(receipts)
    SecretVote.objects.filter(ballot=ballot).delete()
    CountedBallot.objects.bulk_create(CountedBallot(ballot=ballot, receipt_hash=r) for r in receipts)
    ballot_id = ballot.pk
    transaction.on_commit(lambda: sealing.destroy_ballot_key(ballot_id))
    return choices


def _check_ballot_count(ballot: Ballot, sealed: int) -> None:
    """As many sealed choices as participations as first casts in the keyed audit record: rows
    added or removed behind the application's back stop the count."""
    participations = BallotParticipation.objects.filter(ballot=ballot).count()
    casts = sum(
        1
        for data in AuditEvent.objects.filter(event="ballot.cast", subject=f"ballot:{ballot.pk}").values_list(
            "data", flat=True
        )
        if isinstance(data, dict) and data.get("changed") is False
    )
    if not sealed == participations == casts:
        raise ValidationError(
            gettext(
                "This secret ballot holds %(sealed)s sealed choice(s) and %(participations)s participation(s), "
                "but the audit record saw %(casts)s cast(s): ballots were added or removed behind the "
                "application's back, so it is not counted."
            )
            % {"sealed": sealed, "participations": participations, "casts": casts}
        )


def close_if_due(*, ballot: Ballot, now: datetime | None = None) -> Ballot:
    """Read after its scheduled close, a ballot is closed first; a race with another closer is harmless."""
    now = now or timezone.now()
    if ballot.is_open and ballot.closes_at is not None and ballot.closes_at <= now:
        try:
            return close_ballot(ballot=ballot, actor=None, now=now)
        except ValidationError:
            ballot.refresh_from_db()
    return ballot


def close_due_ballots(*, now: datetime | None = None) -> list[Ballot]:
    now = now or timezone.now()
    due = Ballot.objects.filter(closed_at__isnull=True, closes_at__lte=now)
    return [close_if_due(ballot=ballot, now=now) for ballot in due]
