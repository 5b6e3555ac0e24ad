"""Every refused vote is refused with a reason and changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from icor.conferences import services
from icor.conferences.models import Ballot, Conference, Vote
from tests.conferences.conftest import motion_in_discussion, seats
from tests.factories import make_delegation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def ballot(conference: Conference, committee: User) -> Ballot:
    a, _ = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a)
    return services.open_ballot(motion=motion, actor=committee)


def voters(ballot: Ballot) -> list[User]:
    return [
        seat.user
        for presence in ballot.present.select_related("delegation")
        for seat in presence.delegation.delegates.filter(is_voting=True)
    ]


def nothing_cast() -> None:
    assert not Vote.objects.exists()
    assert not AuditEvent.objects.filter(event="ballot.cast").exists()


def test_no_vote_after_the_ballot_is_closed(ballot: Ballot, committee: User) -> None:
    services.close_ballot(ballot=ballot, actor=committee)
    with pytest.raises(ValidationError, match="closed"):
        services.cast_vote(ballot=ballot, actor=voters(ballot)[0], choice="yes")
    nothing_cast()


def test_no_vote_by_a_delegation_that_was_not_present_when_the_ballot_opened(
    ballot: Ballot, conference: Conference
) -> None:
    """S4: the delegations present are fixed when the ballot opens."""
    _, latecomer = make_delegation(conference)
    with pytest.raises(ValidationError, match="not checked in when this ballot opened"):
        services.cast_vote(ballot=ballot, actor=latecomer, choice="yes")
    nothing_cast()


def test_no_vote_for_another_organization(ballot: Ballot) -> None:
    """S11: nobody votes in the name of another organization."""
    first, second = voters(ballot)
    theirs = second.seats.get().delegation
    with pytest.raises(PermissionDenied, match="another organization"):
        services.cast_vote(ballot=ballot, actor=first, choice="yes", delegation=theirs)
    nothing_cast()


def test_no_vote_by_the_committee(ballot: Ballot, committee: User) -> None:
    with pytest.raises(PermissionDenied):
        services.cast_vote(ballot=ballot, actor=committee, choice="yes")
    nothing_cast()


def test_no_vote_by_a_partner_observer(ballot: Ballot, conference: Conference, committee: User) -> None:
    partner = make_user(Role.OBSERVER)
    services.invite_guest(conference=conference, actor=committee, guest=partner)
    with pytest.raises(PermissionDenied, match="observers"):
        services.cast_vote(ballot=ballot, actor=partner, choice="yes")
    nothing_cast()


def test_no_vote_by_an_observer_in_a_delegation(ballot: Ballot) -> None:
    """One vote per organization, cast by its voting delegate; the other delegates observe."""
    voter = voters(ballot)[0]
    delegation = voter.seats.get().delegation
    observer = make_user(Role.DELEGATE, delegation.organization)
    services.accredit_delegation(
        conference=delegation.conference,
        organization=delegation.organization,
        actor=voter,
        delegates=[voter, observer],
        voting_delegate=voter,
    )
    with pytest.raises(PermissionDenied, match="only its voting delegate votes"):
        services.cast_vote(ballot=ballot, actor=observer, choice="yes")
    nothing_cast()


def test_a_delegation_votes_once(ballot: Ballot) -> None:
    voter = voters(ballot)[0]
    services.cast_vote(ballot=ballot, actor=voter, choice="yes")
    with pytest.raises(ValidationError, match="voted in this ballot already"):
        services.cast_vote(ballot=ballot, actor=voter, choice="no")
    assert list(Vote.objects.values_list("choice", flat=True)) == ["yes"]


def test_a_vote_changes_only_when_the_chair_allowed_changes(ballot: Ballot, committee: User) -> None:
    voter = voters(ballot)[0]
    services.cast_vote(ballot=ballot, actor=voter, choice="yes")
    services.allow_vote_changes(ballot=ballot, actor=committee)
    result = services.cast_vote(ballot=ballot, actor=voter, choice="no")
    vote = Vote.objects.get()
    assert result.changed and vote.choice == "no" and vote.changed_at is not None


def test_an_unknown_choice_is_refused(ballot: Ballot) -> None:
    with pytest.raises(ValidationError, match="yes, no or abstain"):
        services.cast_vote(ballot=ballot, actor=voters(ballot)[0], choice="maybe")
    nothing_cast()


def test_only_the_chair_opens_closes_and_allows_changes(ballot: Ballot) -> None:
    voter = voters(ballot)[0]
    with pytest.raises(PermissionDenied):
        services.close_ballot(ballot=ballot, actor=voter)
    with pytest.raises(PermissionDenied):
        services.allow_vote_changes(ballot=ballot, actor=voter)
    assert Ballot.objects.get().is_open
