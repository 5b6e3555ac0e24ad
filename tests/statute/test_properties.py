"""Properties of the decision rules over many figures (S2, S4, S5, S6)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from icor.statute import Kind, Result, Rule, decide_by_consensus, decide_by_vote

VOTE_KINDS = st.sampled_from([Kind.FOUNDING_DOCUMENT, Kind.CURRENT_AFFAIRS])
COUNTS = st.integers(min_value=0, max_value=10_000)


@dataclass(frozen=True)
class Ballot:
    yes: int
    no: int
    abstain: int
    present: int

    @property
    def not_voting(self) -> int:
        return self.present - self.yes - self.no - self.abstain


@st.composite
def ballots(draw: st.DrawFn) -> Ballot:
    yes, no, abstain, not_voting = (draw(COUNTS) for _ in range(4))
    return Ballot(yes, no, abstain, yes + no + abstain + not_voting)


def decide(kind: Kind, ballot: Ballot) -> Result:
    return decide_by_vote(
        kind,
        yes=ballot.yes,
        no=ballot.no,
        abstain=ballot.abstain,
        present=ballot.present,
        discussion_concluded=True,
    ).result


@given(VOTE_KINDS, ballots())
def test_one_more_yes_taken_from_no_never_turns_adopted_into_rejected(kind: Kind, ballot: Ballot) -> None:
    """S4, S5: a no turning into a yes can only help."""
    if ballot.no == 0 or decide(kind, ballot) is not Result.ADOPTED:
        return
    moved = Ballot(ballot.yes + 1, ballot.no - 1, ballot.abstain, ballot.present)
    assert decide(kind, moved) is Result.ADOPTED


@given(VOTE_KINDS, ballots())
def test_one_more_yes_taken_from_abstentions_never_turns_adopted_into_rejected(
    kind: Kind, ballot: Ballot
) -> None:
    """S4, S5: an abstention turning into a yes can only help."""
    if ballot.abstain == 0 or decide(kind, ballot) is not Result.ADOPTED:
        return
    moved = Ballot(ballot.yes + 1, ballot.no, ballot.abstain - 1, ballot.present)
    assert decide(kind, moved) is Result.ADOPTED


@given(VOTE_KINDS, ballots())
def test_one_more_yes_from_a_delegation_not_voting_never_turns_adopted_into_rejected(
    kind: Kind, ballot: Ballot
) -> None:
    """S4, S5: a vote not cast turning into a yes can only help."""
    if ballot.not_voting == 0 or decide(kind, ballot) is not Result.ADOPTED:
        return
    moved = Ballot(ballot.yes + 1, ballot.no, ballot.abstain, ballot.present)
    assert decide(kind, moved) is Result.ADOPTED


@given(VOTE_KINDS, COUNTS, COUNTS, COUNTS)
def test_parity_is_always_rejected(kind: Kind, votes: int, abstain: int, not_voting: int) -> None:
    """S6: yes = no is rejected, by the parity rule, whatever else the figures say."""
    present = 2 * votes + abstain + not_voting
    outcome = decide_by_vote(
        kind, yes=votes, no=votes, abstain=abstain, present=present, discussion_concluded=True
    )
    assert outcome.result is Result.REJECTED
    assert outcome.rule is Rule.S6


@given(ballots())
def test_simple_majority_is_yes_over_no(ballot: Ballot) -> None:
    """S5: adopted exactly when yes outnumbers no; abstentions and non-votes do not matter."""
    adopted = decide(Kind.CURRENT_AFFAIRS, ballot) is Result.ADOPTED
    assert adopted == (ballot.yes > ballot.no)


@given(ballots())
def test_founding_document_majority_is_four_fifths_of_votes_present(ballot: Ballot) -> None:
    """S4, S6: adopted exactly when 5 * yes >= 4 * present and it is no parity."""
    adopted = decide(Kind.FOUNDING_DOCUMENT, ballot) is Result.ADOPTED
    assert adopted == (5 * ballot.yes >= 4 * ballot.present and ballot.yes != ballot.no)


@given(ballots(), st.integers(min_value=1, max_value=50))
def test_votes_per_delegation_never_change_the_result(ballot: Ballot, weight: int) -> None:
    """S4, S5: every delegation holding the same number of votes leaves every share alike."""
    for kind in (Kind.FOUNDING_DOCUMENT, Kind.CURRENT_AFFAIRS):
        weighted = decide_by_vote(
            kind,
            yes=ballot.yes,
            no=ballot.no,
            abstain=ballot.abstain,
            present=ballot.present,
            discussion_concluded=True,
            votes_per_delegation=weight,
        )
        assert weighted.result is decide(kind, ballot)


def test_80_percent_boundary_is_exact_for_every_number_present_up_to_10000() -> None:
    """S4: the minimal yes = ceil(4 * present / 5) adopts, one fewer rejects."""
    for present in range(1, 10_001):
        minimal = -(-4 * present // 5)
        assert decide(Kind.FOUNDING_DOCUMENT, Ballot(minimal, 0, 0, present)) is Result.ADOPTED
        assert decide(Kind.FOUNDING_DOCUMENT, Ballot(minimal - 1, 0, 0, present)) is Result.REJECTED


@given(st.sampled_from(list(Kind)), COUNTS, COUNTS, COUNTS)
def test_consensus_is_reached_exactly_when_nobody_objects(
    kind: Kind, agree: int, stand_aside: int, objections: int
) -> None:
    """S2: any objection blocks; agreement and standing aside never do."""
    present = agree + stand_aside + objections
    if present == 0:
        return
    outcome = decide_by_consensus(
        kind, agree=agree, stand_aside=stand_aside, objections=objections, present=present
    )
    assert outcome.adopted == (objections == 0)
    assert outcome.result is (Result.ADOPTED if objections == 0 else Result.NO_CONSENSUS)
