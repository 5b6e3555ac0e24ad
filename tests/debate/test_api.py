from __future__ import annotations

import pytest
from django.test import Client

from icor.accounts.models import User
from tests.debate.conftest import Debate
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    client = Client()
    client.force_login(with_totp(user))
    return client


def test_contributions_and_amendments_through_the_api(debate: Debate, committee: User) -> None:
    delegate = api_client(debate.other)
    url = f"/api/debate/motions/{debate.motion.pk}"
    created = delegate.post(
        f"{url}/contributions", {"text": "Via the API.", "stance": "oppose"}, content_type="application/json"
    )
    assert created.status_code == 201
    assert created.json()["organization"] == debate.other.organization.slug
    proposed = delegate.post(
        f"{url}/amendments",
        {"proposed_text": "The conference meets every three years."},
        content_type="application/json",
    )
    assert proposed.status_code == 201
    diff = proposed.json()["diff"]
    assert {"operation": "insert", "text": "three"} in diff
    adopted = api_client(committee).post(
        f"/api/debate/amendments/{proposed.json()['id']}/adopt", {"note": ""}, content_type="application/json"
    )
    assert adopted.json()["resulting_version"] == 2
    assert len(delegate.get(f"{url}/contributions").json()) == 1


def test_the_api_refuses_acting_without_a_seat(debate: Debate, committee: User) -> None:
    response = api_client(committee).post(
        f"/api/debate/motions/{debate.motion.pk}/contributions",
        {"text": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_api_needs_a_session(debate: Debate) -> None:
    assert Client().get(f"/api/debate/motions/{debate.motion.pk}/contributions").status_code == 401


def test_the_api_needs_the_csrf_token_for_writes(debate: Debate) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_totp(debate.other))
    response = client.post(
        f"/api/debate/motions/{debate.motion.pk}/contributions",
        {"text": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_speakers_list_through_the_api(debate: Debate, committee: User) -> None:
    url = f"/api/debate/conferences/{debate.conference.pk}/speakers"
    assert api_client(debate.other).post(url).status_code == 201
    assert api_client(debate.other).post(url).status_code == 409
    called = api_client(committee).post(f"{url}/next")
    assert called.json()["organization"] == debate.other.organization.slug
