"""The translation seam: every explanation is message ids with named figures that render to its English."""

from __future__ import annotations

import pytest

from icor.statute import Kind, decide_by_consensus, decide_by_vote
from icor.statute.messages import counted_phrase, explained, phrase

OUTCOMES = [
    decide_by_consensus(Kind.PRINCIPLED, objections=0, present=1),
    decide_by_consensus(Kind.PRINCIPLED, objections=0, present=5, stand_aside=1),
    decide_by_consensus(Kind.PRINCIPLED, objections=0, present=5, stand_aside=2),
    decide_by_consensus(Kind.FOUNDING_DOCUMENT, objections=2, present=4),
    decide_by_vote(Kind.PRINCIPLED, yes=3, no=0),
    decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=3, no=0, present=4),
    decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=3, no=1, present=4, discussion_concluded=True),
    decide_by_vote(Kind.FOUNDING_DOCUMENT, yes=1, no=0, present=1, discussion_concluded=True),
    decide_by_vote(Kind.CURRENT_AFFAIRS, yes=2, no=2),
    decide_by_vote(Kind.CURRENT_AFFAIRS, yes=0, no=0),
    decide_by_vote(Kind.CURRENT_AFFAIRS, yes=1, no=0),
    decide_by_vote(Kind.CURRENT_AFFAIRS, yes=3, no=1, abstain=1),
    decide_by_vote(Kind.CURRENT_AFFAIRS, yes=1, no=3),
    decide_by_vote(Kind.CURRENT_AFFAIRS, yes=1, no=3, abstain=2),
]


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_message_renders_to_the_english_explanation(outcome: object) -> None:
    data = outcome.to_dict()  # type: ignore[attr-defined]
    rendered = ""
    for part in data["message"]:
        chosen = part["text"]
        if part["plural"] is not None and part["figures"][part["count"]] != 1:
            chosen = part["plural"]
        rendered += chosen % part["figures"]
    assert rendered == data["explanation"]


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_message_ids_carry_no_figure_so_one_translation_serves_every_count(outcome: object) -> None:
    for part in outcome.to_dict()["message"]:  # type: ignore[attr-defined]
        for text in (part["text"], part["plural"] or ""):
            assert not any(character.isdigit() for character in text.replace("0 yes, 0 no", ""))


def test_a_counted_phrase_chooses_the_singular_for_one() -> None:
    one = counted_phrase("%(n)d vote", "%(n)d votes", count="n", n=1)
    many = counted_phrase("%(n)d vote", "%(n)d votes", count="n", n=2)
    assert explained(one, phrase(".")).english() == "1 vote."
    assert many.english() == "2 votes"
