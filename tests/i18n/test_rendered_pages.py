"""The main pages rendered with seeded data: no raw code reaches a person, and no English is left over.

The English check compares each page in a language with the same page in English: a line of two or
more words that reads the same in both is English left over. Not counted: what people wrote or named
(organizations, titles, motion texts: they stay as written), numbers, and passages marked with their
own `lang` — the authoritative English text of the Founding Resolution quoted beside a decision, and a
motion's original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
from django_countries import countries

from icor.statute import Kind, Result
from tests.conftest import logged_in
from tests.factories import with_totp
from tests.i18n import page_text
from tests.i18n.scenario import Scenario, build

pytestmark = pytest.mark.django_db

TRANSLATIONS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Codes of the statute core and of the models' choices that must be shown by their names (codes that
# are also plain words, such as "adopted", cannot be told apart from their English name).
CODES = [
    *(result.value for result in Result if not result.value.isalpha()),
    *(result.name for result in Result),
    *(kind.value for kind in Kind if not kind.value.isalpha()),
    "stand_aside",
    "in_discussion",
    "ballot_open",
    "consensus_round",
    "main_task",
]
REPR = re.compile(r"<\w+: |\bobject \(\d+\)|\w+\(\w+=|\{'|\['|\bNone\b|\bTrue\b|\bFalse\b")


def proper_names(scenario: Scenario) -> list[str]:
    """What stays as written: people's content, and country names that read the same in some languages."""
    return [*scenario.user_content, *(str(name) for _code, name in countries)]


@pytest.fixture
def scenario() -> Scenario:
    return build()


def fetch(client: Client, path: str, language: str) -> str:
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    response = client.get(prefix + path)
    assert response.status_code in (200, 403), (path, language, response.status_code)
    return response.content.decode()


def leftover_english(scenario: Scenario, language: str) -> dict[str, list[str]]:
    """Per page and reader, the English lines that the page in `language` still shows."""
    found = {}
    for reader in (scenario.reader, scenario.officer):
        client = logged_in(with_totp(reader))
        for name, path in scenario.pages.items():
            english = page_text.sentences(page_text.read(fetch(client, path, "en")), proper_names(scenario))
            translated = set(page_text.read(fetch(client, path, language)))
            if left := sorted(english & translated):
                found[f"{name} ({reader.role})"] = left
    return found


@pytest.mark.parametrize("reader", ["reader", "officer"])
def test_no_raw_code_reaches_a_person(scenario: Scenario, reader: str) -> None:
    client = logged_in(with_totp(getattr(scenario, reader)))
    found = {}
    for name, path in scenario.pages.items():
        lines = page_text.read(fetch(client, path, "en"))
        text = "\n".join(lines)
        problems = [code for code in CODES if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)]
        problems += [code for code in scenario.country_codes if re.search(rf"\b{code}\b", text)]
        problems += [line for line in lines if "`" in line or REPR.search(line)]
        if problems:
            found[name] = problems
    assert found == {}, "\n".join(f"{name}: {problems}" for name, problems in found.items())


def test_the_code_check_sees_codes(scenario: Scenario) -> None:
    """Guards the test above against reading nothing: the page text holds the scenario's content."""
    client = logged_in(with_totp(scenario.reader))
    lines = page_text.read(fetch(client, scenario.pages["ballot"], "en"))
    assert "Solidarity with Kobanê" in " ".join(lines)


PSEUDO_VOWELS = str.maketrans("aeiouyAEIOUY", "àéîöûÿÀÉÎÖÛŸ")
KEPT = re.compile(r"(%\(\w+\)[sdr]|%[sd%]|<[^>]+>|&\w+;|\{[^}]*\})")


def pseudo(text: str) -> str:
    """A stand-in translation: every letter-bearing part changed, placeholders and markup kept."""
    parts = KEPT.split(text)
    return "".join(part if KEPT.fullmatch(part) else part.translate(PSEUDO_VOWELS) for part in parts)


@pytest.fixture
def pseudo_german(extracted_catalogs: Path, tmp_path: Path) -> Iterator[None]:
    """Every string found in the sources 'translated' into a pseudo-language served under /de/."""
    target = tmp_path / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    catalog = polib.pofile(str(extracted_catalogs / "de" / "LC_MESSAGES" / "django.po"))
    for entry in catalog:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: pseudo(entry.msgid), 1: pseudo(entry.msgid_plural)}
        else:
            entry.msgstr = pseudo(entry.msgid)
    catalog.save_as_mofile(str(target / "django.mo"))
    with override_settings(LOCALE_PATHS=[str(tmp_path)]):
        yield


def test_every_sentence_on_the_pages_comes_from_a_catalog(scenario: Scenario, pseudo_german: None) -> None:
    """With every collected string 'translated', no English sentence may be left: each is marked for translation."""
    left = leftover_english(scenario, "de")
    assert left == {}, "\n".join(f"{name}: {lines}" for name, lines in left.items())


def test_the_pseudo_language_changes_the_pages(scenario: Scenario, pseudo_german: None) -> None:
    client = logged_in(with_totp(scenario.reader))
    assert "Réàd thé clàûsé în thé Föûndîng Résölûtîön" in fetch(client, scenario.pages["ballot"], "de")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_no_english_sentence_is_left_on_the_pages(scenario: Scenario, language: str) -> None:
    left = leftover_english(scenario, language)
    assert left == {}, "\n".join(f"{name}: {lines}" for name, lines in left.items())


def test_api_refusals_come_in_the_language_the_client_asks_for(
    scenario: Scenario, pseudo_german: None
) -> None:
    client = logged_in(with_totp(scenario.officer))
    motion = scenario.pages["motion"].rstrip("/").rsplit("/", 1)[1]
    response = client.post(
        f"/api/conferences/motions/{motion}/translations",
        {"language": "en", "title": "Title", "text": "Text"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == pseudo("The original text is written in this language already.")
