"""The decision rules of the Founding Resolution, quoted verbatim, each under a stable anchor.

The anchors are the ids the Founding Resolution page puts on the quoted sentences, so an
outcome can link to the exact clause it applied. An anchor's number is the rule's S-number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

SOURCE: Final = "Founding Resolution of the ICOR, ICOR Founding Conference, 6 October 2010"

# The paragraph of the organizational principles that holds every decision rule, verbatim.
DECISION_RULES_PARAGRAPH: Final = (
    "In the voting on fundamental documents the conference aspires to decide about them on "
    "the basis of consensus. Principled ideological questions and fundamental political "
    "issues are not subject to a vote. However, in questions of practical necessity, "
    "concerning the founding documents and after an extensive discussion, respecting "
    "ideological-political differences, a majority decision can be taken. This requires a "
    "minimum of 80 percent of the votes of the delegates present. All resolutions on current "
    "affairs can be adopted by a simple majority. Parity of votes is regarded as rejected."
)


class Rule(StrEnum):
    """The decision rules, numbered as in the design's reading of the statute."""

    S2 = "S2"
    S3 = "S3"
    S4 = "S4"
    S5 = "S5"
    S6 = "S6"


@dataclass(frozen=True, slots=True)
class Clause:
    """One rule with its anchor on the Founding Resolution page and its verbatim text."""

    rule: Rule
    anchor: str
    text: str


def _clause(rule: Rule, text: str) -> Clause:
    return Clause(rule=rule, anchor=f"organizational-principles-{rule.value[1:]}", text=text)


CLAUSES: Final[Mapping[Rule, Clause]] = MappingProxyType(
    {
        Rule.S2: _clause(
            Rule.S2,
            "In the voting on fundamental documents the conference aspires to decide about "
            "them on the basis of consensus.",
        ),
        Rule.S3: _clause(
            Rule.S3,
            "Principled ideological questions and fundamental political issues are not subject to a vote.",
        ),
        Rule.S4: _clause(
            Rule.S4,
            "However, in questions of practical necessity, concerning the founding documents "
            "and after an extensive discussion, respecting ideological-political differences, "
            "a majority decision can be taken. This requires a minimum of 80 percent of the "
            "votes of the delegates present.",
        ),
        Rule.S5: _clause(
            Rule.S5,
            "All resolutions on current affairs can be adopted by a simple majority.",
        ),
        Rule.S6: _clause(Rule.S6, "Parity of votes is regarded as rejected."),
    }
)
