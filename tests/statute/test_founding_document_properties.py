"""S4 over generated founding-document ballots: every example is near the rule, none is skipped.

The ballots are drawn around the four-fifths line itself (yes at or above ceil(4/5 of present),
or below it), so each assertion runs on every example instead of on the few random figures
that happen to reach the line.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from icor.statute import Kind, Result, Rule, decide_by_vote
from tests.statute.test_properties import Ballot

PRESENT = st.integers(min_value=1, max_value=10_000)


def four_fifths(present: int) -> int:
    return -(-4 * present // 5)


@st.composite
def founding_ballots(draw: st.DrawFn, *, adopted: bool) -> Ballot:
    present = draw(PRESENT)
    line = four_fifths(present)
    yes = draw(st.integers(line, present) if adopted else st.integers(0, line - 1))
    no = draw(st.integers(0, present - yes))
    abstain = draw(st.integers(0, present - yes - no))
    return Ballot(yes, no, abstain, present)


def decide(ballot: Ballot):  # type: ignore[no-untyped-def]
    return decide_by_vote(
        Kind.FOUNDING_DOCUMENT,
        yes=ballot.yes,
        no=ballot.no,
        abstain=ballot.abstain,
        present=ballot.present,
        discussion_concluded=True,
    )


@given(founding_ballots(adopted=True))
def test_four_fifths_of_the_votes_present_adopt(ballot: Ballot) -> None:
    outcome = decide(ballot)
    assert outcome.result is Result.ADOPTED
    assert outcome.rule is Rule.S4


@given(founding_ballots(adopted=False))
def test_fewer_than_four_fifths_of_the_votes_present_reject(ballot: Ballot) -> None:
    outcome = decide(ballot)
    assert outcome.result is Result.REJECTED
    assert outcome.rule in (Rule.S4, Rule.S6)


@given(founding_ballots(adopted=True))
def test_a_vote_turning_into_yes_keeps_an_adopted_document_adopted(ballot: Ballot) -> None:
    """S4: yes taken from no, from abstentions or from delegations not voting can only help."""
    moves = []
    if ballot.no:
        moves.append(Ballot(ballot.yes + 1, ballot.no - 1, ballot.abstain, ballot.present))
    if ballot.abstain:
        moves.append(Ballot(ballot.yes + 1, ballot.no, ballot.abstain - 1, ballot.present))
    if ballot.not_voting:
        moves.append(Ballot(ballot.yes + 1, ballot.no, ballot.abstain, ballot.present))
    for moved in moves:
        assert decide(moved).result is Result.ADOPTED


@given(founding_ballots(adopted=False))
def test_a_yes_turning_into_anything_else_keeps_a_rejected_document_rejected(ballot: Ballot) -> None:
    """S4: taking a yes away never adopts."""
    if ballot.yes:
        fewer = Ballot(ballot.yes - 1, ballot.no + 1, ballot.abstain, ballot.present)
        assert decide(fewer).result is Result.REJECTED
    else:
        assert decide(ballot).result is Result.REJECTED
