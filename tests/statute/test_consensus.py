"""S2: consensus of the delegations present; one objection blocks, standing aside does not."""

from __future__ import annotations

import pytest

from icor.statute import CLAUSES, Kind, Procedure, Result, Rule, decide_by_consensus


def test_consensus_is_reached_when_no_delegation_objects() -> None:
    """S2: no objection among the delegations present is consensus."""
    outcome = decide_by_consensus(Kind.FOUNDING_DOCUMENT, objections=0, present=12)
    assert outcome.result is Result.ADOPTED
    assert outcome.adopted
    assert outcome.procedure is Procedure.CONSENSUS
    assert outcome.rule is Rule.S2
    assert outcome.clause == CLAUSES[Rule.S2]
    assert outcome.explanation == ("Adopted by consensus: none of the 12 delegations present objected.")


def test_one_objection_blocks_consensus() -> None:
    """S2: a single objection means there is no consensus."""
    outcome = decide_by_consensus(Kind.FOUNDING_DOCUMENT, objections=1, present=40)
    assert outcome.result is Result.NO_CONSENSUS
    assert not outcome.adopted
    assert outcome.rule is Rule.S2
    assert outcome.explanation == (
        "No consensus: 1 of the 40 delegations present objected, and consensus requires that none objects."
    )


def test_standing_aside_is_recorded_but_does_not_block_consensus() -> None:
    """S2: a stand-aside is a reservation on record, not an objection."""
    outcome = decide_by_consensus(Kind.FOUNDING_DOCUMENT, agree=9, stand_aside=3, objections=0, present=12)
    assert outcome.result is Result.ADOPTED
    assert outcome.figures.to_dict() == {
        "agree": 9,
        "stand_aside": 3,
        "objections": 0,
        "present": 12,
    }
    assert outcome.explanation == (
        "Adopted by consensus: none of the 12 delegations present objected; "
        "3 delegations stood aside with a reservation, which does not block."
    )


def test_delegations_neither_objecting_nor_standing_aside_agree() -> None:
    """S2: given only objections and stand-asides, the other delegations present agree."""
    outcome = decide_by_consensus(Kind.CURRENT_AFFAIRS, stand_aside=1, objections=0, present=5)
    assert outcome.figures.to_dict()["agree"] == 4


def test_a_single_delegation_present_can_reach_consensus() -> None:
    """S2: consensus needs at least one delegation present, and one is enough."""
    outcome = decide_by_consensus(Kind.CURRENT_AFFAIRS, objections=0, present=1)
    assert outcome.result is Result.ADOPTED
    assert "none of the 1 delegation present" in outcome.explanation


@pytest.mark.parametrize("kind", list(Kind))
def test_consensus_is_open_to_every_kind_of_question(kind: Kind) -> None:
    """S2, S3: principled questions too are decided by consensus, only never by vote."""
    assert decide_by_consensus(kind, objections=0, present=3).result is Result.ADOPTED
    assert decide_by_consensus(kind, objections=2, present=3).result is Result.NO_CONSENSUS


def test_consensus_has_no_share() -> None:
    """S2: consensus counts objections, not shares."""
    outcome = decide_by_consensus(Kind.PRINCIPLED, objections=0, present=3)
    assert outcome.share is None
    assert outcome.required is None


def test_kind_may_be_given_by_its_name() -> None:
    outcome = decide_by_consensus("principled", objections=0, present=3)
    assert outcome.kind is Kind.PRINCIPLED
