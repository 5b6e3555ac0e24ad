"""The pages of the workflow, driven as a committee member, an officer and a voting delegate would."""

from __future__ import annotations

import re

import pytest

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.models import Ballot, Conference, Motion, SecretVote
from icor.statute import CLAUSES, Rule
from tests.conferences.conftest import browser, motion_in_discussion, seats
from tests.factories import make_delegation, make_user

pytestmark = pytest.mark.django_db


def test_pages_need_a_login(client, conference: Conference) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/conferences/{conference.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_committee_plans_a_conference_from_the_list(committee: User) -> None:
    client = browser(committee)
    response = client.post(
        "/conferences/",
        {
            "kind": "continental",
            "continent": "Asia",
            "title": "Asian Conference",
            "starts_on": "2026-09-01",
            "ends_on": "2026-09-02",
            "online": "on",
            "votes_per_delegation": "1",
        },
    )
    conference = Conference.objects.get()
    assert response.status_code == 302 and conference.continent == "Asia"
    page = client.get(f"/conferences/{conference.pk}/").content.decode()
    assert "Asian Conference" in page and "Chair" in page


def test_a_refusal_is_shown_with_its_reason(conference: Conference, committee: User) -> None:
    (seat,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, seat, kind="principled")
    client = browser(committee)
    response = client.post(
        f"/conferences/motions/{motion.pk}/open_ballot/", {"minimum_minutes": "0"}, follow=True
    )
    assert CLAUSES[Rule.S3].text in response.content.decode()
    assert not Ballot.objects.exists()


def test_an_officer_accredits_and_a_delegate_checks_in_through_the_pages(
    conference: Conference, officer: User, delegate: User
) -> None:
    client = browser(officer)
    page = client.get(f"/conferences/{conference.pk}/accreditation/")
    assert page.status_code == 200
    client.post(
        f"/conferences/{conference.pk}/accreditation/",
        {"delegates": [officer.pk, delegate.pk], "voting_delegate": delegate.pk},
    )
    assert conference.delegations.get().delegates.get(is_voting=True).user == delegate
    delegate_client = browser(delegate)
    delegate_client.post(f"/conferences/{conference.pk}/attendance/", {"action": "in"})
    status = delegate_client.get(f"/conferences/{conference.pk}/attendance/status/").content.decode()
    assert re.search(r"<strong>1</strong>", status)


def test_the_committee_cannot_open_the_accreditation_page(conference: Conference, committee: User) -> None:
    assert browser(committee).get(f"/conferences/{conference.pk}/accreditation/").status_code == 403


def test_a_named_ballot_through_the_pages_shows_the_result_with_its_clause(
    conference: Conference, committee: User
) -> None:
    a, b, c = seats(conference, 3)
    motion = motion_in_discussion(conference, committee, a)
    chair = browser(committee)
    chair.post(f"/conferences/motions/{motion.pk}/open_ballot/", {"minimum_minutes": "0"})
    ballot = Ballot.objects.get()
    for seat, choice in ((a, "yes"), (b, "yes"), (c, "no")):
        page = browser(seat.voter).get(f"/conferences/motions/{motion.pk}/").content.decode()
        assert f"/conferences/ballots/{ballot.pk}/vote/" in page
        browser(seat.voter).post(f"/conferences/ballots/{ballot.pk}/vote/", {"choice": choice})
    console = chair.get(f"/conferences/{conference.pk}/chair/").content.decode()
    assert "3</strong> of 3 delegations present have voted" in console
    chair.post(f"/conferences/motions/{motion.pk}/close_ballot/", {"confirmed": "1"})
    result = chair.get(f"/conferences/ballots/{ballot.pk}/").content.decode()
    assert "Adopted: 2 yes against 1 no" in result
    assert f'href="/resolution/#{CLAUSES[Rule.S5].anchor}"' in result
    motion.refresh_from_db()
    assert motion.state == "adopted"


def test_the_chair_sees_which_delegations_have_not_voted(conference: Conference, committee: User) -> None:
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a)
    ballot = services.open_ballot(motion=motion, actor=committee, secret=True)
    services.cast_vote(ballot=ballot, actor=a.voter, choice="yes")
    status = browser(committee).get(f"/conferences/ballots/{ballot.pk}/status/").content.decode()
    assert "1</strong> of 2" in status
    assert b.delegation.organization.short_name in status
    assert a.delegation.organization.short_name not in status


def test_a_secret_vote_shows_the_receipt_once_and_the_voter_finds_it_after_the_close(
    conference: Conference, committee: User
) -> None:
    a, _ = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a)
    ballot = services.open_ballot(motion=motion, actor=committee, secret=True)
    voter = browser(a.voter)
    page = voter.post(f"/conferences/ballots/{ballot.pk}/vote/", {"choice": "no"}).content.decode()
    code = re.search(r"<code>([A-Z0-9-]{19})</code>", page)
    assert code is not None
    fingerprint = services.receipt_hash(code.group(1))
    assert fingerprint == SecretVote.objects.get().receipt_hash
    services.close_ballot(ballot=ballot, actor=committee)
    found = voter.post(f"/conferences/ballots/{ballot.pk}/", {"code": code.group(1)}).content.decode()
    assert f"Your ballot {fingerprint[:12]} was counted." in found
    assert "counted as" not in found  # the page never says what a receipt's ballot chose


def test_a_partner_observer_sees_no_voting_form(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a)
    ballot = services.open_ballot(motion=motion, actor=committee)
    partner = make_user(Role.OBSERVER)
    services.invite_guest(conference=conference, actor=committee, guest=partner)
    page = browser(partner).get(f"/conferences/motions/{motion.pk}/").content.decode()
    assert f"/conferences/ballots/{ballot.pk}/vote/" not in page
    response = browser(partner).post(
        f"/conferences/ballots/{ballot.pk}/vote/", {"choice": "yes"}, follow=True
    )
    assert "do not take part in decisions" in response.content.decode()


def test_a_delegate_submits_a_motion_and_a_consensus_round_records_a_reservation(
    conference: Conference, committee: User
) -> None:
    a, b = seats(conference, 2)
    item = services.add_agenda_item(conference=conference, actor=committee, title="Basis")
    browser(a.voter).post(
        f"/conferences/{conference.pk}/motions/new/",
        {
            "agenda_item": item.pk,
            "kind": "principled",
            "title": "On the basis",
            "text": "Text.",
            "submit": "on",
        },
    )
    motion = Motion.objects.get()
    assert motion.state == "submitted" and motion.versions.get().number == 1
    chair = browser(committee)
    chair.post(f"/conferences/motions/{motion.pk}/in_discussion/")
    chair.post(f"/conferences/motions/{motion.pk}/open_round/")
    browser(b.voter).post(
        f"/conferences/motions/{motion.pk}/position/",
        {"position": "stand_aside", "statement": "Unclear wording."},
    )
    chair.post(f"/conferences/motions/{motion.pk}/close_round/", {"confirmed": "1"})
    page = chair.get(f"/conferences/motions/{motion.pk}/").content.decode()
    assert "Adopted by consensus" in page and "Unclear wording." in page


def test_the_submit_button_of_a_draft_submits_it(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    item = services.add_agenda_item(conference=conference, actor=committee, title="Resolutions")
    draft = services.create_motion(
        agenda_item=item,
        organization=a.delegation.organization,
        actor=a.voter,
        kind="current-affairs",
        title="Draft",
        text="Text.",
    )
    own = browser(a.voter)
    page = own.get(f"/conferences/motions/{draft.pk}/").content.decode()
    (submit,) = re.findall(r'<form method="post" action="([^"]+)"[^>]*>[^\n]*>Submit</button>', page)
    assert own.post(submit).status_code == 302
    draft.refresh_from_db()
    assert draft.state == "submitted"


def test_a_latecomer_is_not_offered_the_ballot(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a)
    ballot = services.open_ballot(motion=motion, actor=committee)
    _, latecomer = make_delegation(conference)
    page = browser(latecomer).get(f"/conferences/motions/{motion.pk}/").content.decode()
    assert f"/conferences/ballots/{ballot.pk}/vote/" not in page
