"""Partner observers follow only the conferences they are invited to (S13, S11)."""

from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.models import Conference
from tests.conferences.conftest import motion_in_discussion, seats
from tests.conftest import logged_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def observer() -> User:
    return make_user(Role.OBSERVER)


def paths(conference: Conference, committee: User) -> list[str]:
    seat = seats(conference, 1)[0]
    motion = motion_in_discussion(conference, committee, seat)
    ballot = services.open_ballot(motion=motion, actor=committee)
    return [
        f"/conferences/{conference.pk}/",
        f"/conferences/{conference.pk}/minutes/",
        f"/conferences/motions/{motion.pk}/",
        f"/conferences/ballots/{ballot.pk}/",
        f"/debate/motions/{motion.pk}/",
        f"/debate/conferences/{conference.pk}/speakers/",
        f"/api/conferences/{conference.pk}",
        f"/api/conferences/{conference.pk}/delegations",
        f"/api/conferences/motions/{motion.pk}",
        f"/api/conferences/ballots/{ballot.pk}",
        f"/api/debate/motions/{motion.pk}/contributions",
        f"/live/conference-{conference.pk}/",
    ]


def test_an_uninvited_observer_reaches_nothing_of_a_conference(
    conference: Conference, committee: User, observer: User
) -> None:
    client = logged_in(observer)
    refused = {path: client.get(path).status_code for path in paths(conference, committee)}
    assert refused == dict.fromkeys(refused, 403)


def test_an_invited_observer_follows_the_conference(
    conference: Conference, committee: User, observer: User
) -> None:
    services.invite_guest(conference=conference, actor=committee, guest=observer)
    client = logged_in(observer)
    followed = {
        path: client.get(path).status_code for path in paths(conference, committee) if "/live/" not in path
    }
    assert followed == dict.fromkeys(followed, 200)


def test_an_observer_lists_only_the_conferences_it_is_invited_to(
    conference: Conference, committee: User, observer: User
) -> None:
    from tests.factories import make_conference

    other = make_conference(committee, title="Continental Conference Europe")
    services.invite_guest(conference=other, actor=committee, guest=observer)
    listed = [c["id"] for c in logged_in(observer).get("/api/conferences/").json()]
    assert listed == [other.pk]
    page = logged_in(observer).get("/conferences/").content.decode()
    assert other.title in page
    assert conference.title not in page


def test_members_are_not_limited_by_invitations(conference: Conference, committee: User) -> None:
    delegate = make_user(Role.DELEGATE)
    assert logged_in(delegate).get(f"/conferences/{conference.pk}/").status_code == 200
    assert Client().get(f"/conferences/{conference.pk}/").status_code == 302
