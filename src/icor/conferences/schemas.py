"""Shapes of the conference API. Delegates appear by their public name only."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from icor.core import bounds

# Organizations are named by their slug everywhere in the API, as in the page addresses.
OrganizationSlug = Field(description="slug of the organization, as in `GET /api/registry/organizations`")
OrganizationName = Field(description="its short name, for display")


class ConferenceIn(Schema):
    kind: Literal["world", "continental", "regional"]
    title: str = Field(max_length=200)
    starts_on: date = Field(ge=bounds.FIRST_DAY, le=bounds.LAST_DAY)
    ends_on: date = Field(ge=bounds.FIRST_DAY, le=bounds.LAST_DAY)
    place: str = Field("", max_length=200)
    online: bool = False
    continent: str = ""
    region_name: str = ""
    region_countries: list[str] = Field(default_factory=list, description="ISO 3166-1 alpha-2 codes")
    quorum: int | None = Field(
        None, ge=1, le=bounds.MAX_QUORUM, description="delegations present needed to decide; none by default"
    )
    votes_per_delegation: int = Field(1, ge=1, le=bounds.MAX_VOTES_PER_DELEGATION)


class ConferenceOut(Schema):
    id: int
    kind: str
    title: str
    continent: str
    region_name: str
    region_countries: list[str]
    starts_on: date
    ends_on: date
    place: str
    online: bool
    status: str
    quorum: int | None
    votes_per_delegation: int


class DelegateOut(Schema):
    public_name: str
    voting: bool


class DelegationOut(Schema):
    id: int
    organization: str = OrganizationSlug
    organization_name: str = OrganizationName
    present: bool
    delegates: list[DelegateOut]


class AccreditationIn(Schema):
    organization: str = Field(max_length=100, description="slug of your own organization")
    delegate_ids: list[int]
    voting_delegate_id: int | None = None


class AttendanceIn(Schema):
    action: Literal["in", "out"]


class AttendanceOut(Schema):
    present: int
    accredited: int
    present_delegations: list[int]


class AgendaItemIn(Schema):
    title: str = Field(max_length=200)


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str


class MotionIn(Schema):
    agenda_item_id: int
    organization: str = Field(max_length=100, description="slug of your own organization")
    kind: Literal["principled", "founding-document", "current-affairs"]
    title: str = Field(max_length=200)
    text: str = Field(max_length=bounds.MAX_MOTION_TEXT)
    submit: bool = True
    language: str = Field(
        default="en", max_length=12, description="language of the original (authoritative) text"
    )


class MotionVersionOut(Schema):
    number: int
    title: str
    text: str
    created_at: datetime


class MotionOut(Schema):
    id: int
    conference_id: int
    agenda_item_id: int
    kind: str
    title: str
    text: str
    organization: str = OrganizationSlug
    organization_name: str = OrganizationName
    cosponsors: list[str] = Field(description="slugs of the co-sponsoring organizations")
    state: str
    discussion_concluded: bool
    discussion_concluded_at: datetime | None
    versions: list[MotionVersionOut]
    language: str


class TranslationIn(Schema):
    language: str = Field(max_length=12)
    title: str = Field(max_length=200)
    text: str = Field(max_length=100_000)


class TranslationOut(Schema):
    language: str
    title: str
    text: str
    version: int = Field(description="the version of the original text that was translated")
    outdated: bool = Field(description="the original has changed since the translation was made")
    organization: str = Field(description="slug of the organization that provided the translation")
    organization_name: str = OrganizationName
    updated_at: datetime


class TransitionIn(Schema):
    target: Literal["submitted", "in_discussion", "deferred", "withdrawn"]


class CoSponsorIn(Schema):
    organization: str = Field(max_length=100, description="slug of your own organization")


class PositionIn(Schema):
    position: Literal["agree", "stand_aside", "object"]
    statement: str = Field("", max_length=bounds.MAX_STATEMENT)
    delegation_id: int | None = None


class StatedFiguresOut(Schema):
    agree: int
    stand_aside: int
    objections: int
    not_stated: int = Field(description="delegations present that stated no position: no objection (S2)")
    present: int


class StatementOut(Schema):
    organization: str = OrganizationSlug
    organization_name: str = OrganizationName
    text: str


class ConsensusRoundOut(Schema):
    id: int
    motion_id: int
    open: bool
    present: int
    stated: int
    not_stated: list[int] = Field(description="delegations present that have not stated a position")
    figures: StatedFiguresOut = Field(description="positions as stated, as on the pages and in the minutes")
    outcome: dict[str, Any] | None = Field(
        description="the statute's outcome (S2); its figures are the positions as stated, as in `figures`"
    )
    reservations: list[StatementOut]
    objections: list[StatementOut]


class BallotIn(Schema):
    secret: bool = False
    allow_changes: bool = False
    minimum_minutes: int = Field(0, ge=0, le=bounds.MAX_BALLOT_MINUTES)
    closes_in_minutes: int | None = Field(None, ge=1, le=bounds.MAX_BALLOT_MINUTES)


class BallotOut(Schema):
    id: int
    motion_id: int
    secret: bool
    allow_changes: bool
    open: bool
    opened_at: datetime
    closes_at: datetime | None
    open_until_at_least: datetime | None
    present: int
    voted: int
    not_voted: list[int] = Field(
        description="the first page (100) of the delegations present that have not voted yet; "
        "all of them, page by page, from GET /ballots/{ballot_id}/not-voted?page="
    )
    not_voted_count: int = Field(description="how many delegations present have not voted yet")
    outcome: dict[str, Any] | None


class NotVotedOut(Schema):
    count: int = Field(description="delegations present that have not voted yet")
    page: int = Field(description="this page's number; a number past the last gives the last page")
    pages: int
    delegations: list[int] = Field(
        description="ids of this page's delegations, 100 a page, in the registry's order"
    )


class VoteIn(Schema):
    choice: Literal["yes", "no", "abstain"]
    delegation_id: int | None = None
    receipt: str = Field("", description="only to change a secret vote: the receipt code received")


class VoteOut(Schema):
    changed: bool
    receipt: str | None = Field(None, description="secret ballots: shown once, keep it to find your ballot")


class CountedVote(Schema):
    """A counted secret ballot: its receipt's fingerprint only; the choices are in the tally."""

    receipt_hash: str
    short_code: str


class NamedVote(Schema):
    organization: str = OrganizationSlug
    organization_name: str = OrganizationName
    choice: str


class ResultOut(Schema):
    ballot: BallotOut
    named_votes: list[NamedVote]
    counted_secret_votes: list[CountedVote]
