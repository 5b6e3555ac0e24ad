"""The API's refusals of invalid input speak the language the client asks for (Accept-Language)."""

from __future__ import annotations

import pydantic
import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from icor.accounts.models import User
from icor.core import bounds
from icor.core.input_errors import described, with_input_lengths
from tests.factories import with_totp

pytestmark = pytest.mark.django_db

INVALID_CONFERENCE = {
    "kind": "galactic",
    "title": "x" * 201,
    "starts_on": "soon",
    "online": "maybe",
    "quorum": 0,
}


def refusal(committee: User, language: str) -> dict[str, str]:
    client = Client()
    client.force_login(with_totp(committee))
    response = client.post(
        "/api/conferences/",
        INVALID_CONFERENCE,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 422
    assert response["Content-Language"] == language
    body = response.json()
    assert set(body) == {"detail", "code", "clause"} and body["code"] == "invalid"
    return body


def test_invalid_input_is_refused_in_german(committee: User) -> None:
    detail = refusal(committee, "de")["detail"]
    assert "ends_on: Dieses Feld ist zwingend erforderlich." in detail
    assert (
        "kind: Bitte eine gültige Auswahl treffen. Dies ist keine gültige Auswahl. (world, continental, regional)"
        in detail
    )
    assert "starts_on: Bitte ein gültiges Datum eingeben." in detail
    assert "online: " in detail
    assert "quorum: Dieser Wert muss größer oder gleich 1 sein." in detail
    assert (
        "title: Bitte sicherstellen, dass der Wert aus höchstens 200 Zeichen besteht. (Er besteht aus 201 Zeichen.)"
        in detail
    )
    assert "Field required" not in detail and "Input should" not in detail


def test_invalid_input_is_refused_in_french(committee: User) -> None:
    detail = refusal(committee, "fr")["detail"]
    assert "ends_on: Ce champ est obligatoire." in detail
    assert "starts_on: Saisissez une date valide." in detail
    assert "quorum: Assurez-vous que cette valeur est supérieure ou égale à 1." in detail


def test_english_readers_get_the_same_fields_in_english(committee: User) -> None:
    detail = refusal(committee, "en")["detail"]
    assert "ends_on: This field is required." in detail
    assert "title: Ensure this value has at most 200 characters (it has 201)." in detail


def test_a_wrong_type_in_the_query_names_the_parameter(client: Client) -> None:
    response = client.get("/api/registry/organizations?year=soon", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 422
    assert response.json()["detail"] == "year: Bitte eine ganze Zahl eingeben."


def test_a_validator_of_our_own_speaks_the_same_language(committee: User) -> None:
    client = Client()
    client.force_login(with_totp(committee))
    response = client.post(
        "/api/projects/activities",
        {"title": "Brigade", "starts_on": "1500-01-01", "region_countries": ["DE", "XX"]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 422
    with translation.override("de"):
        calendar = gettext("Give a date between %(first)s and %(last)s.") % {
            "first": bounds.FIRST_DAY.isoformat(),
            "last": bounds.LAST_DAY.isoformat(),
        }
    assert f"starts_on: {calendar}" in response.json()["detail"]
    assert "region_countries.1: " in response.json()["detail"]
    assert "Value error" not in response.json()["detail"]


class Listing(pydantic.BaseModel):
    items: list[int] = pydantic.Field(max_length=2)
    name: str = pydantic.Field(min_length=3)


def test_lengths_count_items_of_a_list_and_characters_of_a_text() -> None:
    with pytest.raises(pydantic.ValidationError) as raised:
        Listing(items=[1, 2, 3], name="ab")
    shown = raised.value.errors(include_url=False)
    for problem in shown:
        del problem["input"]  # as ninja hands them over
    with_input_lengths(shown, raised.value.errors(include_url=False))
    assert described(shown) == (
        "items: Give at most 2 items (there are 3). "
        "name: Ensure this value has at least 3 characters (it has 2)."
    )
