"""S5 and S6 on current affairs: a simple majority of the votes cast; parity is rejected."""

from __future__ import annotations

from fractions import Fraction

from icor.statute import CLAUSES, Kind, Procedure, Result, Rule, decide_by_vote


def test_simple_majority_adopts_a_resolution_on_current_affairs() -> None:
    """S5: more yes than no adopts."""
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=3, no=2)
    assert outcome.result is Result.ADOPTED
    assert outcome.procedure is Procedure.VOTE
    assert outcome.rule is Rule.S5
    assert outcome.clause == CLAUSES[Rule.S5]
    assert outcome.explanation == (
        "Adopted: 3 yes against 2 no is a simple majority of the 5 votes cast for or against."
    )


def test_more_no_than_yes_rejects_a_resolution_on_current_affairs() -> None:
    """S5: without more yes than no there is no simple majority."""
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=2, no=3)
    assert outcome.result is Result.REJECTED
    assert outcome.rule is Rule.S5
    assert outcome.explanation == (
        "Rejected: 2 yes against 3 no is no simple majority of the 5 votes cast for or against."
    )


def test_abstentions_are_not_counted_in_a_simple_majority() -> None:
    """S5: one yes against no no adopts, however many abstain."""
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=1, no=0, abstain=99)
    assert outcome.result is Result.ADOPTED
    assert outcome.share is not None
    assert outcome.share.value == 1
    assert outcome.explanation.endswith("; 99 abstentions not counted.")


def test_votes_not_cast_are_not_counted_in_a_simple_majority() -> None:
    """S5: delegations present that do not vote do not count against."""
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=2, no=1, abstain=1, present=10)
    assert outcome.result is Result.ADOPTED
    assert outcome.figures.to_dict()["not_voting"] == 6


def test_parity_is_rejected() -> None:
    """S6: yes = no is rejected, though nothing else would reject it."""
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=4, no=4, abstain=1)
    assert outcome.result is Result.REJECTED
    assert outcome.rule is Rule.S6
    assert outcome.clause.text == "Parity of votes is regarded as rejected."
    assert outcome.share is not None
    assert outcome.share.value == Fraction(1, 2)
    assert outcome.explanation == (
        "Rejected: 4 yes against 4 no is a parity of votes, and parity of votes is regarded as rejected."
    )


def test_no_votes_at_all_is_parity_and_rejected() -> None:
    """S6: 0 yes against 0 no is parity too."""
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=0, no=0, abstain=7)
    assert outcome.result is Result.REJECTED
    assert outcome.rule is Rule.S6
    assert outcome.share is None
    assert outcome.explanation.startswith("Rejected: no votes were cast for or against")


def test_simple_majority_is_required_as_more_than_half() -> None:
    """S5: the share required is "more than 1/2" of the votes for or against."""
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=2, no=1)
    assert outcome.required is not None
    assert outcome.required.to_dict() == {
        "fraction": "1/2",
        "percent": "50 %",
        "comparison": "more than",
        "text": "more than 50 %",
    }


def test_discussion_does_not_matter_for_current_affairs() -> None:
    """S5: only founding-document questions wait for the extensive discussion (S4)."""
    before = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=2, no=1, discussion_concluded=False)
    after = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=2, no=1, discussion_concluded=True)
    assert before == after
