"""Ballots decided through the whole workflow by the statute's rules (S3 to S6)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from icor.accounts.models import User
from icor.conferences import services
from icor.conferences.models import Ballot, Conference, Motion
from icor.statute import CLAUSES, Rule
from tests.conferences.conftest import Seat, motion_in_discussion, seats

pytestmark = pytest.mark.django_db


def vote_and_close(motion: Motion, committee: User, votes: list[tuple[Seat, str]]) -> Ballot:
    ballot = services.open_ballot(motion=motion, actor=committee)
    for seat, choice in votes:
        services.cast_vote(ballot=ballot, actor=seat.voter, choice=choice)
    return services.close_ballot(ballot=ballot, actor=committee)


def test_a_ballot_on_a_principled_motion_is_refused_quoting_s3(
    conference: Conference, committee: User
) -> None:
    """S3: "Principled ideological questions and fundamental political issues are not subject to a vote"."""
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    with pytest.raises(ValidationError) as refused:
        services.open_ballot(motion=motion, actor=committee)
    assert CLAUSES[Rule.S3].text in refused.value.messages[0]
    motion.refresh_from_db()
    assert motion.state == "in_discussion" and not Ballot.objects.exists()


def test_a_founding_document_ballot_is_refused_before_the_discussion_is_concluded(
    conference: Conference, committee: User
) -> None:
    """S4: a majority decision only "after an extensive discussion"."""
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="founding-document")
    with pytest.raises(ValidationError) as refused:
        services.open_ballot(motion=motion, actor=committee)
    assert CLAUSES[Rule.S4].text in refused.value.messages[0]
    assert not Ballot.objects.exists()
    services.conclude_discussion(motion=motion, actor=committee)
    assert services.open_ballot(motion=motion, actor=committee).is_open


@pytest.mark.parametrize(("yes", "adopted"), [(8, True), (7, False)])
def test_founding_document_needs_80_percent_of_the_votes_present(
    conference: Conference, committee: User, yes: int, adopted: bool
) -> None:
    """S4: 8 of 10 present (exactly 80 %) passes, 7 of 10 fails; a present delegation not voting counts against."""
    present = seats(conference, 10)
    motion = motion_in_discussion(conference, committee, present[0], kind="founding-document")
    services.conclude_discussion(motion=motion, actor=committee)
    votes = [(seat, "yes") for seat in present[:yes]] + [(present[yes], "no")]  # the rest do not vote
    ballot = vote_and_close(motion, committee, votes)
    motion.refresh_from_db()
    assert ballot.outcome is not None
    assert ballot.outcome["rule"] == "S4"
    assert ballot.outcome["figures"]["present"] == 10
    assert ballot.outcome["adopted"] is adopted
    assert motion.state == ("adopted" if adopted else "rejected")
    assert ballot.outcome["anchor"] == CLAUSES[Rule.S4].anchor


def test_current_affairs_are_adopted_by_simple_majority_without_abstentions(
    conference: Conference, committee: User
) -> None:
    """S5: 2 yes, 1 no, 2 abstentions: adopted; abstentions are not counted."""
    a, b, c, d, e = seats(conference, 5)
    motion = motion_in_discussion(conference, committee, a)
    ballot = vote_and_close(
        motion, committee, [(a, "yes"), (b, "yes"), (c, "no"), (d, "abstain"), (e, "abstain")]
    )
    assert ballot.outcome is not None
    assert (ballot.outcome["outcome"], ballot.outcome["rule"]) == ("adopted", "S5")
    assert ballot.outcome["figures"]["abstain"] == 2


def test_parity_is_rejected(conference: Conference, committee: User) -> None:
    """S6: "Parity of votes is regarded as rejected"."""
    a, b, c = seats(conference, 3)
    motion = motion_in_discussion(conference, committee, a)
    ballot = vote_and_close(motion, committee, [(a, "yes"), (b, "no"), (c, "abstain")])
    motion.refresh_from_db()
    assert ballot.outcome is not None
    assert (ballot.outcome["outcome"], ballot.outcome["rule"]) == ("rejected", "S6")
    assert motion.state == "rejected"


def test_votes_per_delegation_weigh_each_vote(committee: User) -> None:
    from tests.factories import make_conference

    conference = make_conference(committee, votes_per_delegation=2)
    a, b, c = seats(conference, 3)
    motion = motion_in_discussion(conference, committee, a)
    ballot = vote_and_close(motion, committee, [(a, "yes"), (b, "yes"), (c, "no")])
    assert ballot.outcome is not None
    assert ballot.outcome["figures"]["yes"] == 4 and ballot.outcome["figures"]["present"] == 6


def test_a_quorum_set_by_the_conference_is_needed_to_open(committee: User) -> None:
    from tests.factories import make_conference

    conference = make_conference(committee, quorum=3)
    a, _ = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a)
    with pytest.raises(ValidationError, match="quorum of 3"):
        services.open_ballot(motion=motion, actor=committee)
    seats(conference, 1)
    assert services.open_ballot(motion=motion, actor=committee).present.count() == 3


def test_the_delegations_present_are_fixed_when_the_ballot_opens(
    conference: Conference, committee: User
) -> None:
    """S4 "delegates present": later check-ins and check-outs do not change the count."""
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a, kind="founding-document")
    services.conclude_discussion(motion=motion, actor=committee)
    ballot = services.open_ballot(motion=motion, actor=committee)
    services.check_out(delegation=b.delegation, actor=b.voter)
    seats(conference, 1)
    services.cast_vote(ballot=ballot, actor=a.voter, choice="yes")
    closed = services.close_ballot(ballot=ballot, actor=committee)
    assert closed.outcome is not None and closed.outcome["figures"]["present"] == 2
    assert closed.outcome["outcome"] == "rejected"  # 1 of 2 = 50 %
