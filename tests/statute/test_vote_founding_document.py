"""S4 and S6 on founding documents: 80 % of the votes present, after extensive discussion."""

from __future__ import annotations

from fractions import Fraction

from icor.statute import CLAUSES, Kind, Result, Rule, decide_by_vote


def founding(yes: int, no: int = 0, abstain: int = 0, *, present: int) -> Result:
    return decide_by_vote(
        Kind.FOUNDING_DOCUMENT,
        yes=yes,
        no=no,
        abstain=abstain,
        present=present,
        discussion_concluded=True,
    ).result


def test_exactly_80_percent_is_adopted() -> None:
    """S4: "a minimum of 80 percent", so 80 % itself is enough."""
    outcome = decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=80, no=20, present=100, discussion_concluded=True)
    assert outcome.result is Result.ADOPTED
    assert outcome.rule is Rule.S4
    assert outcome.clause == CLAUSES[Rule.S4]
    assert outcome.share is not None
    assert outcome.share.value == Fraction(4, 5)
    assert outcome.explanation == (
        "Adopted: 80 of 100 votes present said yes (80 %), which meets the required 80 %."
    )


def test_just_under_80_percent_is_rejected() -> None:
    """S4: 79.999 % is short of the minimum."""
    outcome = decide_by_vote(
        Kind.FOUNDING_DOCUMENT, yes=79_999, no=1, present=100_000, discussion_concluded=True
    )
    assert outcome.result is Result.REJECTED
    assert outcome.rule is Rule.S4
    assert outcome.explanation == (
        "Rejected: 79999 of 100000 votes present said yes (79.99... %), short of the "
        "required 80 %; abstentions and votes not cast count against."
    )


def test_abstentions_count_against_a_founding_document() -> None:
    """S4: the base is all votes present, so an abstention weighs like a no."""
    assert founding(4, 0, 1, present=5) is Result.ADOPTED
    assert founding(4, 0, 2, present=6) is Result.REJECTED


def test_votes_not_cast_count_against_a_founding_document() -> None:
    """S4: delegations present that do not vote weigh like a no."""
    assert founding(8, present=10) is Result.ADOPTED
    assert founding(8, present=11) is Result.REJECTED


def test_founding_document_vote_before_the_discussion_is_concluded_is_not_ready() -> None:
    """S4: a majority decision only "after an extensive discussion"."""
    outcome = decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=10, no=0, present=10)
    assert outcome.result is Result.NOT_READY
    assert outcome.rule is Rule.S4
    assert outcome.share is None
    assert outcome.required is None
    assert outcome.explanation.startswith("Not ready:")


def test_parity_on_a_founding_document_is_rejected_by_the_parity_rule() -> None:
    """S6: parity names its own rule, although the 80 % rule would reject it too."""
    outcome = decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=5, no=5, present=10, discussion_concluded=True)
    assert outcome.result is Result.REJECTED
    assert outcome.rule is Rule.S6


def test_no_votes_present_is_parity_and_rejected() -> None:
    """S6: with nothing present, 80 % of 0 would be met; parity 0 = 0 rejects it."""
    outcome = decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=0, no=0, present=0, discussion_concluded=True)
    assert outcome.result is Result.REJECTED
    assert outcome.rule is Rule.S6
    assert outcome.share is None


def test_80_percent_is_required_as_at_least_four_fifths() -> None:
    """S4: the share required is "at least 4/5" of the votes present."""
    outcome = decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=1, no=0, present=1, discussion_concluded=True)
    assert outcome.required is not None
    assert outcome.required.to_dict() == {
        "fraction": "4/5",
        "percent": "80 %",
        "comparison": "at least",
        "text": "at least 80 %",
    }
    assert "1 of 1 vote present" in outcome.explanation


def test_votes_per_delegation_weigh_each_delegation_alike() -> None:
    """S4: counted by delegation, the figures are the votes those delegations hold."""
    outcome = decide_by_vote(
        Kind.FOUNDING_DOCUMENT,
        yes=4,
        no=1,
        present=5,
        discussion_concluded=True,
        votes_per_delegation=3,
    )
    assert outcome.result is Result.ADOPTED
    assert outcome.figures.to_dict() == {
        "yes": 12,
        "no": 3,
        "abstain": 0,
        "present": 15,
        "not_voting": 0,
        "votes_per_delegation": 3,
    }
