"""Without JavaScript an irreversible step is still confirmed: the chair's console answers the click
with a confirmation page naming what cannot be undone; Cancel leaves the ballot open."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.confirmations import CLOSE_BALLOT
from icor.conferences.models import Ballot
from tests.factories import make_conference, make_delegation, make_user, with_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_chair_confirms_closing_a_ballot_on_a_page_of_its_own(
    open_page: Callable[..., Page], log_in: Callable[[Page, User], Page], problems: list[str]
) -> None:
    chair = with_totp(make_user(Role.COMMITTEE))
    conference = make_conference(chair, title="World Conference without scripts")
    _, voter = make_delegation(conference)
    item = services.add_agenda_item(conference=conference, actor=chair, title="Current affairs")
    motion = services.create_motion(
        agenda_item=item,
        organization=voter.organization,  # type: ignore[arg-type]
        actor=voter,
        kind="current-affairs",
        title="Solidarity",
        text="The conference declares its solidarity.",
        submit=True,
    )
    services.move_motion(motion=motion, actor=chair, target="in_discussion")
    ballot = services.open_ballot(motion=motion, actor=chair)
    page = log_in(open_page(java_script_enabled=False), chair)
    console = f"/conferences/{conference.pk}/chair/"
    page.goto(console)

    page.get_by_role("button", name="Close the ballot", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This cannot be undone")
    expect(page.locator("#confirm-message")).to_have_text(str(CLOSE_BALLOT.message))
    page.get_by_role("link", name="Cancel").click()
    expect(page).to_have_url(f"{page.url.split('/conferences/')[0]}{console}")
    assert Ballot.objects.get(pk=ballot.pk).is_open

    page.get_by_role("button", name="Close the ballot", exact=True).first.click()
    page.get_by_role("button", name="Close the ballot", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("The ballot is closed.")
    assert not Ballot.objects.get(pk=ballot.pk).is_open
    assert not problems
