"""Secret ballots: who voted is kept apart from what was voted; a receipt lets a voter check."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from nacl.public import PrivateKey, SealedBox

from icor.accounts.models import User
from icor.audit.keys import ballot_key_path
from icor.audit.models import AuditEvent
from icor.audit.services import record_event
from icor.conferences import selectors, services
from icor.conferences.models import (
    Ballot,
    BallotParticipation,
    Conference,
    CountedBallot,
    Delegation,
    SecretVote,
    Vote,
)
from icor.conferences.services import sealing
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
    assert set(fields) == {"id", "ballot", "sealed", "receipt_hash"}
    assert not any(field.is_relation and field.related_model is Delegation for field in fields.values())
    assert fields["id"].get_internal_type() == "UUIDField"
    counted = {field.name: field for field in CountedBallot._meta.get_fields()}
    assert set(counted) == {"id", "ballot", "receipt_hash"}
    assert counted["id"].get_internal_type() == "UUIDField"
    participation = {field.name for field in BallotParticipation._meta.get_fields()}
    assert participation == {"id", "ballot", "delegation"}


def sealed_choices(ballot: Ballot) -> list[str]:
    rows = [(v.receipt_hash, bytes(v.sealed)) for v in SecretVote.objects.filter(ballot=ballot)]
    return sealing.unseal_all(ballot.pk, rows)


def test_a_secret_vote_stores_who_and_a_sealed_what_apart(ballot: Ballot, present: list[Seat]) -> None:
    result = services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no")
    assert result.receipt
    assert list(BallotParticipation.objects.values_list("delegation", flat=True)) == [
        present[0].delegation.pk
    ]
    secret_vote = SecretVote.objects.get()
    assert sealed_choices(ballot) == ["no"]
    assert secret_vote.receipt_hash == services.receipt_hash(result.receipt)
    assert result.receipt not in secret_vote.receipt_hash


def test_every_sealed_choice_has_the_same_length(ballot: Ballot, present: list[Seat]) -> None:
    """The size of a sealed choice must not tell "no" (2 letters) from "abstain" (7)."""
    for seat, choice in zip(present, ["yes", "no", "abstain"], strict=True):
        services.cast_vote(ballot=ballot, actor=seat.voter, choice=choice)
    assert len({len(bytes(v.sealed)) for v in SecretVote.objects.all()}) == 1
    assert sorted(sealed_choices(ballot)) == ["abstain", "no", "yes"]


def test_the_ballot_key_lives_only_in_the_data_directory_until_the_count(
    ballot: Ballot,
    present: list[Seat],
    committee: User,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    key_file = ballot_key_path(ballot.pk)
    assert key_file.is_relative_to(Path(settings.DATA_DIR))
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    with django_capture_on_commit_callbacks(execute=True):
        services.close_ballot(ballot=ballot, actor=committee)
    assert not key_file.exists()
    assert not SecretVote.objects.exists()
    assert CountedBallot.objects.filter(ballot=ballot).count() == 1


def forge(ballot: Ballot, sealed: bytes, *, participation_of: Seat) -> None:
    """A database writer adds a ballot: a participation and a sealed choice."""
    BallotParticipation.objects.create(ballot=ballot, delegation=participation_of.delegation)
    SecretVote.objects.create(ballot=ballot, sealed=sealed, receipt_hash="f" * 64)


def test_a_sealed_choice_forged_in_the_database_stops_the_count_and_changes_nothing(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    forged = SealedBox(PrivateKey.generate().public_key).encrypt(
        b"yes".ljust(sealing.CHOICE_LENGTH) + b"f" * 64
    )
    SecretVote.objects.create(ballot=ballot, sealed=bytes(forged), receipt_hash="f" * 64)
    with pytest.raises(ValidationError, match="behind the application's back"):
        services.close_ballot(ballot=ballot, actor=committee)
    ballot.refresh_from_db()
    assert ballot.is_open and ballot.outcome is None
    assert SecretVote.objects.count() == 2 and not CountedBallot.objects.exists()


def test_a_sealed_choice_copied_into_a_new_row_does_not_count_twice(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    """Ballot stuffing by copying: with a participation and a cast link missing, or a receipt that
    is not the one sealed with the choice, the count stops."""
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    copied = bytes(SecretVote.objects.get().sealed)
    forge(ballot, copied, participation_of=present[1])
    with pytest.raises(ValidationError, match="the audit record saw 1 cast"):
        services.close_ballot(ballot=ballot, actor=committee)
    record_event("ballot.cast", subject=f"ballot:{ballot.pk}", data={"changed": False})  # even so
    with pytest.raises(ValidationError, match="does not open with its key for its receipt"):
        services.close_ballot(ballot=ballot, actor=committee)
    ballot.refresh_from_db()
    assert ballot.is_open and not CountedBallot.objects.exists()


def test_a_secret_ballot_turned_named_in_the_database_takes_no_vote(
    ballot: Ballot, present: list[Seat]
) -> None:
    """A database writer who clears the flag would otherwise get the next choices in clear."""
    Ballot.objects.filter(pk=ballot.pk).update(secret=False)
    with pytest.raises(ValidationError, match="opened as a secret ballot"):
        services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    assert not Vote.objects.exists() and not BallotParticipation.objects.exists()


def test_without_its_key_a_secret_ballot_cannot_be_counted(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    ballot_key_path(ballot.pk).unlink()
    with pytest.raises(ValidationError, match="not in the data directory"):
        services.close_ballot(ballot=ballot, actor=committee)
    ballot.refresh_from_db()
    assert ballot.is_open


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
    for seat in present:
        receipt = receipts[seat.voter.pk]
        assert receipt is not None
        found = selectors.find_receipt(closed, receipt)
        assert found is not None
        assert found in published
    # The published list proves a ballot was counted, never its choice (no receipt for sale).
    assert all(set(vars(vote)) == {"receipt_hash"} for vote in published)
    assert selectors.find_receipt(closed, "AAAA-AAAA-AAAA-AAAA") is None
    assert closed.outcome is not None and closed.outcome["figures"]["yes"] == 2


def test_a_secret_vote_is_cast_once(ballot: Ballot, present: list[Seat]) -> None:
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    with pytest.raises(ValidationError, match="voted in this ballot already"):
        services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no")
    assert sealed_choices(ballot) == ["yes"]


def test_a_secret_vote_changes_only_with_its_receipt_and_when_allowed(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    receipt = services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes").receipt
    assert receipt is not None
    services.allow_vote_changes(ballot=ballot, actor=committee)
    with pytest.raises(ValidationError, match="receipt code"):
        services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no", receipt="WRONG")
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no", receipt=receipt.lower())
    assert sealed_choices(ballot) == ["no"]
    assert BallotParticipation.objects.count() == 1


def test_the_chair_sees_whether_but_not_what_each_delegation_voted(
    ballot: Ballot, present: list[Seat]
) -> None:
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    status = selectors.ballot_counts(ballot, missing_page=1)
    assert (status.voted, status.present) == (1, 3)
    assert status.missing is not None
    assert {row.delegation for row in status.missing} == {s.delegation for s in present[1:]}


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
    assert f"<li><code>{fingerprint}</code></li>" in published  # the list shows no choice


def test_the_receipt_is_looked_up_by_post_never_through_the_url(
    ballot: Ballot, present: list[Seat], committee: User
) -> None:
    receipt = services.cast_vote(ballot=ballot, actor=present[0].voter, choice="no").receipt
    assert receipt is not None
    services.close_ballot(ballot=ballot, actor=committee)
    voter = browser(present[0].voter)
    page = voter.get(f"/conferences/ballots/{ballot.pk}/").content.decode()
    assert '<form method="post" class="filters">' in page
    fingerprint = services.receipt_hash(receipt)[:12]
    ignored = voter.get(f"/conferences/ballots/{ballot.pk}/", {"code": receipt}).content.decode()
    assert f"Your ballot {fingerprint} was counted." not in ignored
    found = voter.post(f"/conferences/ballots/{ballot.pk}/", {"code": receipt}).content.decode()
    assert f"Your ballot {fingerprint} was counted." in found
