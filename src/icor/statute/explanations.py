"""One plain-language sentence per outcome, for people who will not read the figures."""

from __future__ import annotations

from fractions import Fraction

from icor.statute.figures import ConsensusFigures, VoteFigures
from icor.statute.outcomes import Threshold, percent_text


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def consensus_reached(figures: ConsensusFigures) -> str:
    present = counted(figures.present, "delegation")
    reservations = ""
    if figures.stand_aside:
        stood = counted(figures.stand_aside, "delegation")
        reservations = f"; {stood} stood aside with a reservation, which does not block"
    return f"Adopted by consensus: none of the {present} present objected{reservations}."


def consensus_blocked(figures: ConsensusFigures) -> str:
    present = counted(figures.present, "delegation")
    return (
        f"No consensus: {figures.objections} of the {present} present objected, "
        "and consensus requires that none objects."
    )


def not_voteable() -> str:
    return (
        "Not voteable: principled ideological questions and fundamental political issues are "
        "never put to a vote; they are decided by consensus or stay in discussion."
    )


def not_ready() -> str:
    return (
        "Not ready: a question concerning the founding documents can be put to a vote only "
        "after the extensive discussion has been concluded."
    )


def parity(figures: VoteFigures) -> str:
    if figures.yes == 0:
        return (
            "Rejected: no votes were cast for or against (0 yes, 0 no), "
            "and parity of votes is regarded as rejected."
        )
    return (
        f"Rejected: {figures.yes} yes against {figures.no} no is a parity of votes, "
        "and parity of votes is regarded as rejected."
    )


def qualified_majority(yes: int, present: int, required: Threshold, adopted: bool) -> str:
    reached = percent_text(Fraction(yes, present))
    minimum = percent_text(required.share)
    said_yes = f"{yes} of {counted(present, 'vote')} present said yes ({reached})"
    if adopted:
        return f"Adopted: {said_yes}, which meets the required {minimum}."
    return (
        f"Rejected: {said_yes}, short of the required {minimum}; "
        "abstentions and votes not cast count against."
    )


def simple_majority(figures: VoteFigures, adopted: bool) -> str:
    for_or_against = counted(figures.yes + figures.no, "vote")
    abstentions = ""
    if figures.abstain:
        abstentions = f"; {counted(figures.abstain, 'abstention')} not counted"
    if adopted:
        return (
            f"Adopted: {figures.yes} yes against {figures.no} no is a simple majority of the "
            f"{for_or_against} cast for or against{abstentions}."
        )
    return (
        f"Rejected: {figures.yes} yes against {figures.no} no is no simple majority of the "
        f"{for_or_against} cast for or against{abstentions}."
    )
