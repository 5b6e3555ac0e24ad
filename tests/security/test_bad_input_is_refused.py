"""Every input that once made a server error, or minutes of CPU, is refused and changes nothing.

One test per case found by trying the platform as an attacker with an ordinary account:
text sent as something else than JSON, ids that are no numbers, numbers beyond the columns,
dates beyond the calendar, and rows that an attacker holding the database wrote directly.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from icor.accounts.models import Role, User
from icor.conferences import services as conference_services
from icor.conferences.models import Ballot, Conference
from icor.core import bounds
from icor.debate.models import Speaker
from icor.partners.models import Partner
from icor.projects.models import Activity, Kind, Need, Participation, Project
from icor.projects.selectors.brigades import PLAN_WEEKS
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import make_conference, make_delegation, make_project, make_user, with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def assert_refusal(response, status: int, *words: str) -> None:  # type: ignore[no-untyped-def]
    """The one shape of an API refusal, with the words that say why."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "code", "clause"}
    for word in words:
        assert word in body["detail"]


@pytest.fixture
def chair(committee: User) -> Client:
    return logged_in(with_totp(committee))


@pytest.fixture
def conference(committee: User) -> Conference:
    return make_conference(committee)


def motion_in_discussion(conference: Conference, committee: User, proposer: User):  # type: ignore[no-untyped-def]
    item = conference_services.add_agenda_item(conference=conference, actor=committee, title="Item")
    motion = conference_services.create_motion(
        agenda_item=item,
        organization=proposer.organization,
        actor=proposer,
        kind="current-affairs",
        title="On solidarity",
        text="Solidarity with the people.",
        submit=True,
    )
    return conference_services.move_motion(motion=motion, actor=committee, target="in_discussion")


# --- bodies ----------------------------------------------------------------------------------------


def test_text_sent_as_plain_text_to_the_api_is_refused_with_415(conference: Conference) -> None:
    _, delegate = make_delegation(conference)
    response = logged_in(with_totp(delegate)).post(
        f"/api/debate/conferences/{conference.pk}/speakers",
        '{"anything": 1}',
        content_type="text/plain",
    )
    # This operation takes no body: the text is not read at all.
    assert response.status_code == 201
    motion = motion_in_discussion(conference, User.objects.get(role=Role.COMMITTEE), delegate)
    refused = logged_in(with_totp(delegate)).post(
        f"/api/debate/motions/{motion.pk}/contributions", '{"text": "Hello"}', content_type="text/plain"
    )
    assert_refusal(refused, 415, "JSON")
    assert refused.json()["code"] == "unsupported_media_type"
    assert not motion.contributions.exists()


def test_a_method_an_api_path_does_not_have_is_refused_with_the_contract_body(client: Client) -> None:
    """ninja's own 405 was plain text; the API answers every refusal as JSON of one shape."""
    for method, path in (("delete", "/api/conferences/"), ("put", "/api/registry/organizations")):
        refused = getattr(client, method)(path)
        assert_refusal(refused, 405, "method")
        assert refused.json()["code"] == "method_not_allowed"
        assert "GET" in refused["Allow"]


def test_nul_bytes_sent_as_plain_text_are_refused(conference: Conference, committee: User) -> None:
    """Was a 500: a NUL byte in a text/plain body reached PostgreSQL through the JSON parser."""
    _, delegate = make_delegation(conference)
    motion = motion_in_discussion(conference, committee, delegate)
    response = logged_in(with_totp(delegate)).post(
        f"/api/debate/motions/{motion.pk}/contributions", '{"text": "a\\u0000b"}', content_type="text/plain"
    )
    assert_refusal(response, 422, "NUL")
    assert not motion.contributions.exists()


def test_a_body_that_is_not_json_is_invalid_input(conference: Conference, committee: User) -> None:
    _, delegate = make_delegation(conference)
    motion = motion_in_discussion(conference, committee, delegate)
    response = logged_in(with_totp(delegate)).post(
        f"/api/debate/motions/{motion.pk}/contributions", "{not json", content_type="application/json"
    )
    assert_refusal(response, 422, "JSON")


# --- ids that are no numbers -------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["withdraw", "end"])
@pytest.mark.parametrize("entry", ["abc", "-1", str(10**20), ""])
def test_a_speakers_entry_that_is_no_id_is_not_found(
    conference: Conference, committee: User, action: str, entry: str
) -> None:
    _, delegate = make_delegation(conference)
    client = logged_in(with_totp(committee)) if action == "end" else logged_in(with_totp(delegate))
    response = client.post(f"/debate/conferences/{conference.pk}/speakers/{action}/", {"entry": entry})
    assert response.status_code == 404
    assert not Speaker.objects.exists()


@pytest.mark.parametrize("project", ["abc", str(10**20), "1.5"])
def test_a_partner_project_that_is_no_id_is_not_found(committee: User, project: str) -> None:
    partner = Partner.objects.create(
        name="Friends", slug="friends", kind=Partner._meta.get_field("kind").choices[0][0]
    )
    response = logged_in(with_totp(committee)).post(
        f"/partners/{partner.slug}/projects/", {"project": project}
    )
    assert response.status_code == 404
    assert not partner.projects.exists()


# --- numbers beyond the columns ----------------------------------------------------------------------


CONFERENCE = {
    "kind": "world",
    "title": "World Conference",
    "starts_on": "2027-05-01",
    "ends_on": "2027-05-03",
    "place": "Somewhere",
}


@pytest.mark.parametrize(
    ("field", "value", "bound"),
    [("quorum", 2**70, bounds.MAX_QUORUM), ("votes_per_delegation", 10**9, bounds.MAX_VOTES_PER_DELEGATION)],
)
def test_a_conference_number_beyond_its_bound_is_refused(
    chair: Client, field: str, value: int, bound: int
) -> None:
    response = chair.post("/api/conferences/", {**CONFERENCE, field: value}, content_type="application/json")
    assert_refusal(response, 422, field, str(bound))
    page = chair.post("/conferences/", {**CONFERENCE, field: value})
    assert page.status_code == 200
    assert str(bound) in page.content.decode()
    assert not Conference.objects.exists()


def test_a_conference_longer_than_a_month_is_refused(committee: User) -> None:
    with pytest.raises(Exception, match=str(bounds.MAX_CONFERENCE_DAYS)):
        conference_services.create_conference(
            actor=committee,
            kind="world",
            title="T",
            starts_on=date(2027, 1, 1),
            ends_on=date(2099, 1, 1),
            place="P",
        )
    assert not Conference.objects.exists()


@pytest.mark.parametrize("field", ["minimum_minutes", "closes_in_minutes"])
def test_ballot_times_beyond_two_weeks_are_refused(
    conference: Conference, committee: User, field: str
) -> None:
    """Was a 500: ten to the twelfth minutes overflowed the date of the ballot's close."""
    _, delegate = make_delegation(conference)
    motion = motion_in_discussion(conference, committee, delegate)
    chair = logged_in(with_totp(committee))
    response = chair.post(
        f"/api/conferences/motions/{motion.pk}/ballots", {field: 10**12}, content_type="application/json"
    )
    assert_refusal(response, 422, field, str(bounds.MAX_BALLOT_MINUTES))
    page = chair.post(f"/conferences/motions/{motion.pk}/open_ballot/", {field: str(10**12)}, follow=True)
    assert page.status_code == 200
    assert not Ballot.objects.exists()


def test_people_beyond_the_bound_are_refused(officer: User) -> None:
    """Was a 500: 10**20 people did not fit the column."""
    activity = Activity.objects.create(title="May Day", starts_on=date(2027, 5, 1), ends_on=date(2027, 5, 1))
    client = logged_in(with_totp(officer))
    response = client.post(
        f"/api/projects/activities/{activity.pk}/participation",
        {"what": "A march", "city": "Berlin", "people": 10**20},
        content_type="application/json",
    )
    assert_refusal(response, 422, "people")
    page = client.post(
        f"/projects/activities/{activity.pk}/participation/",
        {"what": "A march", "city": "Berlin", "people": 10**20},
    )
    assert page.status_code in (200, 302)
    assert not Participation.objects.exists()


# --- dates beyond the calendar -----------------------------------------------------------------------


def test_a_need_until_the_end_of_the_calendar_is_refused(
    officer: User, own_organization: Organization
) -> None:
    """Was a 500: the Sunday after 9999-12-31 does not exist."""
    project = make_project(
        kind=Kind.SINGLE,
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
        recruits_volunteers=True,
        coordinators=[own_organization],
    )
    client = logged_in(with_totp(officer))
    data = {"skill": "nurse", "count": 2, "starts_on": "2027-01-04", "ends_on": "9999-12-31"}
    response = client.post(f"/api/projects/{project.pk}/brigade/needs", data, content_type="application/json")
    assert_refusal(response, 422, str(bounds.LAST_DAY.year))
    page = client.post(f"/projects/{project.pk}/brigade/needs/", data, follow=True)
    assert page.status_code == 200
    assert not Need.objects.exists()


@pytest.mark.parametrize(("first", "last"), [("0001-01-01", "9999-12-31"), ("1900-01-01", "2999-12-31")])
def test_an_activity_beyond_the_calendar_is_refused(officer: User, first: str, last: str) -> None:
    client = logged_in(with_totp(officer))
    response = client.post(
        "/api/projects/activities",
        {"title": "Forever", "starts_on": first, "ends_on": last},
        content_type="application/json",
    )
    assert response.status_code == 422
    page = client.post(
        "/projects/calendar/new/",
        {"title": "Forever", "starts_on": first, "ends_on": last, "level": "worldwide"},
    )
    assert page.status_code == 200
    assert not Activity.objects.exists()


def test_an_activity_ten_years_long_is_refused(officer: User) -> None:
    response = logged_in(with_totp(officer)).post(
        "/api/projects/activities",
        {"title": "Long", "starts_on": "2030-01-01", "ends_on": "2099-01-01"},
        content_type="application/json",
    )
    assert_refusal(response, 422, str(bounds.MAX_SPAN_DAYS))


def test_the_calendar_survives_an_activity_written_straight_into_the_database(client: Client) -> None:
    """Was a 500 for everybody: an activity from 0001-01-01 to 9999-12-31 broke calendar.ics."""
    Activity.objects.create(title="Forever", starts_on=date.min, ends_on=date.max)
    response = client.get("/projects/calendar.ics")
    assert response.status_code == 200
    text = response.content.decode()
    assert "DTSTART;VALUE=DATE:00010101" in text
    assert "DTEND;VALUE=DATE:99991231" in text
    assert client.get("/projects/calendar/").status_code == 200


@pytest.mark.parametrize(("first", "last"), [(date(1900, 1, 1), date(2999, 12, 31)), (date.min, date.max)])
def test_the_brigade_plan_shows_a_window_whatever_range_was_stored(
    client: Client, first: date, last: date
) -> None:
    """Was 30 s of CPU (1900 to 2999) or a 500 (0001 to 9999) for anonymous visitors."""
    project = Project.objects.create(
        title="Endless", kind=Kind.SINGLE, starts_on=first, ends_on=last, recruits_volunteers=True
    )
    page = client.get(f"/projects/{project.pk}/brigade/")
    assert page.status_code == 200
    assert page.content.decode().count('class="week"') == PLAN_WEEKS
    later = client.get(f"/projects/{project.pk}/brigade/?from=2090-01-01")
    assert 'id="week-2089-12-26"' in later.content.decode()
    api = client.get(f"/api/projects/{project.pk}/brigade")
    assert api.status_code == 200
    assert len(api.json()) == PLAN_WEEKS


# --- texts --------------------------------------------------------------------------------------------


def test_a_motion_of_a_megabyte_is_refused(conference: Conference, committee: User) -> None:
    _, officer = make_delegation(conference)
    item = conference_services.add_agenda_item(conference=conference, actor=committee, title="Item")
    response = logged_in(with_totp(officer)).post(
        f"/api/conferences/{conference.pk}/motions",
        {
            "agenda_item_id": item.pk,
            "organization": officer.organization.slug,
            "kind": "current-affairs",
            "title": "Long",
            "text": "x" * 1_000_000,
        },
        content_type="application/json",
    )
    assert_refusal(response, 422, "text")
    assert not item.motions.exists()


def test_an_account_that_is_not_logged_in_gets_401_in_the_contract(client: Client) -> None:
    assert_refusal(client.post("/api/conferences/", {}, content_type="application/json"), 401)


def test_a_refusal_names_its_clause(conference: Conference, committee: User) -> None:
    _, delegate = make_delegation(conference)
    other = make_user(Role.OFFICER)
    motion = motion_in_discussion(conference, committee, delegate)
    response = logged_in(with_totp(other)).post(
        f"/api/conferences/motions/{motion.pk}/cosponsors",
        {"organization": delegate.organization.slug},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["clause"] == "S11"


def test_an_api_write_without_the_csrf_token_is_refused_in_the_contract(committee: User) -> None:
    """Never Django's HTML 403 page from an API route."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_totp(committee))
    response = client.post("/api/conferences/", CONFERENCE, content_type="application/json")
    assert_refusal(response, 403, "CSRF")
    assert not Conference.objects.exists()


def test_an_unknown_api_path_is_not_found_in_the_contract(client: Client) -> None:
    assert_refusal(client.get("/api/no-such-thing"), 404)
