"""Minutes: decisions, figures, clauses, attendance and reservations, as HTML and as PDF."""

from __future__ import annotations

import pytest

from icor.accounts.models import User
from icor.conferences import services
from icor.conferences.minutes import minutes
from icor.conferences.models import Conference
from icor.conferences.pdf import render_pdf
from icor.statute import CLAUSES, Rule
from tests.conferences.conftest import browser, motion_in_discussion, seats
from tests.factories import make_delegation, make_organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(conference: Conference, committee: User) -> Conference:
    """One motion adopted by consensus with a reservation, one current-affairs ballot."""
    russian = make_organization(name="Революционная рабочая партия", country="RU")
    make_delegation(conference, russian)
    a, b = seats(conference, 2)
    principled = motion_in_discussion(
        conference, committee, a, kind="principled", title="On internationalism"
    )
    consensus_round = services.open_consensus_round(motion=principled, actor=committee)
    services.state_position(
        consensus_round=consensus_round, actor=b.voter, position="stand_aside", statement="Wording of §2."
    )
    services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    current = motion_in_discussion(conference, committee, a, title="Solidarity with Kobanê")
    ballot = services.open_ballot(motion=current, actor=committee)
    services.cast_vote(ballot=ballot, actor=a.voter, choice="yes")
    services.close_ballot(ballot=ballot, actor=committee)
    return conference


def test_the_minutes_hold_each_decision_with_figures_and_clause(decided: Conference) -> None:
    record = minutes(decided)
    assert len(record.presence) == 3
    titles = [d.motion.title for d in record.decisions]
    assert titles == ["On internationalism", "Solidarity with Kobanê"]
    consensus = record.decisions[0].procedures[0]
    assert consensus.outcome is not None and consensus.outcome["rule"] == "S2"
    assert [r["text"] for r in consensus.reservations] == ["Wording of §2."]
    ballot = record.decisions[1].procedures[0]
    assert ballot.figures.startswith("yes 1 · no 0 · abstain 0")
    assert ballot.named_votes and ballot.named_votes[0][1] == "yes"


def test_the_minutes_page_is_printable_html(decided: Conference, committee: User) -> None:
    page = browser(committee).get(f"/conferences/{decided.pk}/minutes/").content.decode()
    assert "Solidarity with Kobanê" in page and "Wording of §2." in page
    assert CLAUSES[Rule.S2].anchor in page
    assert "Революционная рабочая партия" in page


def test_the_minutes_pdf_renders_names_in_other_scripts(decided: Conference, committee: User) -> None:
    pdf = render_pdf(minutes(decided))
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>") + pdf.count(b"/Type /Page ") >= 1
    response = browser(committee).get(f"/conferences/{decided.pk}/minutes.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
