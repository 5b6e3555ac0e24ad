"""One count of a consensus round for pages, minutes and API: positions as stated, and silence
counted as not stated, never as agreement (S2)."""

from __future__ import annotations

import pytest

from icor.accounts.models import User
from icor.conferences import selectors, services
from icor.conferences.minutes import minutes
from icor.conferences.models import Conference
from tests.conferences.conftest import browser, motion_in_discussion, seats

pytestmark = pytest.mark.django_db

STATED = {"agree": 2, "stand_aside": 1, "objections": 0, "not_stated": 1, "present": 4}
FIGURES_TEXT = "agree 2 · stand aside 1 · objections 0 · not stated 1 · delegations present 4"


def test_page_minutes_and_api_give_the_same_figures_for_a_round(
    conference: Conference, committee: User
) -> None:
    a, b, c, silent = seats(conference, 4)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")
    services.state_position(consensus_round=consensus_round, actor=b.voter, position="agree")
    services.state_position(
        consensus_round=consensus_round, actor=c.voter, position="stand_aside", statement="Wording."
    )
    chair = browser(committee)
    path = f"/api/conferences/consensus-rounds/{consensus_round.pk}"

    # While the round is open: the console's count and the API's are the same.
    console = chair.get(f"/conferences/{conference.pk}/chair/").content.decode()
    assert "3</strong> of 4 delegations present have stated a position" in console
    during = chair.get(path).json()
    assert (during["stated"], during["present"]) == (3, 4)
    assert during["not_stated"] == [silent.delegation.pk]
    assert during["figures"] == STATED

    services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    after = chair.get(path).json()
    # S2 adopts (nobody objected), but the silent delegation is not counted as agreeing.
    assert after["outcome"]["outcome"] == "adopted" and after["outcome"]["rule"] == "S2"
    assert after["figures"] == after["outcome"]["figures"] == STATED
    assert selectors.round_progress(consensus_round).figures.to_dict() == STATED
    (procedure,) = minutes(conference).decisions[0].procedures
    assert procedure.figures == FIGURES_TEXT
    assert FIGURES_TEXT in chair.get(f"/conferences/{conference.pk}/minutes/").content.decode()
