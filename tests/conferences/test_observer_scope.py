"""Partner observers follow only the conferences they are invited to (S13, S11)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from icor.accounts.models import Role, User
from icor.conferences import services
from icor.conferences.models import Conference
from icor.conferences.scope import BY_KEYWORD, MARKER, is_classified
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


CONFERENCE_APPS = ("icor.conferences.", "icor.debate.", "icor.live.")


def site_views() -> list[tuple[str, object]]:
    """(pattern, view) of every page of the site, API operations aside."""
    found: list[tuple[str, object]] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                found.append((prefix + str(pattern.pattern), pattern.callback))

    walk(get_resolver().url_patterns, "")
    return found


def test_every_page_of_the_conference_apps_says_which_conference_it_names() -> None:
    """A new view of conferences, the debate or the live channel without a scope marker fails here."""
    unmarked = [
        pattern
        for pattern, view in site_views()
        if getattr(view, "__module__", "").startswith(CONFERENCE_APPS) and not is_classified(view)
    ]
    assert not unmarked, f"views without @names_conference or @names_no_conference: {unmarked}"


def test_every_page_with_a_key_of_the_conference_apps_names_its_conference() -> None:
    """Only lists name no conference: a page whose URL holds a key is scoped."""
    unscoped = [
        pattern
        for pattern, view in site_views()
        if getattr(view, "__module__", "").startswith(CONFERENCE_APPS)
        and getattr(view, MARKER, None) is None
        and "<" in pattern
    ]
    assert not unscoped


def test_every_api_operation_of_the_conference_apps_names_its_conference(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    unscoped = [
        path
        for path in schema["paths"]
        if path.startswith(("/api/conferences/", "/api/debate/"))
        and "{" in path
        and not set(re.findall(r"{(\w+)}", path)) & set(BY_KEYWORD)
    ]
    assert not unscoped


def test_an_uninvited_observer_is_refused_the_live_state_of_a_motion(
    conference: Conference, committee: User, observer: User
) -> None:
    """The page the live updates of a motion fetch was once missing from the observers' scope."""
    motion = motion_in_discussion(conference, committee, seats(conference, 1)[0])
    assert logged_in(observer).get(f"/conferences/motions/{motion.pk}/state/").status_code == 403
    services.invite_guest(conference=conference, actor=committee, guest=observer)
    assert logged_in(observer).get(f"/conferences/motions/{motion.pk}/state/").status_code == 200
