"""The consensus procedure (S2): agree, stand aside with a reservation, or object."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.conferences import services
from icor.conferences.models import Conference, ConsensusPosition
from tests.conferences.conftest import motion_in_discussion, seats
from tests.factories import make_delegation

pytestmark = pytest.mark.django_db


def test_consensus_with_a_reservation_adopts_and_records_the_reservation(
    conference: Conference, committee: User
) -> None:
    """S2: standing aside records a reservation and does not block."""
    a, b, c = seats(conference, 3)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")
    services.state_position(
        consensus_round=consensus_round, actor=b.voter, position="stand_aside", statement="We doubt point 3."
    )
    closed = services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    motion.refresh_from_db()
    assert motion.state == "adopted"
    assert closed.outcome is not None
    assert closed.outcome["outcome"] == "adopted" and closed.outcome["rule"] == "S2"
    # c stated nothing: it raised no objection, so it counts with those who agree.
    assert closed.outcome["figures"] == {"agree": 2, "stand_aside": 1, "objections": 0, "present": 3}
    assert closed.reservations == [
        {
            "organization": b.delegation.organization.slug,
            "organization_name": b.delegation.organization.short_name,
            "text": "We doubt point 3.",
        }
    ]
    assert c.delegation.pk not in ConsensusPosition.objects.values_list("delegation", flat=True)


def test_one_objection_blocks_and_a_principled_motion_goes_back_to_discussion(
    conference: Conference, committee: User
) -> None:
    """S2 and S3: no consensus, no decision; the principled question stays in discussion."""
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")
    services.state_position(
        consensus_round=consensus_round, actor=b.voter, position="object", statement="Contradicts our line."
    )
    closed = services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    motion.refresh_from_db()
    assert motion.state == "in_discussion"
    assert closed.outcome is not None and closed.outcome["outcome"] == "no_consensus"
    assert [o["text"] for o in closed.objections] == ["Contradicts our line."]
    assert AuditEvent.objects.get(event="consensus.closed").data["objections"] == closed.objections


@pytest.mark.parametrize("position", ["stand_aside", "object"])
def test_standing_aside_or_objecting_requires_its_reason(
    conference: Conference, committee: User, position: str
) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    with pytest.raises(ValidationError, match="write it down"):
        services.state_position(
            consensus_round=consensus_round, actor=a.voter, position=position, statement=" "
        )
    assert not ConsensusPosition.objects.exists()


def test_only_delegations_present_at_opening_state_positions(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    _, latecomer = make_delegation(conference)
    with pytest.raises(ValidationError, match="not present when this round opened"):
        services.state_position(consensus_round=consensus_round, actor=latecomer, position="agree")
    assert not ConsensusPosition.objects.exists()


def test_a_position_is_stated_once_and_never_for_another_organization(
    conference: Conference, committee: User
) -> None:
    """S11: each voting delegate states the position of its own delegation only."""
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    with pytest.raises(PermissionDenied, match="another organization"):
        services.state_position(
            consensus_round=consensus_round, actor=a.voter, position="agree", delegation=b.delegation
        )
    services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")
    with pytest.raises(ValidationError, match="already"):
        services.state_position(
            consensus_round=consensus_round, actor=a.voter, position="object", statement="No."
        )
    assert ConsensusPosition.objects.get().position == "agree"


def test_no_position_after_the_round_is_closed(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    with pytest.raises(ValidationError, match="closed"):
        services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")


def test_only_the_chair_opens_and_closes_a_round(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    with pytest.raises(PermissionDenied):
        services.open_consensus_round(motion=motion, actor=a.voter)
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    with pytest.raises(PermissionDenied):
        services.close_consensus_round(consensus_round=consensus_round, actor=a.voter)
