"""The conference API: session authentication, CSRF on writes, the statute's refusals as 400/403."""

from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import User
from icor.conferences import services
from icor.conferences.models import Conference, Motion
from icor.statute import CLAUSES, Rule
from tests.conferences.conftest import motion_in_discussion, seats
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def api(user: User) -> Client:
    client = Client()
    client.force_login(with_totp(user))
    return client


def test_the_api_needs_a_session(client: Client, conference: Conference) -> None:
    assert client.get("/api/conferences/").status_code == 401


def test_writes_need_the_csrf_token(conference: Conference, committee: User) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(with_totp(committee))
    response = strict.post(
        f"/api/conferences/{conference.pk}/agenda", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert not conference.agenda.exists()


def test_a_full_named_ballot_through_the_api(conference: Conference, committee: User) -> None:
    chair = api(committee)
    a, b, c = seats(conference, 3)
    item = chair.post(
        f"/api/conferences/{conference.pk}/agenda", {"title": "Resolutions"}, content_type="application/json"
    ).json()
    created = api(a.voter).post(
        f"/api/conferences/{conference.pk}/motions",
        {
            "agenda_item_id": item["id"],
            "organization": a.delegation.organization.slug,
            "kind": "current-affairs",
            "title": "Solidarity",
            "text": "Text.",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    motion_id = created.json()["id"]
    assert created.json()["versions"][0]["number"] == 1
    chair.post(
        f"/api/conferences/motions/{motion_id}/transition",
        {"target": "in_discussion"},
        content_type="application/json",
    )
    opened = chair.post(f"/api/conferences/motions/{motion_id}/ballots", {}, content_type="application/json")
    assert opened.status_code == 201 and opened.json()["present"] == 3
    ballot_id = opened.json()["id"]
    for seat, choice in ((a, "yes"), (b, "no"), (c, "yes")):
        cast = api(seat.voter).post(
            f"/api/conferences/ballots/{ballot_id}/votes", {"choice": choice}, content_type="application/json"
        )
        assert cast.status_code == 201
    again = api(a.voter).post(
        f"/api/conferences/ballots/{ballot_id}/votes", {"choice": "no"}, content_type="application/json"
    )
    assert again.status_code == 409 and "already" in again.json()["detail"]
    assert again.json()["code"] == "wrong_state"
    closed = chair.post(f"/api/conferences/ballots/{ballot_id}/close").json()
    assert closed["outcome"]["outcome"] == "adopted" and closed["outcome"]["rule"] == "S5"
    result = api(b.voter).get(f"/api/conferences/ballots/{ballot_id}/result").json()
    assert sorted(v["choice"] for v in result["named_votes"]) == ["no", "yes", "yes"]


def test_the_api_refuses_a_principled_ballot_quoting_s3(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    response = api(committee).post(
        f"/api/conferences/motions/{motion.pk}/ballots", {}, content_type="application/json"
    )
    assert response.status_code == 409
    assert CLAUSES[Rule.S3].text in response.json()["detail"]


def test_the_api_refuses_a_vote_for_another_organization(conference: Conference, committee: User) -> None:
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a)
    ballot = services.open_ballot(motion=motion, actor=committee)
    response = api(a.voter).post(
        f"/api/conferences/ballots/{ballot.pk}/votes",
        {"choice": "yes", "delegation_id": b.delegation.pk},
        content_type="application/json",
    )
    assert response.status_code == 403 and "S11" in response.json()["detail"]
    assert api(committee).get(f"/api/conferences/ballots/{ballot.pk}").json()["voted"] == 0


def test_a_secret_vote_by_api_returns_the_receipt_once(conference: Conference, committee: User) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a)
    ballot = services.open_ballot(motion=motion, actor=committee, secret=True)
    cast = (
        api(a.voter)
        .post(
            f"/api/conferences/ballots/{ballot.pk}/votes", {"choice": "yes"}, content_type="application/json"
        )
        .json()
    )
    receipt = cast["receipt"]
    services.close_ballot(ballot=ballot, actor=committee)
    published = (
        api(a.voter).get(f"/api/conferences/ballots/{ballot.pk}/result").json()["counted_secret_votes"]
    )
    assert [v["receipt_hash"] for v in published] == [services.receipt_hash(receipt)]
    # Published without its choice: the receipt proves the ballot was counted, not what it said.
    assert set(published[0]) == {"receipt_hash", "short_code"}


def test_accreditation_and_attendance_by_api(conference: Conference, officer: User, delegate: User) -> None:
    response = api(officer).post(
        f"/api/conferences/{conference.pk}/delegations",
        {
            "organization": officer.organization.slug,
            "delegate_ids": [delegate.pk],
            "voting_delegate_id": delegate.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    present = api(delegate).post(
        f"/api/conferences/{conference.pk}/attendance", {"action": "in"}, content_type="application/json"
    )
    assert present.json()["present"] == 1
    listed = api(delegate).get(f"/api/conferences/{conference.pk}/delegations").json()
    assert listed[0]["delegates"] == [{"public_name": delegate.shown_name, "voting": True}]
    assert Motion.objects.count() == 0


def test_the_conference_api_is_in_the_openapi_schema(committee: User) -> None:
    schema = api(committee).get("/api/openapi.json").json()
    assert "/api/conferences/ballots/{ballot_id}/votes" in schema["paths"]
