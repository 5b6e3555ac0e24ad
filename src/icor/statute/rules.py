"""The decision rules of the Founding Resolution (organizational principles), S2 to S6."""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from icor.statute import explanations
from icor.statute.clauses import Rule
from icor.statute.figures import ConsensusFigures, InvalidFigures, VoteFigures
from icor.statute.messages import Explanation
from icor.statute.outcomes import (
    Comparison,
    Kind,
    Outcome,
    Procedure,
    Result,
    Share,
    Threshold,
)

# S4: "a minimum of 80 percent of the votes of the delegates present".
FOUNDING_DOCUMENT_MAJORITY: Final = Threshold(Fraction(4, 5), Comparison.AT_LEAST)
# S5: "a simple majority" of the votes cast for or against.
SIMPLE_MAJORITY: Final = Threshold(Fraction(1, 2), Comparison.MORE_THAN)


def decide_by_consensus(
    kind: Kind | str,
    *,
    objections: int,
    present: int,
    agree: int | None = None,
    stand_aside: int = 0,
) -> Outcome:
    """Decide a question by consensus of the delegations present (S2).

    Consensus is open to every kind of question. Without `agree`, every delegation present
    that neither objects nor stands aside is taken to agree.
    """
    kind = Kind(kind)
    figures = ConsensusFigures.stated(
        agree=agree, stand_aside=stand_aside, objections=objections, present=present
    )
    # S2: one objection blocks; standing aside records a reservation and does not block.
    if figures.objections == 0:
        result, explanation = Result.ADOPTED, explanations.consensus_reached(figures)
    else:
        result, explanation = Result.NO_CONSENSUS, explanations.consensus_blocked(figures)
    return Outcome(
        result=result,
        kind=kind,
        procedure=Procedure.CONSENSUS,
        figures=figures,
        rule=Rule.S2,
        message=explanation,
    )


def decide_by_vote(
    kind: Kind | str,
    *,
    yes: int,
    no: int,
    abstain: int = 0,
    present: int | None = None,
    discussion_concluded: bool = False,
    votes_per_delegation: int = 1,
) -> Outcome:
    """Decide a question by vote, by the rule its kind requires (S3, S4, S5, S6).

    The counts are of delegations; each holds `votes_per_delegation` votes. `present` is
    required for a founding-document question, whose majority is reckoned on it (S4).
    """
    kind = Kind(kind)
    figures = VoteFigures(yes=yes, no=no, abstain=abstain, present=present).per_delegation(
        votes_per_delegation
    )
    if kind is Kind.PRINCIPLED:
        return _principled(figures)
    if kind is Kind.FOUNDING_DOCUMENT:
        return _founding_document(figures, discussion_concluded=discussion_concluded)
    return _current_affairs(figures)


def _vote(
    kind: Kind,
    figures: VoteFigures,
    result: Result,
    rule: Rule,
    explanation: Explanation,
    *,
    share: Share | None = None,
    required: Threshold | None = None,
) -> Outcome:
    return Outcome(
        result=result,
        kind=kind,
        procedure=Procedure.VOTE,
        figures=figures,
        rule=rule,
        message=explanation,
        share=share,
        required=required,
    )


def _principled(figures: VoteFigures) -> Outcome:
    # S3: "not subject to a vote", however unanimous the ballot would be.
    return _vote(Kind.PRINCIPLED, figures, Result.NOT_VOTEABLE, Rule.S3, explanations.not_voteable())


def _founding_document(figures: VoteFigures, *, discussion_concluded: bool) -> Outcome:
    kind = Kind.FOUNDING_DOCUMENT
    present = figures.present
    if present is None:
        # S4 reckons on "the votes of the delegates present"; without them nothing is decided.
        raise InvalidFigures(
            "a vote on a founding-document question needs present, the votes held by the "
            "delegations present (S4)"
        )
    if not discussion_concluded:
        # S4: a majority decision only "after an extensive discussion".
        return _vote(kind, figures, Result.NOT_READY, Rule.S4, explanations.not_ready())
    required = FOUNDING_DOCUMENT_MAJORITY
    share = Share(Fraction(figures.yes, present)) if present else None
    if figures.yes == figures.no:
        # S6 decides parity, also 0 = 0 with nobody present, where 80 % of 0 would be met.
        explanation = explanations.parity(figures)
        return _vote(kind, figures, Result.REJECTED, Rule.S6, explanation, share=share, required=required)
    # S4: abstentions and votes not cast count against, since the base is all votes present.
    adopted = required.is_met(figures.yes, present)
    explanation = explanations.qualified_majority(figures.yes, present, required, adopted)
    result = Result.ADOPTED if adopted else Result.REJECTED
    return _vote(kind, figures, result, Rule.S4, explanation, share=share, required=required)


def _current_affairs(figures: VoteFigures) -> Outcome:
    kind = Kind.CURRENT_AFFAIRS
    required = SIMPLE_MAJORITY
    for_or_against = figures.yes + figures.no
    share = Share(Fraction(figures.yes, for_or_against)) if for_or_against else None
    if figures.yes == figures.no:
        # S6: parity, including no votes for or against at all, is rejected.
        explanation = explanations.parity(figures)
        return _vote(kind, figures, Result.REJECTED, Rule.S6, explanation, share=share, required=required)
    # S5: simple majority of the votes cast for or against; abstentions are not counted.
    adopted = required.is_met(figures.yes, for_or_against)
    explanation = explanations.simple_majority(figures, adopted)
    result = Result.ADOPTED if adopted else Result.REJECTED
    return _vote(kind, figures, result, Rule.S5, explanation, share=share, required=required)
