"""The list of speakers: delegates put their own names down, the chair calls them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.debate import selectors, services
from icor.debate.models import SpeakerState
from tests.conftest import logged_in
from tests.debate.conftest import Debate
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def test_the_chair_calls_speakers_in_order(debate: Debate, committee: User) -> None:
    services.request_floor(conference=debate.conference, actor=debate.proposer)
    services.request_floor(conference=debate.conference, actor=debate.other)
    first = services.call_next_speaker(conference=debate.conference, actor=committee)
    assert first is not None and first.account == debate.proposer
    second = services.call_next_speaker(conference=debate.conference, actor=committee)
    assert second is not None and second.account == debate.other
    first.refresh_from_db()
    assert first.state == SpeakerState.DONE
    view = selectors.speakers(debate.conference)
    assert view.speaking == second
    assert view.waiting == []


def test_a_delegate_is_on_the_list_once(debate: Debate) -> None:
    services.request_floor(conference=debate.conference, actor=debate.proposer)
    with pytest.raises(ValidationError, match="already"):
        services.request_floor(conference=debate.conference, actor=debate.proposer)


def test_a_closed_list_takes_no_new_names(debate: Debate, committee: User) -> None:
    services.set_list_closed(conference=debate.conference, actor=committee, closed=True)
    with pytest.raises(ValidationError, match="closed"):
        services.request_floor(conference=debate.conference, actor=debate.other)
    assert selectors.speakers(debate.conference).closed is True


def test_only_the_chair_calls_the_next_speaker(debate: Debate) -> None:
    services.request_floor(conference=debate.conference, actor=debate.other)
    with pytest.raises(PermissionDenied):
        services.call_next_speaker(conference=debate.conference, actor=debate.other)


def test_nobody_takes_another_delegate_off_the_list(debate: Debate, committee: User) -> None:
    entry = services.request_floor(conference=debate.conference, actor=debate.proposer)
    with pytest.raises(PermissionDenied):
        services.withdraw_from_floor(entry=entry, actor=debate.other)
    services.withdraw_from_floor(entry=entry, actor=debate.proposer)
    entry.refresh_from_db()
    assert entry.state == SpeakerState.WITHDRAWN


def test_the_chair_takes_a_name_off_the_list_and_the_page_shows_the_button_to_whom_may(
    debate: Debate, committee: User
) -> None:
    """One rule (debate.take_off_list) decides the service and the button."""
    entry = services.request_floor(conference=debate.conference, actor=debate.proposer)
    page = f"/debate/conferences/{debate.conference.pk}/speakers/"
    button = "Take off the list"
    assert button in logged_in(with_totp(debate.proposer)).get(page).content.decode()
    assert button in logged_in(with_totp(committee)).get(page).content.decode()
    assert button not in logged_in(with_totp(debate.other)).get(page).content.decode()
    services.withdraw_from_floor(entry=entry, actor=committee)
    entry.refresh_from_db()
    assert entry.state == SpeakerState.WITHDRAWN
