"""Impossible figures are an error with a reason, never an outcome."""

from __future__ import annotations

from typing import Any

import pytest

from icor.statute import (
    ConsensusFigures,
    InvalidFigures,
    Kind,
    VoteFigures,
    decide_by_consensus,
    decide_by_vote,
)


@pytest.mark.parametrize(
    ("figures", "reason"),
    [
        ({"yes": -1, "no": 0}, "yes must not be negative, got -1"),
        ({"yes": 0, "no": -2}, "no must not be negative"),
        ({"yes": 0, "no": 0, "abstain": -1}, "abstain must not be negative"),
        ({"yes": 0, "no": 0, "present": -1}, "present must not be negative"),
        ({"yes": True, "no": 0}, "yes must be a whole number, got True"),
        ({"yes": 0, "no": False}, "no must be a whole number, got False"),
        ({"yes": 1.0, "no": 0}, "yes must be a whole number, got 1.0"),
        ({"yes": "3", "no": 0}, "yes must be a whole number, got '3'"),
        ({"yes": 0, "no": 0, "present": 2.5}, "present must be a whole number"),
        ({"yes": 3, "no": 2, "abstain": 1, "present": 5}, "more votes cast than present"),
        ({"yes": 1, "no": 0, "votes_per_delegation": 0}, "votes_per_delegation must be at least 1"),
        ({"yes": 1, "no": 0, "votes_per_delegation": -1}, "votes_per_delegation must not be"),
        ({"yes": 1, "no": 0, "votes_per_delegation": True}, "votes_per_delegation must be a"),
    ],
)
@pytest.mark.parametrize("kind", list(Kind))
def test_impossible_vote_figures_are_refused(kind: Kind, figures: dict[str, Any], reason: str) -> None:
    if kind is Kind.FOUNDING_DOCUMENT:
        figures = {"present": 100, **figures}
    with pytest.raises(InvalidFigures, match=reason):
        decide_by_vote(kind, discussion_concluded=True, **figures)


@pytest.mark.parametrize("discussion_concluded", [False, True])
def test_founding_document_vote_without_votes_present_is_refused(
    discussion_concluded: bool,
) -> None:
    """S4 reckons on the votes present; without them there is nothing to reckon on."""
    with pytest.raises(InvalidFigures, match="needs present"):
        decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=9, no=0, discussion_concluded=discussion_concluded)


@pytest.mark.parametrize(
    ("figures", "reason"),
    [
        ({"objections": 0, "present": 0}, "consensus needs at least one delegation present"),
        ({"objections": 3, "present": 2}, "more positions than delegations present"),
        ({"objections": 1, "stand_aside": 2, "present": 2}, "more positions than delegations"),
        ({"objections": -1, "present": 2}, "objections must not be negative"),
        ({"objections": 0, "present": -2}, "present must not be negative"),
        ({"objections": 0, "stand_aside": -1, "present": 2}, "stand_aside must not be"),
        ({"objections": True, "present": 2}, "objections must be a whole number"),
        ({"objections": 0, "present": True}, "present must be a whole number"),
        ({"objections": 0, "agree": 1, "present": 2}, "each delegation present states exactly"),
        ({"objections": 0, "agree": 3, "present": 2}, "each delegation present states exactly"),
        ({"objections": 0, "agree": -1, "present": 2}, "agree must not be negative"),
        ({"objections": 0, "agree": 0, "present": 0}, "at least one delegation present"),
    ],
)
def test_impossible_consensus_figures_are_refused(figures: dict[str, Any], reason: str) -> None:
    with pytest.raises(InvalidFigures, match=reason):
        decide_by_consensus(Kind.FOUNDING_DOCUMENT, **figures)


def test_invalid_figures_are_value_errors() -> None:
    assert issubclass(InvalidFigures, ValueError)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="'constitutional' is not a valid Kind"):
        decide_by_vote("constitutional", yes=1, no=0)


def test_figures_cannot_be_built_impossible_directly() -> None:
    with pytest.raises(InvalidFigures):
        VoteFigures(yes=2, no=0, present=1)
    with pytest.raises(InvalidFigures):
        ConsensusFigures(agree=1, stand_aside=0, objections=0, present=2)
