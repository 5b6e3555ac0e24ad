"""Stored outcomes shown to people: result and kind by name, the explanation rendered from its message."""

from __future__ import annotations

from icor.conferences.outcome_text import explanation, kind_label, required_text, result_label
from icor.statute import Kind, decide_by_consensus, decide_by_vote


def test_the_explanation_is_rendered_from_the_message() -> None:
    outcome = decide_by_vote(Kind.CURRENT_AFFAIRS, yes=3, no=1, abstain=2).to_dict()
    assert explanation(outcome) == outcome["explanation"]
    assert explanation({**outcome, "explanation": "stale"}) == outcome["explanation"]


def test_an_outcome_stored_before_the_message_existed_shows_its_english_explanation() -> None:
    outcome = decide_by_consensus(Kind.PRINCIPLED, objections=1, present=3).to_dict()
    del outcome["message"]
    assert (
        explanation(outcome)
        == "No consensus: 1 of the 3 delegations present objected, and consensus requires that none objects."
    )


def test_codes_have_names() -> None:
    assert (result_label("no_consensus"), kind_label("current-affairs")) == (
        "no consensus",
        "current affairs",
    )
    outcome = decide_by_vote(
        Kind.FOUNDING_DOCUMENT, yes=4, no=1, present=5, discussion_concluded=True
    ).to_dict()
    assert required_text(outcome["required"]) == "at least 80 %"
    assert required_text(None) == ""


def test_a_percentage_takes_the_readers_decimal_separator_and_keeps_its_digits() -> None:
    """S4's 80 % and a share cut off below it: the digits stay the statute core's, only the point moves."""
    from django.utils import translation

    from icor.conferences.outcome_text import percent_text

    outcome = decide_by_vote(
        Kind.FOUNDING_DOCUMENT, yes=2, no=1, present=3, discussion_concluded=True
    ).to_dict()
    assert "(66.66... %)" in explanation(outcome)
    with translation.override("de"):
        assert "66,66... %" in explanation(outcome)
        assert "66.66" not in explanation(outcome)
        assert percent_text("62.5 %") == "62,5 %"
        assert percent_text("80 %") == "80 %"
    with translation.override("fr"):
        assert percent_text("0.01... %").startswith("0,01...")
    assert percent_text("62.5 %") == "62.5 %"
    assert percent_text("not a share") == "not a share"
