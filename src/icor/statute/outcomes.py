"""What a decision produces: the result, with the figures, shares and clause that decided it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from icor.statute.clauses import CLAUSES, SOURCE, Clause, Rule
from icor.statute.figures import ConsensusFigures, VoteFigures
from icor.statute.messages import Explanation


class Kind(StrEnum):
    """The three kinds of question the Founding Resolution decides differently."""

    PRINCIPLED = "principled"
    FOUNDING_DOCUMENT = "founding-document"
    CURRENT_AFFAIRS = "current-affairs"


class Procedure(StrEnum):
    CONSENSUS = "consensus"
    VOTE = "vote"


class Result(StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"
    NO_CONSENSUS = "no_consensus"
    NOT_READY = "not_ready"
    NOT_VOTEABLE = "not_voteable"


def fraction_text(value: Fraction) -> str:
    """Always "n/d", so that readers of the JSON never meet a bare "1"."""
    return f"{value.numerator}/{value.denominator}"


def percent_text(value: Fraction) -> str:
    """The share as a percentage with at most two decimals.

    An inexact share is cut off, never rounded up, and marked with "...", so that a share just
    under a threshold can never be displayed as reaching it.
    """
    hundredths = value * 10_000
    whole, decimals = divmod(hundredths.numerator // hundredths.denominator, 100)
    if hundredths.denominator != 1:
        return f"{whole}.{decimals:02d}... %"
    if decimals == 0:
        return f"{whole} %"
    return f"{whole}.{decimals:02d}".rstrip("0") + " %"


@dataclass(frozen=True, slots=True)
class Share:
    """A share reached, kept as an exact fraction."""

    value: Fraction

    def to_dict(self) -> dict[str, str]:
        return {"fraction": fraction_text(self.value), "percent": percent_text(self.value)}


class Comparison(StrEnum):
    AT_LEAST = "at least"
    MORE_THAN = "more than"


@dataclass(frozen=True, slots=True)
class Threshold:
    """A share required: "at least" a fraction, or "more than" it."""

    share: Fraction
    comparison: Comparison

    def is_met(self, part: int, whole: int) -> bool:
        """Decide by integer cross-multiplication: part/whole against n/d, no division."""
        left = part * self.share.denominator
        right = self.share.numerator * whole
        if self.comparison is Comparison.AT_LEAST:
            return left >= right
        return left > right

    @property
    def text(self) -> str:
        return f"{self.comparison.value} {percent_text(self.share)}"

    def to_dict(self) -> dict[str, str]:
        return {
            "fraction": fraction_text(self.share),
            "percent": percent_text(self.share),
            "comparison": self.comparison.value,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Outcome:
    """The decision on one question, carrying everything needed to justify it."""

    result: Result
    kind: Kind
    procedure: Procedure
    figures: VoteFigures | ConsensusFigures
    rule: Rule
    message: Explanation
    share: Share | None = None
    required: Threshold | None = None

    @property
    def clause(self) -> Clause:
        return CLAUSES[self.rule]

    @property
    def explanation(self) -> str:
        """The explanation in English; `message` holds it as data for translation."""
        return self.message.english()

    @property
    def adopted(self) -> bool:
        return self.result is Result.ADOPTED

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data: enums as their values, fractions as "n/d" strings."""
        return {
            "outcome": self.result.value,
            "adopted": self.adopted,
            "kind": self.kind.value,
            "procedure": self.procedure.value,
            "rule": self.rule.value,
            "clause": self.clause.text,
            "anchor": self.clause.anchor,
            "source": SOURCE,
            "figures": self.figures.to_dict(),
            "share": None if self.share is None else self.share.to_dict(),
            "required": None if self.required is None else self.required.to_dict(),
            "explanation": self.explanation,
            "message": self.message.to_list(),
        }
