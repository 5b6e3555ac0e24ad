"""Reads of the conference workflow: who is present, how far a ballot is, what was decided."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from icor.accounts.models import Role
from icor.conferences.models import (
    Attendance,
    Ballot,
    BallotParticipation,
    BallotPresence,
    Conference,
    ConsensusPosition,
    ConsensusPresence,
    ConsensusRound,
    CountedBallot,
    Delegate,
    Delegation,
    Motion,
    MotionTranslation,
    MotionTranslationRevision,
    MotionVersion,
    Vote,
)
from icor.core.collation import country_and_name_key
from icor.core.ordering import loaded_in_order
from icor.registry.models import Membership


def conferences(viewer: Any = None) -> QuerySet[Conference]:
    """All conferences; a partner's observer sees those it is invited to (S13)."""
    if getattr(viewer, "role", None) == Role.OBSERVER:
        return Conference.objects.filter(guests__user=viewer)
    return Conference.objects.all()


def present_delegations(conference: Conference) -> list[Delegation]:
    """Delegations checked in now: the "delegates present" of the statute (S4)."""
    return list(
        Delegation.objects.filter(_present_now(), conference=conference).select_related("organization")
    )


def is_present(delegation: Delegation) -> bool:
    """Whether this delegation is among `present_delegations`, without loading them all."""
    return Delegation.objects.filter(_present_now(), pk=delegation.pk).exists()


def _present_now() -> Q:
    """Of a delegation: it has a stay not checked out, and its organization is still a member
    (S12: an organization that has left is no longer among the delegates present)."""
    checked_in = Attendance.objects.filter(delegation=OuterRef("pk"), checked_out_at__isnull=True)
    member = Membership.objects.filter(organization=OuterRef("organization"), left_on__isnull=True)
    return Q(Exists(checked_in)) & Q(Exists(member))


def _is_present() -> ExpressionWrapper:
    """`_present_now` as a value of each delegation (pages and lists show who is present)."""
    return ExpressionWrapper(_present_now(), output_field=BooleanField())


def delegations(conference: Conference) -> QuerySet[Delegation]:
    return (
        Delegation.objects.filter(conference=conference)
        .annotate(is_present=_is_present())
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


READER_TRANSLATIONS = "reader_translations"


def reader_translation(lookup: str = "translations") -> Prefetch:
    """Prefetch each motion's translation into the active language (`reader_translation_of`), in one query.

    Each translation carries `current_version`, the motion's latest version, to tell whether it is outdated.
    """
    latest = MotionVersion.objects.filter(motion=OuterRef("motion")).order_by("-number").values("number")[:1]
    translations = (
        MotionTranslation.objects.filter(language=get_language())
        .select_related("organization")
        .annotate(current_version=Coalesce(Subquery(latest), 1))
    )
    return Prefetch(lookup, queryset=translations, to_attr=READER_TRANSLATIONS)


def reader_translation_of(motion: Motion) -> MotionTranslation | None:
    """The translation `reader_translation` fetched for `motion`; none where the reader reads the original."""
    return next(iter(getattr(motion, READER_TRANSLATIONS, ())), None)


def with_reader_translation(motion: Motion) -> Motion:
    """`motion` with its translation into the active language fetched, for `reader_translation_of`."""
    prefetch_related_objects([motion], reader_translation())
    return motion


def agenda(conference: Conference) -> list[Any]:
    return list(
        conference.agenda.prefetch_related(
            Prefetch(
                "motions",
                queryset=Motion.objects.select_related("organization")
                .prefetch_related("consensus_rounds", "ballots", reader_translation())
                .order_by("pk"),
            )
        )
    )


def motion(pk: int) -> Motion:
    return Motion.objects.select_related("agenda_item__conference", "organization").get(pk=pk)


def open_ballot(motion: Motion) -> Ballot | None:
    return motion.ballots.filter(closed_at__isnull=True).first()


def open_round(motion: Motion) -> ConsensusRound | None:
    return motion.consensus_rounds.filter(closed_at__isnull=True).first()


# Delegations listed per page: a World conference may accredit thousands.
DELEGATIONS_PER_PAGE = 100


@dataclass(frozen=True)
class AttendanceOverview:
    delegations: list[Delegation]  # the page's, with their delegates
    present: int
    accredited: int
    page: Page[int]


def attendance_overview(conference: Conference, *, page: int | str | None = 1) -> AttendanceOverview:
    """The counts of all delegations, and one page of them in reading order."""
    order = attendance_order(conference)
    shown = Paginator([pk for pk, _ in order], DELEGATIONS_PER_PAGE).get_page(page)
    return AttendanceOverview(
        delegations=loaded_in_order(delegations(conference), list(shown.object_list)),
        present=sum(1 for _, is_present in order if is_present),
        accredited=len(order),
        page=shown,
    )


def attendance_order(conference: Conference) -> list[tuple[int, bool]]:
    """Every delegation as (key, present), by country name, then organization name, in the
    reader's language and its alphabetical order; sorted from the codes and names alone."""
    rows = (
        Delegation.objects.filter(conference=conference)
        .annotate(is_present=_is_present())
        .values_list("pk", "organization__country", "organization__name", "is_present")
    )
    ordered = sorted(rows, key=lambda row: country_and_name_key(row[1], row[2]))
    return [(pk, is_present) for pk, _, _, is_present in ordered]


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


def ballot_figures(data: dict[str, Any]) -> dict[str, Any] | None:
    """What a live ballot event carries to every browser (read once per server process): how
    many of the present have voted, whether the ballot is open and, once closed, its result."""
    pk = data.get("ballot")
    ballot = Ballot.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if ballot is None:
        return None
    status = ballot_counts(ballot)
    counts: dict[str, Any] = {"voted": status.voted, "present": status.present, "open": ballot.is_open}
    if ballot.outcome:
        counts["result"] = ballot.outcome.get("outcome")
        counts["figures"] = ballot.outcome.get("figures")
    return {"counts": counts}


@dataclass(frozen=True)
class PublishedVote:
    """One counted secret ballot as published after the close: its receipt fingerprint, no choice.

    It proves to the voter that the ballot cast with this receipt was counted; it cannot prove
    to anyone what was chosen, since no choice is stored or published next to a receipt.
    """

    receipt_hash: str

    @property
    def short_code(self) -> str:
        return self.receipt_hash[:12]


def counted_secret_votes(ballot: Ballot) -> list[PublishedVote]:
    """Published only once the ballot is closed, in the order of the hashes (which reveals nothing)."""
    if ballot.is_open or not ballot.secret:
        return []
    return [
        PublishedVote(receipt_hash)
        for receipt_hash in CountedBallot.objects.filter(ballot=ballot)
        .order_by("receipt_hash")
        .values_list("receipt_hash", flat=True)
    ]


def find_receipt(ballot: Ballot, code: str) -> PublishedVote | None:
    from icor.conferences.services.casting import receipt_hash

    if ballot.is_open or not ballot.secret:
        return None
    digest = receipt_hash(code)
    counted = CountedBallot.objects.filter(ballot=ballot, receipt_hash=digest).exists()
    return PublishedVote(digest) if counted else None


def named_votes(ballot: Ballot) -> list[Vote]:
    """The votes of a named ballot with their delegations; none of a secret one. Read once, or
    taken from the ballot's prefetched votes (the minutes read those of every ballot at once)."""
    if ballot.secret:
        return []
    prefetch_related_objects(
        [ballot], Prefetch("votes", queryset=Vote.objects.select_related("delegation__organization"))
    )
    return list(ballot.votes.all())  # type: ignore[attr-defined]


def rounds_with_positions(motion: Motion) -> list[ConsensusRound]:
    return list(
        motion.consensus_rounds.prefetch_related("positions__delegation__organization").order_by("opened_at")
    )


def open_ballots(conference: Conference) -> list[Ballot]:
    return list(
        Ballot.objects.filter(motion__agenda_item__conference=conference, closed_at__isnull=True)
        .select_related("motion")
        .prefetch_related(reader_translation("motion__translations"))
    )


@dataclass(frozen=True)
class PositionRow:
    delegation: Delegation
    position: ConsensusPosition | None  # None: the delegation has not stated a position

    @property
    def stated(self) -> bool:
        return self.position is not None


@dataclass(frozen=True)
class StatedFigures:
    """A consensus round's positions as stated: silence is counted apart, never as agreement (S2).

    The one count of a round that pages, minutes and API give alike."""

    agree: int
    stand_aside: int
    objections: int
    not_stated: int
    present: int

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class RoundProgress:
    """Who of the delegations present in a consensus round has stated a position, and what (S2)."""

    consensus_round: ConsensusRound
    rows: list[PositionRow]

    @property
    def present(self) -> int:
        return len(self.rows)

    @property
    def stated(self) -> list[PositionRow]:
        return [row for row in self.rows if row.stated]

    @property
    def not_stated(self) -> list[PositionRow]:
        return [row for row in self.rows if not row.stated]

    def count(self, position: str) -> int:
        return sum(1 for row in self.rows if row.position is not None and row.position.position == position)

    @property
    def agree(self) -> int:
        return self.count("agree")

    @property
    def stand_aside(self) -> int:
        return self.count("stand_aside")

    @property
    def objections(self) -> int:
        return self.count("object")

    @property
    def figures(self) -> StatedFigures:
        return StatedFigures(
            agree=self.agree,
            stand_aside=self.stand_aside,
            objections=self.objections,
            not_stated=len(self.not_stated),
            present=self.present,
        )


def round_progress(consensus_round: ConsensusRound) -> RoundProgress:
    """Every delegation present when the round opened, with the position it stated, if any."""
    present = ConsensusPresence.objects.filter(round=consensus_round).select_related(
        "delegation__organization"
    )
    return progress_of(
        consensus_round, list(present), list(ConsensusPosition.objects.filter(round=consensus_round))
    )


def progress_of(
    consensus_round: ConsensusRound, present: list[ConsensusPresence], stated: list[ConsensusPosition]
) -> RoundProgress:
    """round_progress from the round's presences (with delegation and organization) and positions, read already."""
    positions = {p.delegation_id: p for p in stated}
    delegations = sorted(
        (p.delegation for p in present),
        key=lambda d: (d.organization.continent, str(d.organization.country), d.organization.name),
    )
    return RoundProgress(
        consensus_round=consensus_round, rows=[PositionRow(d, positions.get(d.pk)) for d in delegations]
    )


def open_rounds(conference: Conference) -> list[ConsensusRound]:
    return list(
        ConsensusRound.objects.filter(motion__agenda_item__conference=conference, closed_at__isnull=True)
        .select_related("motion")
        .prefetch_related(reader_translation("motion__translations"))
    )


@dataclass(frozen=True)
class ShownText:
    """A motion as its reader meets it: the translation into the reader's language first, if there is one."""

    motion: Motion
    translation: MotionTranslation | None
    current_version: int
    translations: list[MotionTranslation]

    @property
    def title(self) -> str:
        return self.translation.title if self.translation else self.motion.title

    @property
    def text(self) -> str:
        return self.translation.text if self.translation else self.motion.text

    @property
    def language(self) -> str:
        return self.translation.language if self.translation else self.motion.language

    @property
    def outdated(self) -> bool:
        """Made for an older version: the original has changed since."""
        return self.translation is not None and self.translation.version < self.current_version


def motion_text(motion: Motion, language: str) -> ShownText:
    earlier = MotionTranslationRevision.objects.select_related("organization")
    translations = list(
        motion.translations.select_related("organization").prefetch_related(
            Prefetch("revisions", queryset=earlier)
        )
    )
    chosen = next((t for t in translations if t.language == language and language != motion.language), None)
    current = motion.versions.order_by("-number").values_list("number", flat=True).first() or 1
    return ShownText(motion=motion, translation=chosen, current_version=current, translations=translations)
