# ruff: noqa: RUF001 -- the typographic apostrophe is part of the French translation under test
"""The language switcher in the header: a POST that brings the reader to the same page in the new language."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def test_every_page_offers_every_language(client: Client) -> None:
    page = client.get("/de/registry/statistics/").content.decode()
    assert '<form class="language" action="/de/i18n/setlang/" method="post">' in page
    assert '<input name="next" type="hidden" value="/de/registry/statistics/">' in page
    for code, _name in settings.LANGUAGES:
        assert f'<option value="{code}"' in page
    assert '<option value="de" selected>' in page


@pytest.mark.parametrize(
    ("switcher", "next_path", "language", "target"),
    [
        ("/i18n/setlang/", "/registry/", "de", "/de/registry/"),
        (
            "/i18n/setlang/",
            "/registry/statistics/?continent=Europe",
            "ru",
            "/ru/registry/statistics/?continent=Europe",
        ),
        ("/de/i18n/setlang/", "/de/registry/", "fr", "/fr/registry/"),
        ("/tr/i18n/setlang/", "/tr/registry/apply/", "pt", "/pt/registry/apply/"),
        ("/es/i18n/setlang/", "/es/registry/statistics/", "en", "/registry/statistics/"),
    ],
)
def test_switching_language_redirects_to_the_same_page_in_that_language(
    client: Client, switcher: str, next_path: str, language: str, target: str
) -> None:
    response = client.post(switcher, {"language": language, "next": next_path})
    assert response.status_code == 302
    assert response["Location"] == target
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == language


def test_the_switched_page_is_in_the_chosen_language(client: Client) -> None:
    response = client.post(
        "/de/i18n/setlang/", {"language": "fr", "next": "/de/registry/apply/"}, follow=True
    )
    page = response.content.decode()
    assert response.redirect_chain == [("/fr/registry/apply/", 302)]
    assert '<html lang="fr">' in page
    assert "<h1>Demander l’adhésion</h1>" in page


def test_an_unknown_language_changes_nothing(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/registry/"})
    assert response.status_code == 302
    assert response["Location"] == "/registry/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_switcher_does_not_redirect_to_another_site(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "de", "next": "https://example.org/registry/"})
    assert response.status_code == 302
    assert "example.org" not in response["Location"]
