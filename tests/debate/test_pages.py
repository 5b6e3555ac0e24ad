from __future__ import annotations

import pytest

from icor.accounts.models import User
from icor.debate import services
from icor.debate.models import Amendment, Contribution
from tests.conftest import logged_in
from tests.debate.conftest import Debate
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def test_the_debate_page_shows_thread_and_amendment_diff(debate: Debate) -> None:
    services.contribute(motion=debate.motion, actor=debate.proposer, text="We move it.", stance="support")
    services.propose_amendment(
        motion=debate.motion, actor=debate.other, proposed_text="The conference meets every three years."
    )
    page = logged_in(with_totp(debate.other)).get(f"/debate/motions/{debate.motion.pk}/").content.decode()
    assert "We move it." in page
    assert "<del>four</del><ins>three</ins>" in page
    assert "1 word removed, 1 added" in page


def test_a_delegate_contributes_through_the_page(debate: Debate) -> None:
    client = logged_in(with_totp(debate.other))
    response = client.post(
        f"/debate/motions/{debate.motion.pk}/contribute/", {"text": "From the page.", "stance": "question"}
    )
    assert response.status_code == 302
    assert Contribution.objects.get().organization == debate.other.organization


def test_the_chair_takes_up_an_amendment_through_the_page(debate: Debate, committee: User) -> None:
    amendment = services.propose_amendment(
        motion=debate.motion, actor=debate.other, proposed_text="The conference meets every three years."
    )
    logged_in(with_totp(committee)).post(f"/debate/amendments/{amendment.pk}/adopt/")
    assert Amendment.objects.get().state == "adopted"


def test_a_refusal_is_shown_and_changes_nothing(debate: Debate, committee: User) -> None:
    amendment = services.propose_amendment(
        motion=debate.motion, actor=debate.other, proposed_text="The conference meets every three years."
    )
    client = logged_in(with_totp(debate.proposer))
    response = client.post(f"/debate/amendments/{amendment.pk}/withdraw/", follow=True)
    assert response.status_code == 403
    assert Amendment.objects.get().state == "proposed"


def test_the_speakers_page_for_delegates_and_chair(debate: Debate, committee: User) -> None:
    delegate = logged_in(with_totp(debate.other))
    delegate.post(f"/debate/conferences/{debate.conference.pk}/speakers/request/")
    chair = logged_in(with_totp(committee))
    chair.post(f"/debate/conferences/{debate.conference.pk}/speakers/next/")
    page = chair.get(f"/debate/conferences/{debate.conference.pk}/speakers/").content.decode()
    assert debate.other.organization.short_name in page
    assert "End speech" in page


def test_anonymous_visitors_do_not_see_the_debate(client, debate: Debate) -> None:  # type: ignore[no-untyped-def]
    assert client.get(f"/debate/motions/{debate.motion.pk}/").status_code == 302


def test_the_motion_page_links_its_debate(debate: Debate) -> None:
    page = (
        logged_in(with_totp(debate.other)).get(f"/conferences/motions/{debate.motion.pk}/").content.decode()
    )
    assert f"/debate/motions/{debate.motion.pk}/" in page
