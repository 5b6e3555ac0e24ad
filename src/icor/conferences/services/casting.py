"""Casting a vote (S4, S11): one set of rules, whether a cast commits alone or in a group.

`cast_vote` checks what needs no lock (who votes for which delegation, the choice) in the
request's own thread, then hands the cast to `commit_casts`, alone or together with the casts
waiting at the same moment in this process (`icor.core.group_commit`). `commit_casts` checks
every cast in its order under the ballot's lock, as if they came one after another, writes
the accepted ones in one statement per table and appends one audit link per cast, the chain's
head locked last.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, router
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy

from icor.audit.keys import MissingKey
from icor.audit.services import Entry, record_events
from icor.conferences.models import (
    Ballot,
    BallotParticipation,
    BallotPresence,
    Choice,
    Delegate,
    Delegation,
    Motion,
    SecretVote,
    Vote,
)
from icor.conferences.services import sealing
from icor.conferences.services._common import held_vote, notify, require_may_name, seats_of
from icor.conferences.services.ballots import close_if_due
from icor.core.group_commit import GroupCommit
from icor.core.refusals import WRONG_STATE
from icor.core.rows import CompiledQuery

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed back safely
RECEIPT_LENGTH = 16  # 80 bits

# Refusals given under the ballot's lock are lazy: a group's leader words them, and each is
# read in the language of the request it is answered to.
DOUBLE_VOTE = gettext_lazy("Your delegation has voted in this ballot already; each delegation votes once.")
UNKNOWN_CHOICE = gettext_lazy("Unknown choice “%(choice)s”: yes, no or abstain.")
NO_CHANGES = gettext_lazy(
    "Your delegation has voted in this ballot already; each delegation votes once. "
    "The chair has not allowed changes in this ballot."
)
CLOSED = gettext_lazy("This ballot is closed; no more votes are taken.")
NOT_PRESENT = gettext_lazy(
    "Your delegation was not checked in when this ballot opened; only the delegations present then vote (S4)."
)
FLAG_CHANGED = gettext_lazy(
    "This ballot was opened as a secret ballot and its record was changed behind the application's "
    "back; no vote is taken. Tell the chair."
)
RECEIPT_NEEDED = gettext_lazy("To change a secret vote, give the receipt code you received when you voted.")
KEY_MISSING = gettext_lazy(
    "This secret ballot's key is missing from the server's data directory, so no vote can be "
    "sealed; tell the chair (the operator must restore the data directory)."
)


def receipt_hash(code: str) -> str:
    normalized = "".join(ch for ch in code.upper() if ch in RECEIPT_ALPHABET)
    return hashlib.sha256(normalized.encode()).hexdigest()


def new_receipt() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECEIPT_LENGTH, 4))


@dataclass(frozen=True)
class CastResult:
    """What the voter is told; `receipt` is the code of a secret vote, shown only this once."""

    ballot: Ballot
    delegation: Delegation
    changed: bool
    receipt: str | None = None


@dataclass(frozen=True)
class Cast:
    """A cast as the request gives it: every check is made under the ballot's lock."""

    ballot_id: int
    actor: Any
    choice: str
    receipt: str = ""
    delegation: Delegation | None = None  # named by the client; else the actor's own


class BallotDue(Exception):
    """The ballot's scheduled close has passed: it is closed first, then the cast refused."""

    def __init__(self, ballot: Ballot) -> None:
        super().__init__(ballot.pk)
        self.ballot = ballot


def cast_vote(
    *,
    ballot: Ballot | int,
    actor: Any,
    choice: str,
    delegation: Delegation | None = None,
    receipt: str = "",
) -> CastResult:
    """The voting delegate votes for its own delegation, once (the database holds it to that).

    Every check runs in `commit_casts`, under the ballot's lock: alone, or for the casts waiting
    at the same moment in this process together (group commit)."""
    ballot_id = ballot if isinstance(ballot, int) else ballot.pk
    try:
        return _casts.run(Cast(ballot_id, actor, choice, receipt, delegation))
    except BallotDue as due:
        close_if_due(ballot=due.ballot)
        raise ValidationError(CLOSED, code=WRONG_STATE) from None
    except IntegrityError:
        # Should two casts of one delegation ever pass the checks at once, the unique constraint
        # lets exactly one through.
        raise ValidationError(str(DOUBLE_VOTE)) from None


@dataclass
class _Standing:
    """A delegation in a ballot as the locked state (and the casts before it in the batch) leave it."""

    present: bool = False
    vote: Vote | None = None  # of a named ballot
    participated: bool = False  # in a secret ballot


@dataclass
class _Writes:
    votes: list[Vote] = field(default_factory=list)
    changed_votes: dict[int, Vote] = field(default_factory=dict)
    participations: list[BallotParticipation] = field(default_factory=list)
    secret_votes: list[SecretVote] = field(default_factory=list)
    resealed: dict[UUID, SecretVote] = field(default_factory=dict)
    links: list[Entry] = field(default_factory=list)
    notices: dict[int, int] = field(default_factory=dict)  # ballot -> its conference

    def save(self) -> None:
        Vote.objects.bulk_create(self.votes)
        Vote.objects.bulk_update(self.changed_votes.values(), ["choice", "changed_at"])
        BallotParticipation.objects.bulk_create(self.participations)
        # In random order within the group, so that the rows' order does not pair them with
        # the participations written beside them.
        secrets.SystemRandom().shuffle(self.secret_votes)
        SecretVote.objects.bulk_create(self.secret_votes)
        SecretVote.objects.bulk_update(self.resealed.values(), ["sealed"])
        for ballot_id, conference_id in self.notices.items():
            notify(conference_id, "ballot", {"ballot": ballot_id, "cast": True})
        record_events(self.links)  # the chain's head: locked last, so held the shortest


def commit_casts(casts: Sequence[Cast]) -> list[CastResult | Exception]:
    """Inside a transaction: check each cast in its order under the ballots' locks, write the
    accepted ones together; one answer per cast, a result or its refusal. A refused cast
    writes nothing."""
    batch = _Batch(casts)
    answers: list[CastResult | Exception] = []
    for number, cast in enumerate(casts):
        try:
            answers.append(batch.accept(number, cast))
        except (ValidationError, PermissionDenied, Http404, BallotDue) as refusal:
            answers.append(refusal)
    batch.writes.save()
    return answers


class _Batch:
    """The locked state the casts of one commit are checked against, and what they write."""

    def __init__(self, casts: Sequence[Cast]) -> None:
        self.ballots: dict[int, Ballot] = {}
        self.conference_of: dict[int, int] = {}  # ballot -> its conference: seats, live event
        using = router.db_for_write(Ballot)
        for *values, conference_id in _LOCKED_BALLOTS.rows({cast.ballot_id for cast in casts}):
            ballot = Ballot.from_db(using, BALLOT_COLUMNS, values)
            self.ballots[ballot.pk] = ballot
            self.conference_of[ballot.pk] = conference_id
        # Its key in the data directory says it was opened secret: the flag was changed in the database.
        self.flag_changed = {
            pk for pk, ballot in self.ballots.items() if not ballot.secret and sealing.has_ballot_key(pk)
        }
        self.seats = self._seats(casts)
        self.delegations = [self._delegation(cast) for cast in casts]
        self.standing = _standing(
            [
                (cast.ballot_id, delegation.pk)
                for cast, delegation in zip(casts, self.delegations, strict=True)
                if isinstance(delegation, Delegation)
            ]
        )
        self.sealed = _sealed_votes(casts, self.ballots)
        self.writes = _Writes()

    def _seats(self, casts: Sequence[Cast]) -> dict[tuple[int, int], Delegate | PermissionDenied]:
        """The casting accounts' seats, one query per conference (read under the ballots' locks)."""
        actors: dict[int, dict[int, Any]] = {}
        for cast in casts:
            if (ballot := self.ballots.get(cast.ballot_id)) is not None:
                actors.setdefault(self.conference_of[ballot.pk], {})[cast.actor.pk] = cast.actor
        return {
            (conference_id, actor_id): seat
            for conference_id, of_conference in actors.items()
            for actor_id, seat in seats_of(list(of_conference.values()), conference_id).items()
        }

    def _delegation(self, cast: Cast) -> Delegation | Exception:
        """The delegation whose vote the cast gives, or why it gives none (voting_delegation)."""
        ballot = self.ballots.get(cast.ballot_id)
        if ballot is None:
            return Http404()
        try:
            require_may_name(cast.actor, cast.delegation)
            seat = self.seats[self.conference_of[ballot.pk], cast.actor.pk]
            if isinstance(seat, PermissionDenied):
                raise seat
            return held_vote(seat, cast.delegation)
        except PermissionDenied as refusal:
            return refusal

    def accept(self, number: int, cast: Cast) -> CastResult:
        """The rules of one cast, as if the casts before it in the batch were committed already."""
        delegation = self.delegations[number]
        if isinstance(delegation, Exception):
            raise delegation
        if cast.choice not in Choice.values:
            raise ValidationError(UNKNOWN_CHOICE, params={"choice": cast.choice})
        ballot = self.ballots[cast.ballot_id]
        if ballot.is_open and ballot.closes_at is not None and ballot.closes_at <= timezone.now():
            raise BallotDue(ballot)
        standing = self.standing[ballot.pk, delegation.pk]
        if not ballot.is_open:
            raise ValidationError(CLOSED, code=WRONG_STATE)
        if not standing.present:
            raise ValidationError(NOT_PRESENT, code=WRONG_STATE)
        if ballot.pk in self.flag_changed:
            raise ValidationError(FLAG_CHANGED)
        changed = standing.participated if ballot.secret else standing.vote is not None
        if changed and not ballot.allow_changes:
            raise ValidationError(NO_CHANGES, code=WRONG_STATE)
        code = None
        if ballot.secret and changed:
            self._reseal(cast, ballot)
        elif ballot.secret:
            code = self._seal_new(cast, ballot, delegation, standing)
        elif standing.vote is not None:
            standing.vote.choice, standing.vote.changed_at = cast.choice, timezone.now()
            if standing.vote.pk is not None:  # else written with the batch's new votes
                self.writes.changed_votes[standing.vote.pk] = standing.vote
        else:
            standing.vote = Vote(
                ballot=ballot, delegation=delegation, choice=cast.choice, cast_at=timezone.now()
            )
            self.writes.votes.append(standing.vote)
        self.writes.links.append(
            Entry(
                "ballot.cast",
                actor=cast.actor,
                organization_id=delegation.organization_id,
                subject=f"ballot:{ballot.pk}",
                # A secret choice never enters the record; a named one is public anyway.
                data={"changed": changed}
                if ballot.secret
                else {"changed": changed, "choice": cast.choice, "delegation": delegation.pk},
            )
        )
        self.writes.notices[ballot.pk] = self.conference_of[ballot.pk]
        return CastResult(ballot, delegation, changed=changed, receipt=code)

    def _reseal(self, cast: Cast, ballot: Ballot) -> None:
        # Only the receipt finds the sealed vote again: nothing else links it to the delegation.
        secret_vote = self.sealed.get((ballot.pk, receipt_hash(cast.receipt))) if cast.receipt else None
        if secret_vote is None:
            raise ValidationError(RECEIPT_NEEDED)
        secret_vote.sealed = _seal(ballot, cast.choice, secret_vote.receipt_hash)
        if secret_vote.pk is not None:  # else written with the batch's new sealed votes
            self.writes.resealed[secret_vote.pk] = secret_vote

    def _seal_new(self, cast: Cast, ballot: Ballot, delegation: Delegation, standing: _Standing) -> str:
        code = new_receipt()
        fingerprint = receipt_hash(code)
        # Both rows in one transaction: while the ballot is open they can be paired, but the choice
        # is sealed under a key outside the database. The count deletes the sealed rows (close_ballot).
        secret_vote = SecretVote(
            ballot=ballot, sealed=_seal(ballot, cast.choice, fingerprint), receipt_hash=fingerprint
        )
        self.writes.participations.append(BallotParticipation(ballot=ballot, delegation=delegation))
        self.writes.secret_votes.append(secret_vote)
        self.sealed[ballot.pk, fingerprint] = secret_vote
        standing.participated = True
        return code


BALLOT_COLUMNS = [field.attname for field in Ballot._meta.concrete_fields]

# The ballots of a group, locked in one order by every group (no deadlock between groups), with
# their conference. The conference is read in a subquery: a join would lock the motion and the
# agenda item too.
_LOCKED_BALLOTS = CompiledQuery(
    lambda ballots: (
        Ballot.objects.select_for_update()
        .filter(pk__in=ballots)
        .annotate(
            conference=Subquery(
                Motion.objects.filter(pk=OuterRef("motion_id")).values("agenda_item__conference_id")[:1]
            )
        )
        .order_by("pk")
        .values_list(*BALLOT_COLUMNS, "conference")
    )
)

_SAME_PAIR = {"ballot_id": OuterRef("ballot_id"), "delegation_id": OuterRef("delegation_id")}
# Presence and earlier votes of the casting delegations (read after the ballots' locks, so that
# it sees every cast committed before).
_STANDING = CompiledQuery(
    lambda ballots, delegations: (
        BallotPresence.objects.filter(ballot_id__in=ballots, delegation_id__in=delegations)
        .annotate(
            vote_id=Subquery(Vote.objects.filter(**_SAME_PAIR).order_by().values("pk")[:1]),
            participated=Exists(BallotParticipation.objects.filter(**_SAME_PAIR)),
        )
        .values_list("ballot_id", "delegation_id", "vote_id", "participated")
    )
)


def _standing(pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], _Standing]:
    """The standing of each (ballot, delegation) pair, in one query."""
    rows = _STANDING.rows(
        {ballot_id for ballot_id, _ in pairs}, {delegation_id for _, delegation_id in pairs}
    )
    standing = {
        (ballot_id, delegation_id): _Standing(
            present=True,
            vote=Vote(pk=vote_id, ballot_id=ballot_id, delegation_id=delegation_id) if vote_id else None,
            participated=participated,
        )
        for ballot_id, delegation_id, vote_id, participated in rows
    }
    for pair in pairs:
        standing.setdefault(pair, _Standing())
    return standing


def _sealed_votes(casts: Sequence[Cast], ballots: dict[int, Ballot]) -> dict[tuple[int, str], SecretVote]:
    """The sealed votes that casts changing a secret vote name by their receipt."""
    wanted = {
        receipt_hash(c.receipt)
        for c in casts
        if c.receipt
        and (ballot := ballots.get(c.ballot_id)) is not None
        and ballot.secret
        and ballot.allow_changes
    }
    if not wanted:
        return {}
    return {
        (vote.ballot_id, vote.receipt_hash): vote
        for vote in SecretVote.objects.filter(ballot_id__in=ballots, receipt_hash__in=wanted)
    }


def _seal(ballot: Ballot, choice: str, fingerprint: str) -> bytes:
    try:
        return sealing.seal(ballot.pk, choice, fingerprint)
    except MissingKey:
        raise ValidationError(KEY_MISSING) from None


_casts: GroupCommit[Cast, CastResult] = GroupCommit(commit_casts)
