"""S3: principled ideological questions and fundamental political issues are never voted on."""

from __future__ import annotations

import pytest

from icor.statute import Kind, Procedure, Result, Rule, decide_by_consensus, decide_by_vote


def test_principled_question_is_never_put_to_vote() -> None:
    """S3: even a unanimous ballot after a concluded discussion decides nothing."""
    outcome = decide_by_vote(Kind.PRINCIPLED, yes=30, no=0, present=30, discussion_concluded=True)
    assert outcome.result is Result.NOT_VOTEABLE
    assert not outcome.adopted
    assert outcome.procedure is Procedure.VOTE
    assert outcome.rule is Rule.S3
    assert outcome.share is None
    assert outcome.required is None


def test_refusal_quotes_the_clause() -> None:
    """S3: the refusal quotes the clause verbatim."""
    outcome = decide_by_vote(Kind.PRINCIPLED, yes=1, no=0)
    assert outcome.clause.text == (
        "Principled ideological questions and fundamental political issues are not subject to a vote."
    )
    assert outcome.to_dict()["clause"] == outcome.clause.text
    assert outcome.explanation.startswith("Not voteable:")


@pytest.mark.parametrize(("yes", "no"), [(0, 0), (3, 3), (1, 9), (9, 1)])
def test_principled_question_is_not_voteable_whatever_the_figures(yes: int, no: int) -> None:
    """S3 comes before parity (S6) and every majority."""
    assert decide_by_vote(Kind.PRINCIPLED, yes=yes, no=no).rule is Rule.S3


def test_principled_question_can_be_decided_by_consensus() -> None:
    """S2, S3: what cannot be voted on can still be agreed by consensus."""
    outcome = decide_by_consensus(Kind.PRINCIPLED, objections=0, present=8)
    assert outcome.result is Result.ADOPTED
    assert outcome.rule is Rule.S2
