"""The motion transition table, read on its own (pure module, no database)."""

from __future__ import annotations

import pytest

from icor.conferences.transitions import (
    FINAL_STATES,
    TRANSITIONS,
    MotionState,
    Mover,
    TransitionRefused,
    check_ballot_opening,
    mover_of,
    next_states,
)
from icor.statute import CLAUSES, Rule


def test_a_principled_motion_can_never_get_a_ballot_and_the_refusal_quotes_s3() -> None:
    """S3: "Principled ideological questions ... are not subject to a vote"."""
    for state in MotionState:
        with pytest.raises(TransitionRefused) as refused:
            check_ballot_opening(state, "principled", discussion_concluded=True)
        assert CLAUSES[Rule.S3].text in str(refused.value)


def test_a_founding_document_ballot_needs_the_discussion_concluded_quoting_s4() -> None:
    """S4: a majority decision only "after an extensive discussion"."""
    with pytest.raises(TransitionRefused) as refused:
        check_ballot_opening("in_discussion", "founding-document", discussion_concluded=False)
    assert CLAUSES[Rule.S4].text in str(refused.value)
    check_ballot_opening("in_discussion", "founding-document", discussion_concluded=True)


def test_a_ballot_opens_only_from_discussion() -> None:
    check_ballot_opening("in_discussion", "current-affairs", discussion_concluded=False)
    for state in set(MotionState) - {MotionState.IN_DISCUSSION}:
        with pytest.raises(TransitionRefused):
            check_ballot_opening(state, "current-affairs", discussion_concluded=False)


def test_final_states_lead_nowhere() -> None:
    for state in FINAL_STATES:
        assert not [target for (source, target) in TRANSITIONS if source is state]
        with pytest.raises(TransitionRefused, match="final state"):
            mover_of(state, MotionState.IN_DISCUSSION)


def test_no_consensus_leads_back_to_discussion_and_only_a_procedure_decides() -> None:
    """S2/S3: without consensus a motion stays in discussion; only a round or ballot adopts or rejects."""
    assert mover_of("consensus_round", "in_discussion") is Mover.PROCEDURE
    deciding = {
        (s, t): m for (s, t), m in TRANSITIONS.items() if t in (MotionState.ADOPTED, MotionState.REJECTED)
    }
    assert deciding and set(deciding.values()) == {Mover.PROCEDURE}


def test_the_refusal_names_the_steps_that_are_possible() -> None:
    with pytest.raises(TransitionRefused) as refused:
        mover_of("draft", "adopted")
    assert "submitted" in str(refused.value)
    assert next_states("submitted", Mover.CHAIR) == [MotionState.IN_DISCUSSION, MotionState.DEFERRED]
