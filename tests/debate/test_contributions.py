"""Threaded debate on a motion, each contribution in the name of the speaker's own organization (S14, S11)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import Role, User
from icor.conferences import services as conference_services
from icor.debate import selectors, services
from icor.debate.models import Contribution
from tests.debate.conftest import Debate
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_delegate_contributes_for_its_own_organization(debate: Debate) -> None:
    debate.proposer.public_name = "Comrade K"
    debate.proposer.save()
    contribution = services.contribute(
        motion=debate.motion, actor=debate.proposer, text="We support it.", stance="support"
    )
    assert contribution.organization == debate.proposer.organization
    assert contribution.author_name == "Comrade K"


def test_replies_form_a_thread(debate: Debate) -> None:
    first = services.contribute(motion=debate.motion, actor=debate.proposer, text="Opening.")
    reply = services.contribute(motion=debate.motion, actor=debate.other, text="An answer.", parent=first)
    services.contribute(motion=debate.motion, actor=debate.proposer, text="A second point.")
    tree = selectors.thread(debate.motion)
    assert [node.contribution.text for node in tree] == ["Opening.", "A second point."]
    assert [node.contribution for node in tree[0].replies] == [reply]


def test_positions_are_recorded_per_organization(debate: Debate) -> None:
    services.contribute(motion=debate.motion, actor=debate.proposer, text="For.", stance="support")
    services.contribute(motion=debate.motion, actor=debate.other, text="Against.", stance="oppose")
    services.contribute(motion=debate.motion, actor=debate.other, text="On reflection.", stance="reservation")
    stated = {organization: stance for organization, stance, _ in selectors.positions(debate.motion)}
    assert stated == {
        debate.proposer.organization.short_name: "supports",
        debate.other.organization.short_name: "has reservations",
    }


def test_an_account_without_a_seat_cannot_contribute(debate: Debate) -> None:
    outsider = make_user(Role.OFFICER)
    with pytest.raises(PermissionDenied):
        services.contribute(motion=debate.motion, actor=outsider, text="Let me in.")
    assert Contribution.objects.count() == 0


def test_the_committee_does_not_speak_in_an_organizations_name(debate: Debate, committee: User) -> None:
    with pytest.raises(PermissionDenied):
        services.contribute(motion=debate.motion, actor=committee, text="For all of you.")


def test_a_partner_observer_follows_but_does_not_contribute(debate: Debate) -> None:
    observer = make_user(Role.OBSERVER)
    with pytest.raises(PermissionDenied):
        services.contribute(motion=debate.motion, actor=observer, text="A word.")


def test_an_empty_contribution_is_refused(debate: Debate) -> None:
    with pytest.raises(ValidationError):
        services.contribute(motion=debate.motion, actor=debate.proposer, text="   ")
    assert Contribution.objects.count() == 0


def test_a_reply_to_another_motion_is_refused(debate: Debate, committee: User) -> None:
    item = debate.motion.agenda_item
    second = conference_services.create_motion(
        agenda_item=item,
        organization=debate.other.organization,
        actor=debate.other,
        kind="current-affairs",
        title="Another",
        text="Another text.",
        submit=True,
    )
    second = conference_services.move_motion(motion=second, actor=committee, target="in_discussion")
    elsewhere = services.contribute(motion=second, actor=debate.other, text="Elsewhere.")
    with pytest.raises(ValidationError):
        services.contribute(motion=debate.motion, actor=debate.proposer, text="Reply.", parent=elsewhere)


def test_a_decided_motion_is_no_longer_debated(debate: Debate, committee: User) -> None:
    conference_services.move_motion(motion=debate.motion, actor=debate.proposer, target="withdrawn")
    debate.motion.refresh_from_db()
    with pytest.raises(ValidationError, match="debate is closed"):
        services.contribute(motion=debate.motion, actor=debate.other, text="Too late.")
