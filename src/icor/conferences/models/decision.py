"""How a motion is decided: a consensus round (S2) or a ballot (S4, S5), each on a fixed presence."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from icor.conferences.models.conference import Delegation
from icor.conferences.models.motion import Motion


class Position(models.TextChoices):
    AGREE = "agree", _("agree")
    STAND_ASIDE = "stand_aside", _("stand aside (with a reservation)")
    OBJECT = "object", _("object")


class Choice(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    ABSTAIN = "abstain", _("abstain")


class ConsensusRound(models.Model):
    """S2: each delegation present agrees, stands aside with a reservation, or objects."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="consensus_rounds")
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.JSONField(null=True, blank=True, help_text="Outcome.to_dict() of the statute core")
    reservations = models.JSONField(default=list, blank=True)
    objections = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["opened_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["motion"],
                condition=Q(closed_at__isnull=True),
                name="one_open_consensus_round_per_motion",
            ),
        ]

    def __str__(self) -> str:
        return f"consensus round on {self.motion}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ConsensusPresence(models.Model):
    """The delegations present when the round opened: only they state a position."""

    round = models.ForeignKey(ConsensusRound, on_delete=models.CASCADE, related_name="present")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "delegation"], name="one_consensus_presence_per_delegation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegation_id} present in round {self.round_id}"


class ConsensusPosition(models.Model):
    round = models.ForeignKey(ConsensusRound, on_delete=models.CASCADE, related_name="positions")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    position = models.CharField(max_length=12, choices=Position.choices)
    statement = models.TextField(_("reservation or reason"), blank=True)
    stated_at = models.DateTimeField()

    class Meta:
        ordering = ["stated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "delegation"], name="one_position_per_delegation"),
            models.CheckConstraint(
                name="reservation_or_objection_gives_its_reason",
                condition=Q(position="agree") | ~Q(statement=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegation}: {self.position}"


class Ballot(models.Model):
    """A vote on a motion, among the delegations present when it opened."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="ballots")
    secret = models.BooleanField(_("secret ballot"), default=False)
    allow_changes = models.BooleanField(
        _("delegations may change their vote while it is open"), default=False
    )
    votes_per_delegation = models.PositiveSmallIntegerField(default=1)
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    open_until_at_least = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.JSONField(null=True, blank=True, help_text="Outcome.to_dict() of the statute core")

    class Meta:
        ordering = ["opened_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["motion"], condition=Q(closed_at__isnull=True), name="one_open_ballot_per_motion"
            ),
            models.CheckConstraint(
                name="ballot_votes_per_delegation_positive", condition=Q(votes_per_delegation__gte=1)
            ),
        ]

    def __str__(self) -> str:
        return f"ballot on {self.motion}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class BallotPresence(models.Model):
    """Snapshot of the delegations present when the ballot opened (S4: "delegates present")."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="present")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "delegation"], name="one_ballot_presence_per_delegation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegation_id} present in ballot {self.ballot_id}"


class Vote(models.Model):
    """A vote in a named ballot: which delegation voted what."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="votes")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(max_length=8, choices=Choice.choices)
    cast_at = models.DateTimeField()
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["delegation__organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "delegation"], name="one_vote_per_delegation"),
        ]

    def __str__(self) -> str:
        return f"{self.delegation}: {self.choice}"


class BallotParticipation(models.Model):
    """In a secret ballot: only that a delegation voted. Nothing links it to its SecretVote."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="participations")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "delegation"], name="one_secret_vote_per_delegation"),
        ]

    def __str__(self) -> str:
        return f"{self.delegation_id} voted in ballot {self.ballot_id}"


class SecretVote(models.Model):
    """In an open secret ballot: a choice sealed under the ballot's key (kept only outside the
    database), and the fingerprint of the voter's receipt, so that the voter can change it.

    Rows are written in the same transaction as the participation, so they can be paired with
    a delegation while the ballot is open; sealed, they say nothing. The count deletes them.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="secret_votes")
    sealed = models.BinaryField()
    receipt_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the receipt code shown once to the voter"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "receipt_hash"], name="one_secret_vote_per_receipt"),
        ]

    def __str__(self) -> str:
        return f"sealed vote {self.receipt_hash[:8]}"


class CountedBallot(models.Model):
    """A secret ballot after its count: the receipt of one counted ballot, without its choice.

    Written at the close, all in one transaction and in random order, so neither transaction
    id, nor physical order, nor key pairs it with a participation; the choices live on only
    in the tally (the ballot's outcome).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="counted_ballots")
    receipt_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "receipt_hash"], name="one_counted_ballot_per_receipt"),
        ]

    def __str__(self) -> str:
        return f"counted ballot {self.receipt_hash[:8]}"
