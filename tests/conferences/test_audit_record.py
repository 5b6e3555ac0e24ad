"""The audit record covers the decisions: votes, positions, outcomes and tallies are checked
against it by `icor audit verify`, and checkpoints are signed at every close (minutes print them).

The intruder edits the conference tables with raw SQL, behind the application's back.
"""

from __future__ import annotations

import io
import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from pypdf import PdfReader

from icor.accounts.models import User
from icor.audit.checkpoints import read_checkpoints
from icor.audit.services import record_event
from icor.conferences import services
from icor.conferences.models import Ballot, Conference, ConsensusRound
from icor.conferences.pdf import render_pdf
from icor.conferences.record import check_decisions
from tests.conferences.conftest import Seat, browser, motion_in_discussion, seats

pytestmark = pytest.mark.django_db


def verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def refused() -> str:
    with pytest.raises(CommandError) as error:
        verify()
    assert error.value.returncode == 1
    return str(error.value)


def sql(statement: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def as_json(value: Any) -> str:
    return json.dumps(value)


@pytest.fixture
def present(conference: Conference) -> list[Seat]:
    return seats(conference, 3)


@pytest.fixture
def named(conference: Conference, committee: User, present: list[Seat]) -> Ballot:
    """A named ballot, with one vote changed, closed."""
    motion = motion_in_discussion(conference, committee, present[0])
    ballot = services.open_ballot(motion=motion, actor=committee, allow_changes=True)
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    services.cast_vote(ballot=ballot, actor=present[1].voter, choice="no")
    services.cast_vote(ballot=ballot, actor=present[1].voter, choice="yes")  # a vote change
    return services.close_ballot(ballot=ballot, actor=committee)


@pytest.fixture
def secret(conference: Conference, committee: User, present: list[Seat]) -> Ballot:
    motion = motion_in_discussion(conference, committee, present[0], title="On the secret question")
    ballot = services.open_ballot(motion=motion, actor=committee, secret=True)
    for seat, choice in zip(present, ["yes", "no", "yes"], strict=True):
        services.cast_vote(ballot=ballot, actor=seat.voter, choice=choice)
    return services.close_ballot(ballot=ballot, actor=committee)


@pytest.fixture
def consensus(conference: Conference, committee: User, present: list[Seat]) -> ConsensusRound:
    motion = motion_in_discussion(conference, committee, present[0], kind="principled", title="On unity")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    services.state_position(
        consensus_round=consensus_round, actor=present[1].voter, position="stand_aside", statement="Wording."
    )
    return services.close_consensus_round(consensus_round=consensus_round, actor=committee)


def test_an_untouched_conference_passes_and_the_report_counts_what_it_checked(
    named: Ballot, secret: Ballot, consensus: ConsensusRound
) -> None:
    report = verify()
    assert "Named votes: 2 checked against the record." in report
    assert "Consensus positions: 1 checked against the record." in report
    assert "Stored outcomes: 3 checked against the record." in report


def test_the_record_holds_each_named_vote_and_change_with_its_choice(
    named: Ballot, present: list[Seat]
) -> None:
    from icor.audit.models import AuditEvent

    casts = [e.data for e in AuditEvent.objects.filter(event="ballot.cast").order_by("sequence")]
    assert [(c["delegation"], c["choice"], c["changed"]) for c in casts] == [
        (present[0].delegation.pk, "yes", False),
        (present[1].delegation.pk, "no", False),
        (present[1].delegation.pk, "yes", True),
    ]


def test_a_named_vote_changed_in_its_table_is_detected(named: Ballot, present: list[Seat]) -> None:
    sql(
        "UPDATE conferences_vote SET choice = 'no' WHERE ballot_id = %s AND delegation_id = %s",
        [named.pk, present[1].delegation.pk],
    )
    message = refused()
    assert "named votes do not match the audit record" in message
    assert "is 'no', the record says 'yes'" in message


def test_a_named_vote_deleted_from_its_table_is_detected(named: Ballot, present: list[Seat]) -> None:
    sql("DELETE FROM conferences_vote WHERE delegation_id = %s", [present[0].delegation.pk])
    assert "was deleted" in refused()


def test_a_ballot_outcome_changed_in_its_table_is_detected(named: Ballot) -> None:
    outcome = dict(named.outcome or {})
    outcome["outcome"] = "rejected"
    sql("UPDATE conferences_ballot SET outcome = %s WHERE id = %s", [as_json(outcome), named.pk])
    assert f"the stored outcome of ballot {named.pk} differs from the one in the record" in refused()


def test_a_consensus_position_changed_in_its_table_is_detected(consensus: ConsensusRound) -> None:
    sql("UPDATE conferences_consensusposition SET position = 'object' WHERE round_id = %s", [consensus.pk])
    assert "consensus positions do not match the audit record" in refused()


def test_a_changed_position_is_named_in_words_never_by_its_code(consensus: ConsensusRound) -> None:
    sql("UPDATE conferences_consensusposition SET position = 'agree' WHERE round_id = %s", [consensus.pk])
    message = refused()
    assert "is 'agree', the record says 'stand aside (with a reservation)'" in message
    assert "stand_aside" not in message


def test_a_consensus_outcome_changed_in_its_table_is_detected(consensus: ConsensusRound) -> None:
    outcome = dict(consensus.outcome or {})
    outcome["outcome"] = "not_adopted"
    sql("UPDATE conferences_consensusround SET outcome = %s WHERE id = %s", [as_json(outcome), consensus.pk])
    assert f"stored outcome of consensus round {consensus.pk} differs" in refused()


def test_the_final_tally_of_a_secret_ballot_is_in_the_record(secret: Ballot) -> None:
    from icor.audit.models import AuditEvent

    closed = AuditEvent.objects.get(event="ballot.closed", subject=f"ballot:{secret.pk}")
    assert (closed.data["inputs"]["yes"], closed.data["inputs"]["no"], closed.data["inputs"]["abstain"]) == (
        2,
        1,
        0,
    )


def test_counted_ballots_removed_from_a_secret_ballot_are_detected(secret: Ballot) -> None:
    sql(
        "DELETE FROM conferences_countedballot WHERE id IN "
        "(SELECT id FROM conferences_countedballot WHERE ballot_id = %s LIMIT 1)",
        [secret.pk],
    )
    assert f"secret ballot {secret.pk} lists 2 counted ballots, its recorded tally 3" in refused()


def test_an_outcome_the_statute_would_not_decide_is_detected(named: Ballot) -> None:
    """Even recorded through the application (a faulty release, say), a wrong outcome is caught:
    verify recomputes it with the statute core from the recorded figures."""
    from icor.audit.models import AuditEvent

    closed = AuditEvent.objects.get(event="ballot.closed", subject=f"ballot:{named.pk}")
    wrong = {**(named.outcome or {}), "outcome": "rejected"}
    record_event("ballot.closed", subject=f"ballot:{named.pk}", data={**closed.data, "outcome": wrong})
    Ballot.objects.filter(pk=named.pk).update(outcome=wrong)
    assert f"the outcome of ballot {named.pk} is not what the statute decides" in refused()


def test_checkpoints_are_written_at_each_close(
    conference: Conference,
    committee: User,
    present: list[Seat],
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        ballot_motion = motion_in_discussion(conference, committee, present[0])
        ballot = services.open_ballot(motion=ballot_motion, actor=committee, secret=True)
        services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    with django_capture_on_commit_callbacks(execute=True):
        services.close_ballot(ballot=ballot, actor=committee)
    consensus_motion = motion_in_discussion(conference, committee, present[0], title="On unity")
    consensus_round = services.open_consensus_round(motion=consensus_motion, actor=committee)
    with django_capture_on_commit_callbacks(execute=True):
        services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    with django_capture_on_commit_callbacks(execute=True):
        services.advance_conference(conference=conference, actor=committee)
    reasons = [c.reason for c in read_checkpoints()]
    assert reasons == [
        f"ballot:{ballot.pk} closed",
        f"consensus round:{consensus_round.pk} closed",
        f"conference:{conference.pk} closed",
    ]
    assert "Checkpoints: 3 signed checkpoint(s)" in verify()


def test_the_minutes_print_the_checkpoint_of_their_conference(
    named: Ballot,
    conference: Conference,
    committee: User,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    assert (
        "The checkpoint is written when the conference closes."
        in browser(committee).get(f"/conferences/{conference.pk}/minutes/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.advance_conference(conference=conference, actor=committee)
    [checkpoint] = [c for c in read_checkpoints() if c.reason == f"conference:{conference.pk} closed"]
    page = browser(committee).get(f"/conferences/{conference.pk}/minutes/").content.decode()
    assert checkpoint.hash in page and checkpoint.signature in page and checkpoint.public_key in page
    assert f"link #{checkpoint.sequence}" in page
    reader = PdfReader(io.BytesIO(render_pdf(conference, "en")))
    text = "".join(" ".join(page.extract_text().split()) for page in reader.pages).replace(" ", "")
    for value in (checkpoint.hash, checkpoint.signature, checkpoint.public_key):
        assert value in text  # long codes may wrap; the characters are all there, in order


def test_links_written_before_the_record_named_the_delegation_are_matched_by_organization(
    named: Ballot, consensus: ConsensusRound
) -> None:
    """A record started by an earlier release names the organization only: still checked."""
    from icor.audit.models import AuditEvent

    for link in AuditEvent.objects.filter(event__in=["ballot.cast", "consensus.position"]):
        data = {key: value for key, value in link.data.items() if key != "delegation"}
        AuditEvent.objects.filter(pk=link.pk).update(data=data)
    assert [(check.what, check.checked, check.problem) for check in check_decisions()] == [
        ("named votes", 2, ""),
        ("consensus positions", 1, ""),
        ("stored outcomes", 2, ""),
    ]
