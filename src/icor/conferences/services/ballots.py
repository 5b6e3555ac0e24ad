"""Ballots (S3 to S6): opened on a fixed presence, one vote per delegation, decided by the statute core."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from icor.audit.services import record_event
from icor.conferences.models import (
    Ballot,
    BallotParticipation,
    BallotPresence,
    Choice,
    Delegation,
    Motion,
    SecretVote,
    Vote,
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
from icor.conferences.transitions import MotionState, TransitionRefused, check_ballot_opening
from icor.core import bounds
from icor.core.refusals import WRONG_STATE
from icor.statute import Result, decide_by_vote

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed back safely
RECEIPT_LENGTH = 16  # 80 bits


def receipt_hash(code: str) -> str:
    normalized = "".join(ch for ch in code.upper() if ch in RECEIPT_ALPHABET)
    return hashlib.sha256(normalized.encode()).hexdigest()


def new_receipt() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECEIPT_LENGTH, 4))


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
        raise ValidationError("Times of a ballot are whole minutes from now, the closing time at least one.")
    if closes_in_minutes is not None and closes_in_minutes < minimum_minutes:
        raise ValidationError("The scheduled close cannot come before the minimum open time has passed.")
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
            raise ValidationError("This ballot is closed.", code=WRONG_STATE)
        ballot.allow_changes = allowed
        ballot.save(update_fields=["allow_changes"])
        record_event(
            "ballot.changes_allowed", actor=actor, subject=f"ballot:{ballot.pk}", data={"allowed": allowed}
        )
    return ballot


@dataclass(frozen=True)
class CastResult:
    """What the voter is told; `receipt` is the code of a secret vote, shown only this once."""

    ballot: Ballot
    delegation: Delegation
    changed: bool
    receipt: str | None = None


DOUBLE_VOTE = "Your delegation has voted in this ballot already; each delegation votes once."


def cast_vote(
    *,
    ballot: Ballot,
    actor: Any,
    choice: str,
    delegation: Delegation | None = None,
    receipt: str = "",
) -> CastResult:
    """The voting delegate votes for its own delegation, once (the database holds it to that)."""
    motion = ballot.motion
    own = voting_delegation(actor, motion.conference, delegation)
    if choice not in Choice.values:
        raise ValidationError(f"Unknown choice {choice!r}: yes, no or abstain.")
    close_if_due(ballot=ballot)
    try:
        with transaction.atomic():
            locked = Ballot.objects.select_for_update().get(pk=ballot.pk)
            if not locked.is_open:
                raise ValidationError("This ballot is closed; no more votes are taken.", code=WRONG_STATE)
            if not BallotPresence.objects.filter(ballot=locked, delegation=own).exists():
                raise ValidationError(
                    "Your delegation was not checked in when this ballot opened; only the delegations present then vote (S4).",
                    code=WRONG_STATE,
                )
            if locked.secret:
                result = _cast_secret(locked, own, choice, receipt)
            else:
                result = _cast_named(locked, own, choice)
            record_event(
                "ballot.cast",
                actor=actor,
                organization_id=own.organization_id,
                subject=f"ballot:{locked.pk}",
                # A secret choice never enters the record; a named one is public anyway.
                data={"changed": result.changed}
                if locked.secret
                else {"changed": result.changed, "choice": choice},
            )
            notify(motion.agenda_item.conference_id, "ballot", {"ballot": locked.pk, "cast": True})
    except IntegrityError:
        # Two submissions at once: the unique constraint let exactly one through.
        raise ValidationError(DOUBLE_VOTE) from None
    return result


def _cast_named(ballot: Ballot, delegation: Delegation, choice: str) -> CastResult:
    existing = Vote.objects.filter(ballot=ballot, delegation=delegation).first()
    now = timezone.now()
    if existing is None:
        Vote.objects.create(ballot=ballot, delegation=delegation, choice=choice, cast_at=now)
        return CastResult(ballot, delegation, changed=False)
    if not ballot.allow_changes:
        raise ValidationError(
            DOUBLE_VOTE + " The chair has not allowed changes in this ballot.", code=WRONG_STATE
        )
    existing.choice, existing.changed_at = choice, now
    existing.save(update_fields=["choice", "changed_at"])
    return CastResult(ballot, delegation, changed=True)


def _cast_secret(ballot: Ballot, delegation: Delegation, choice: str, receipt: str) -> CastResult:
    if BallotParticipation.objects.filter(ballot=ballot, delegation=delegation).exists():
        if not ballot.allow_changes:
            raise ValidationError(
                DOUBLE_VOTE + " The chair has not allowed changes in this ballot.", code=WRONG_STATE
            )
        # Only the receipt finds the secret vote again: nothing else links it to the delegation.
        secret_vote = SecretVote.objects.filter(ballot=ballot, receipt_hash=receipt_hash(receipt)).first()
        if not receipt or secret_vote is None:
            raise ValidationError(
                "To change a secret vote, give the receipt code you received when you voted."
            )
        secret_vote.choice = choice
        secret_vote.save(update_fields=["choice"])
        return CastResult(ballot, delegation, changed=True)
    code = new_receipt()
    # Both rows in one transaction, with no key, time or order between them.
    BallotParticipation.objects.create(ballot=ballot, delegation=delegation)
    SecretVote.objects.create(ballot=ballot, choice=choice, receipt_hash=receipt_hash(code))
    return CastResult(ballot, delegation, changed=False, receipt=code)


def close_ballot(*, ballot: Ballot, actor: Any, now: datetime | None = None) -> Ballot:
    """Close and decide by the statute. `actor` None: the scheduled close of `close_due_ballots`."""
    if actor is not None:
        require_chair(actor)
    now = now or timezone.now()
    with transaction.atomic():
        locked = Ballot.objects.select_for_update().get(pk=ballot.pk)
        if not locked.is_open:
            raise ValidationError("This ballot is closed already.", code=WRONG_STATE)
        if locked.open_until_at_least and now < locked.open_until_at_least:
            raise ValidationError(
                f"This ballot stays open at least until {locked.open_until_at_least:%H:%M} UTC (minimum open time).",
                code=WRONG_STATE,
            )
        motion = Motion.objects.select_for_update().get(pk=locked.motion_id)
        counts = _counts(locked)
        present = locked.present.count()
        # S4 reckons on the votes of the delegations present when the ballot opened.
        outcome = decide_by_vote(
            motion.kind,
            yes=counts[Choice.YES],
            no=counts[Choice.NO],
            abstain=counts[Choice.ABSTAIN],
            present=present,
            discussion_concluded=motion.discussion_concluded,
            votes_per_delegation=locked.votes_per_delegation,
        )
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
            data={"motion": motion.pk, "outcome": locked.outcome, "motion_state": motion.state},
        )
        notify(motion.agenda_item.conference_id, "result", {"ballot": locked.pk, "motion": motion.pk})
    return locked


def _counts(ballot: Ballot) -> dict[str, int]:
    source = SecretVote.objects if ballot.secret else Vote.objects
    counts = dict.fromkeys(Choice.values, 0)
    for choice in source.filter(ballot=ballot).values_list("choice", flat=True):
        counts[choice] += 1
    return counts


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
