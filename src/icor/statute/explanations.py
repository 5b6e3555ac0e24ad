"""One plain-language sentence per outcome, for people who will not read the figures.

Each sentence is an `Explanation`: English message ids with named figures, so that the Django
layer can translate it (see `icor.statute.messages`). A sentence whose figures need two plural
choices is cut into phrases, each with one count, each ending where the English punctuation does.
"""

from __future__ import annotations

from fractions import Fraction

from icor.statute.figures import ConsensusFigures, VoteFigures
from icor.statute.messages import Explanation, Figure, counted_phrase, explained, phrase
from icor.statute.outcomes import Threshold, percent_text


def consensus_reached(figures: ConsensusFigures) -> Explanation:
    present = figures.present
    if not figures.stand_aside:
        return explained(
            counted_phrase(
                "Adopted by consensus: none of the %(present)d delegation present objected.",
                "Adopted by consensus: none of the %(present)d delegations present objected.",
                count="present",
                present=present,
            )
        )
    return explained(
        counted_phrase(
            "Adopted by consensus: none of the %(present)d delegation present objected",
            "Adopted by consensus: none of the %(present)d delegations present objected",
            count="present",
            present=present,
        ),
        counted_phrase(
            "; %(stand_aside)d delegation stood aside with a reservation, which does not block.",
            "; %(stand_aside)d delegations stood aside with a reservation, which does not block.",
            count="stand_aside",
            stand_aside=figures.stand_aside,
        ),
    )


def consensus_blocked(figures: ConsensusFigures) -> Explanation:
    return explained(
        counted_phrase(
            "No consensus: %(objections)d of the %(present)d delegation present objected, "
            "and consensus requires that none objects.",
            "No consensus: %(objections)d of the %(present)d delegations present objected, "
            "and consensus requires that none objects.",
            count="present",
            objections=figures.objections,
            present=figures.present,
        )
    )


def not_voteable() -> Explanation:
    return explained(
        phrase(
            "Not voteable: principled ideological questions and fundamental political issues are "
            "never put to a vote; they are decided by consensus or stay in discussion."
        )
    )


def not_ready() -> Explanation:
    return explained(
        phrase(
            "Not ready: a question concerning the founding documents can be put to a vote only "
            "after the extensive discussion has been concluded."
        )
    )


def parity(figures: VoteFigures) -> Explanation:
    if figures.yes == 0:
        return explained(
            phrase(
                "Rejected: no votes were cast for or against (0 yes, 0 no), "
                "and parity of votes is regarded as rejected."
            )
        )
    return explained(
        phrase(
            "Rejected: %(yes)d yes against %(no)d no is a parity of votes, "
            "and parity of votes is regarded as rejected.",
            yes=figures.yes,
            no=figures.no,
        )
    )


def qualified_majority(yes: int, present: int, required: Threshold, adopted: bool) -> Explanation:
    figures: dict[str, Figure] = {
        "yes": yes,
        "present": present,
        "reached": percent_text(Fraction(yes, present)),
        "minimum": percent_text(required.share),
    }
    if adopted:
        return explained(
            counted_phrase(
                "Adopted: %(yes)d of %(present)d vote present said yes (%(reached)s), "
                "which meets the required %(minimum)s.",
                "Adopted: %(yes)d of %(present)d votes present said yes (%(reached)s), "
                "which meets the required %(minimum)s.",
                count="present",
                **figures,
            )
        )
    return explained(
        counted_phrase(
            "Rejected: %(yes)d of %(present)d vote present said yes (%(reached)s), short of the "
            "required %(minimum)s; abstentions and votes not cast count against.",
            "Rejected: %(yes)d of %(present)d votes present said yes (%(reached)s), short of the "
            "required %(minimum)s; abstentions and votes not cast count against.",
            count="present",
            **figures,
        )
    )


def simple_majority(figures: VoteFigures, adopted: bool) -> Explanation:
    # Every message id is written out in full: `make messages` reads literals only.
    counts: dict[str, Figure] = {"yes": figures.yes, "no": figures.no, "cast": figures.yes + figures.no}
    abstentions = counted_phrase(
        "; %(abstain)d abstention not counted.",
        "; %(abstain)d abstentions not counted.",
        count="abstain",
        abstain=figures.abstain,
    )
    if adopted and not figures.abstain:
        return explained(
            counted_phrase(
                "Adopted: %(yes)d yes against %(no)d no is a simple majority of the %(cast)d vote "
                "cast for or against.",
                "Adopted: %(yes)d yes against %(no)d no is a simple majority of the %(cast)d votes "
                "cast for or against.",
                count="cast",
                **counts,
            )
        )
    if adopted:
        return explained(
            counted_phrase(
                "Adopted: %(yes)d yes against %(no)d no is a simple majority of the %(cast)d vote "
                "cast for or against",
                "Adopted: %(yes)d yes against %(no)d no is a simple majority of the %(cast)d votes "
                "cast for or against",
                count="cast",
                **counts,
            ),
            abstentions,
        )
    if not figures.abstain:
        return explained(
            counted_phrase(
                "Rejected: %(yes)d yes against %(no)d no is no simple majority of the %(cast)d vote "
                "cast for or against.",
                "Rejected: %(yes)d yes against %(no)d no is no simple majority of the %(cast)d votes "
                "cast for or against.",
                count="cast",
                **counts,
            )
        )
    return explained(
        counted_phrase(
            "Rejected: %(yes)d yes against %(no)d no is no simple majority of the %(cast)d vote "
            "cast for or against",
            "Rejected: %(yes)d yes against %(no)d no is no simple majority of the %(cast)d votes "
            "cast for or against",
            count="cast",
            **counts,
        ),
        abstentions,
    )
