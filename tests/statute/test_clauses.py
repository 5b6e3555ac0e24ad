"""The clauses are quoted verbatim from the Founding Resolution and have stable anchors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from icor.statute import CLAUSES, DECISION_RULES_PARAGRAPH, Rule

CHARTER = Path(__file__).resolve().parents[2] / "src/icor/charter/data/founding_resolution.json"


def test_every_rule_has_a_clause() -> None:
    assert set(CLAUSES) == set(Rule)
    assert all(clause.rule is rule for rule, clause in CLAUSES.items())


def test_clauses_are_quoted_verbatim_from_the_decision_rules_paragraph() -> None:
    for clause in CLAUSES.values():
        assert clause.text in DECISION_RULES_PARAGRAPH


def test_clauses_together_are_the_whole_paragraph() -> None:
    assert " ".join(CLAUSES[rule].text for rule in Rule) == DECISION_RULES_PARAGRAPH


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (
            Rule.S2,
            "In the voting on fundamental documents the conference aspires to decide about "
            "them on the basis of consensus.",
        ),
        (
            Rule.S3,
            "Principled ideological questions and fundamental political issues are not subject to a vote.",
        ),
        (
            Rule.S4,
            "However, in questions of practical necessity, concerning the founding documents "
            "and after an extensive discussion, respecting ideological-political differences, a "
            "majority decision can be taken. This requires a minimum of 80 percent of the votes "
            "of the delegates present.",
        ),
        (Rule.S5, "All resolutions on current affairs can be adopted by a simple majority."),
        (Rule.S6, "Parity of votes is regarded as rejected."),
    ],
)
def test_clause_text_is_the_statute(rule: Rule, text: str) -> None:
    assert CLAUSES[rule].text == text


def test_anchors_are_stable() -> None:
    assert {rule.value: clause.anchor for rule, clause in CLAUSES.items()} == {
        "S2": "organizational-principles-2",
        "S3": "organizational-principles-3",
        "S4": "organizational-principles-4",
        "S5": "organizational-principles-5",
        "S6": "organizational-principles-6",
    }


def test_clauses_cannot_be_changed() -> None:
    table: Any = CLAUSES
    with pytest.raises(TypeError):
        table[Rule.S6] = CLAUSES[Rule.S5]


def test_rule_ids_look_up_clauses_as_plain_strings() -> None:
    table: Any = CLAUSES
    assert table["S6"] is CLAUSES[Rule.S6]


def _texts(node: Any) -> list[str]:
    """Every clause text of the document, in order."""
    if isinstance(node, dict):
        own = [node["text"]] if isinstance(node.get("text"), str) else []
        return own + [text for key, value in node.items() if key != "text" for text in _texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _texts(value)]
    return []


def test_paragraph_is_in_the_founding_resolution() -> None:
    """The project's own copy of the Founding Resolution (the charter's data) holds the paragraph."""
    document = json.loads(CHARTER.read_text(encoding="utf-8"))
    whole = " ".join(" ".join(_texts(document)).split())
    assert DECISION_RULES_PARAGRAPH in whole


@pytest.mark.skipif(not CHARTER.is_file(), reason="the Founding Resolution page data is not at hand")
def test_anchors_and_texts_match_the_founding_resolution_page() -> None:
    """An outcome's link must land on the very sentence it quotes."""
    document = json.loads(CHARTER.read_text(encoding="utf-8"))
    on_page = {
        clause["rule"]: (clause["anchor"], clause["text"])
        for section in document["sections"]
        for clause in section["clauses"]
        if clause.get("rule") in set(Rule)
    }
    assert on_page == {rule: (clause.anchor, clause.text) for rule, clause in CLAUSES.items()}
