"""Secret ballots: who voted is kept apart from what was voted; a receipt lets a voter check."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.conferences import selectors, services
from icor.conferences.models import (
    Ballot,
    BallotParticipation,
    Conference,
    Delegation,
    SecretVote,
)
from tests.conferences.conftest import Seat, browser, motion_in_discussion, seats

pytestmark = pytest.mark.django_db


@pytest.fixture
def present(conference: Conference) -> list[Seat]:
    return seats(conference, 3)


@pytest.fixture
def ballot(conference: Conference, committee: User, present: list[Seat]) -> Ballot:
    motion = motion_in_discussion(conference, committee, present[0])
    return services.open_ballot(motion=motion, actor=committee, secret=True)


def test_no_column_links_a_secret_vote_to_a_delegation_or_to_a_time() -> None:
    fields = {field.name: field for field in SecretVote._meta.get_fields()}
    assert set(fields) == {"id", "ballot", "choice", "receipt_hash"}
    assert not any(field.is_relation and field.related_model is Delegation for field in fields.values())
    assert fields["id"].get_internal_type() == "UUIDField"
    participation = {field.name for field in BallotParticipation._meta.get_fields()}
    assert participation == {"id", "ballot", "delegation"}


def test_a_secret_vote_stores_who_and_what_apart(ballot: Ballot, present: list[Seat]) -> None:
    result = services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no")
    assert result.receipt
    assert list(BallotParticipation.objects.values_list("delegation", flat=True)) == [
        present[0].delegation.pk
    ]
    secret_vote = SecretVote.objects.get()
    assert secret_vote.choice == "no"
    assert secret_vote.receipt_hash == services.receipt_hash(result.receipt)
    assert result.receipt not in secret_vote.receipt_hash


def test_the_audit_record_of_a_secret_vote_holds_no_choice(ballot: Ballot, present: list[Seat]) -> None:
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    cast = AuditEvent.objects.get(event="ballot.cast")
    assert "choice" not in cast.data and "yes" not in str(cast.data)


def test_each_voter_finds_its_receipt_in_the_published_list(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    receipts = {
        seat.voter.pk: services.cast_vote(ballot=ballot, actor=seat.voter, choice=choice).receipt
        for seat, choice in zip(present, ["yes", "yes", "no"], strict=True)
    }
    assert selectors.counted_secret_votes(ballot) == []  # nothing is published while open
    closed = services.close_ballot(ballot=ballot, actor=committee)
    published = selectors.counted_secret_votes(closed)
    assert len(published) == 3
    for seat, choice in zip(present, ["yes", "yes", "no"], strict=True):
        receipt = receipts[seat.voter.pk]
        assert receipt is not None
        found = selectors.find_receipt(closed, receipt)
        assert found is not None and found.choice == choice
        assert found in published
    assert selectors.find_receipt(closed, "AAAA-AAAA-AAAA-AAAA") is None
    assert closed.outcome is not None and closed.outcome["figures"]["yes"] == 2


def test_a_secret_vote_is_cast_once(ballot: Ballot, present: list[Seat]) -> None:
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    with pytest.raises(ValidationError, match="voted in this ballot already"):
        services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no")
    assert list(SecretVote.objects.values_list("choice", flat=True)) == ["yes"]


def test_a_secret_vote_changes_only_with_its_receipt_and_when_allowed(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    receipt = services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes").receipt
    assert receipt is not None
    services.allow_vote_changes(ballot=ballot, actor=committee)
    with pytest.raises(ValidationError, match="receipt code"):
        services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no", receipt="WRONG")
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no", receipt=receipt.lower())
    assert list(SecretVote.objects.values_list("choice", flat=True)) == ["no"]
    assert BallotParticipation.objects.count() == 1


def test_the_chair_sees_whether_but_not_what_each_delegation_voted(
    ballot: Ballot, present: list[Seat]
) -> None:
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    status = selectors.ballot_status(ballot)
    assert (status.voted, status.present) == (1, 3)
    assert [row.delegation for row in status.missing] == [s.delegation for s in present[1:]]
    assert all(row.choice is None for row in status.rows)


def test_the_receipt_page_shows_the_fingerprint_the_published_list_shows(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    voter = browser(present[0].voter)
    page = voter.post(f"/conferences/ballots/{ballot.pk}/vote/", {"choice": "yes"}).content.decode()
    code = re.search(r'<p class="receipt"><code>([^<]+)</code>', page)
    assert code is not None
    fingerprint = services.receipt_hash(code.group(1))[:12]
    assert f"<code>{fingerprint}</code>" in page
    services.close_ballot(ballot=ballot, actor=committee)
    published = voter.get(f"/conferences/ballots/{ballot.pk}/").content.decode()
    assert f"<code>{fingerprint}</code> yes" in published


def test_the_receipt_is_looked_up_by_post_never_through_the_url(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    receipt = services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no").receipt
    assert receipt is not None
    services.close_ballot(ballot=ballot, actor=committee)
    voter = browser(present[0].voter)
    page = voter.get(f"/conferences/ballots/{ballot.pk}/").content.decode()
    assert '<form method="post" class="filters">' in page
    ignored = voter.get(f"/conferences/ballots/{ballot.pk}/", {"code": receipt}).content.decode()
    assert "was counted as" not in ignored
    found = voter.post(f"/conferences/ballots/{ballot.pk}/", {"code": receipt}).content.decode()
    assert "was counted as “no”" in found
