"""An outcome carries its figures, shares and clause, and gives them as JSON-ready data."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from icor.statute import SOURCE, Kind, Result, Rule, decide_by_consensus, decide_by_vote
from icor.statute.outcomes import fraction_text, percent_text

KEYS = {
    "outcome",
    "adopted",
    "kind",
    "procedure",
    "rule",
    "clause",
    "anchor",
    "source",
    "figures",
    "share",
    "required",
    "explanation",
    "message",
}


def test_outcome_as_data_names_the_rule_and_quotes_the_clause() -> None:
    outcome = decide_by_vote(
        Kind.FOUNDING_DOCUMENT, yes=80, no=10, abstain=5, present=100, discussion_concluded=True
    )
    assert outcome.to_dict() == {
        "outcome": "adopted",
        "adopted": True,
        "kind": "founding-document",
        "procedure": "vote",
        "rule": "S4",
        "clause": outcome.clause.text,
        "anchor": "organizational-principles-4",
        "source": SOURCE,
        "figures": {
            "yes": 80,
            "no": 10,
            "abstain": 5,
            "present": 100,
            "not_voting": 5,
            "votes_per_delegation": 1,
        },
        "share": {"fraction": "4/5", "percent": "80 %"},
        "required": {
            "fraction": "4/5",
            "percent": "80 %",
            "comparison": "at least",
            "text": "at least 80 %",
        },
        "explanation": ("Adopted: 80 of 100 votes present said yes (80 %), which meets the required 80 %."),
        "message": [
            {
                "text": "Adopted: %(yes)d of %(present)d vote present said yes (%(reached)s), "
                "which meets the required %(minimum)s.",
                "plural": "Adopted: %(yes)d of %(present)d votes present said yes (%(reached)s), "
                "which meets the required %(minimum)s.",
                "count": "present",
                "figures": {"yes": 80, "present": 100, "reached": "80 %", "minimum": "80 %"},
            }
        ],
    }


@pytest.mark.parametrize(
    "outcome",
    [
        decide_by_consensus(Kind.PRINCIPLED, objections=0, present=2),
        decide_by_consensus(Kind.PRINCIPLED, objections=1, present=2),
        decide_by_vote(Kind.PRINCIPLED, yes=1, no=0),
        decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=1, no=0, present=1),
        decide_by_vote(Kind.CURRENT_AFFAIRS, yes=0, no=0),
    ],
)
def test_every_outcome_is_json_ready(outcome: object) -> None:
    data = outcome.to_dict()  # type: ignore[attr-defined]
    assert set(data) == KEYS
    assert json.loads(json.dumps(data)) == data


def test_every_result_is_reachable() -> None:
    results = {
        decide_by_consensus(Kind.PRINCIPLED, objections=0, present=2).result,
        decide_by_consensus(Kind.PRINCIPLED, objections=1, present=2).result,
        decide_by_vote(Kind.PRINCIPLED, yes=1, no=0).result,
        decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=1, no=0, present=1).result,
        decide_by_vote(Kind.CURRENT_AFFAIRS, yes=0, no=1).result,
    }
    assert results == set(Result)


def test_consensus_outcome_reports_positions_and_no_share() -> None:
    data = decide_by_consensus(Kind.FOUNDING_DOCUMENT, objections=1, present=3).to_dict()
    assert data["figures"] == {"agree": 2, "stand_aside": 0, "objections": 1, "present": 3}
    assert data["share"] is None
    assert data["required"] is None
    assert data["rule"] == Rule.S2


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(0), "0/1"),
        (Fraction(1), "1/1"),
        (Fraction(80, 100), "4/5"),
        (Fraction(2, 3), "2/3"),
    ],
)
def test_fractions_are_always_written_n_over_d(value: Fraction, text: str) -> None:
    assert fraction_text(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(0), "0 %"),
        (Fraction(1), "100 %"),
        (Fraction(4, 5), "80 %"),
        (Fraction(1, 8), "12.5 %"),
        (Fraction(133, 400), "33.25 %"),
        (Fraction(2, 3), "66.66... %"),
        (Fraction(79_999, 100_000), "79.99... %"),
        (Fraction(1, 300), "0.33... %"),
        (Fraction(100_001, 200_000), "50.00... %"),
    ],
)
def test_percentages_are_exact_or_cut_off_never_rounded_up(value: Fraction, text: str) -> None:
    """A share just under 80 % must never read as 80 %."""
    assert percent_text(value) == text
