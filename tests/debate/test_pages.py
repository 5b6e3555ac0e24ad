from __future__ import annotations

import datetime

import pytest

from icor.accounts.models import Role, User
from icor.conferences.models import Conference, ConferenceStatus
from icor.debate import services
from icor.debate.models import Amendment, Contribution
from icor.registry.models import Membership
from tests.conftest import logged_in
from tests.debate.conftest import Debate
from tests.factories import make_organization, make_user, with_totp

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


def test_after_the_close_the_debate_and_speakers_pages_offer_no_form(debate: Debate, committee: User) -> None:
    """Nothing is offered that the services would refuse once the conference is closed."""
    services.propose_amendment(
        motion=debate.motion, actor=debate.other, proposed_text="The conference meets every three years."
    )
    services.contribute(motion=debate.motion, actor=debate.proposer, text="We move it.", stance="support")
    delegate, chair = logged_in(with_totp(debate.other)), logged_in(with_totp(committee))
    delegate.post(f"/debate/conferences/{debate.conference.pk}/speakers/request/")
    pages = {
        "debate": f"/debate/motions/{debate.motion.pk}/",
        "speakers": f"/debate/conferences/{debate.conference.pk}/speakers/",
    }
    before = {
        name: delegate.get(url).content.decode() + chair.get(url).content.decode()
        for name, url in pages.items()
    }
    assert 'method="post"' in before["debate"] and "Ask for the floor" in before["speakers"]
    Conference.objects.filter(pk=debate.conference.pk).update(status=ConferenceStatus.CLOSED)
    for url in pages.values():
        for client in (delegate, chair):
            page = client.get(url).content.decode()
            main = page.split("<main", 1)[1].split("</main>", 1)[0]
            assert 'method="post"' not in main, url


def test_the_forms_of_delegates_are_offered_only_to_accounts_with_a_seat(debate: Debate) -> None:
    """An officer whose organization sent no delegation, or has left, is refused by the services
    (seat_of): the pages offer them no contribution, amendment or speakers' list form."""
    services.contribute(motion=debate.motion, actor=debate.proposer, text="We move it.", stance="support")
    unaccredited = with_totp(make_user(Role.OFFICER, make_organization()))
    pages = {
        "debate": f"/debate/motions/{debate.motion.pk}/",
        "speakers": f"/debate/conferences/{debate.conference.pk}/speakers/",
    }
    forms = ("Propose an amendment", 'id="contribute-form"', "Reply", "Ask for the floor")

    def offered(user: User) -> set[str]:
        client = logged_in(user)
        answers = [client.get(url) for url in pages.values()]
        assert [answer.status_code for answer in answers] == [200, 200]
        text = "".join(answer.content.decode() for answer in answers)
        return {form for form in forms if form in text}

    delegate = with_totp(debate.other)
    assert offered(delegate) == set(forms)
    assert offered(unaccredited) == set()
    # Its membership ended while its account is still open (the exit closes accounts; S12 holds anyway).
    Membership.objects.filter(organization=debate.other.organization).update(left_on=datetime.date.today())
    assert offered(delegate) == set()
