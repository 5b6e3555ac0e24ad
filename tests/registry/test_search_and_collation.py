"""The registry searches without regard to case or accents and sorts as each language sorts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from icor.core.collation import country_choices, fold, sort_key
from icor.registry import selectors
from icor.registry.models import Organization
from tests.factories import make_organization

CZECH = "Komunistická strana Československa"


@pytest.fixture
def czech(db) -> Organization:  # type: ignore[no-untyped-def]
    return make_organization(name=CZECH, country="CZ")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["ceskoslovenska", "československá", "ČESKOSLOVENSKÁ", "CESKOSLOVENSKA", "strana čes"]
)
def test_search_ignores_case_and_accents(czech: Organization, query: str) -> None:
    """The same on SQLite and PostgreSQL: the folded name is stored and compared with the folded query."""
    assert list(selectors.organizations(query=query)) == [czech], connection.vendor


@pytest.mark.django_db
def test_search_still_tells_different_names_apart(czech: Organization) -> None:
    make_organization(name="Partido Comunista", country="ES")
    assert list(selectors.organizations(query="slovensk")) == [czech]
    assert list(selectors.organizations(query="slovenija")) == []


@pytest.mark.django_db
def test_a_renamed_organization_is_found_by_its_new_name(czech: Organization) -> None:
    czech.abbreviation = "KSČ"
    czech.save(update_fields=["abbreviation"])
    assert list(selectors.organizations(query="ksc")) == [czech]


@pytest.mark.django_db
def test_the_registry_page_finds_the_czech_organization_both_ways(
    czech: Organization, client: Client
) -> None:
    for query in ("ceskoslovenska", "československá"):
        assert CZECH in client.get("/registry/", {"q": query}).content.decode()


def test_fold_removes_marks_and_case() -> None:
    assert (
        fold("ČESKOSLOVENSKÁ Łódź Øresund İstanbul Straße") == "ceskoslovenska lodz oresund istanbul strasse"
    )


def ordered(words: list[str], language: str) -> list[str]:
    return sorted(words, key=lambda word: sort_key(word, language))


def test_turkish_letters_with_marks_follow_their_base_letter() -> None:
    """Turkish alphabet: C Ç D … G Ğ H I İ J … O Ö P … S Ş T U Ü V."""
    words = ["Çad", "Cezayir", "Cibuti", "Dominik", "İran", "Irak", "Ispanya", "Hindistan", "Ürdün", "Uganda"]
    assert ordered(words, "tr") == [
        "Cezayir",
        "Cibuti",
        "Çad",
        "Dominik",
        "Hindistan",
        "Irak",
        "Ispanya",
        "İran",
        "Uganda",
        "Ürdün",
    ]


def test_german_umlauts_sort_with_their_base_letter() -> None:
    words = ["Österreich", "Oman", "Ozeanien", "Pakistan", "Äthiopien", "Albanien"]
    assert ordered(words, "de") == ["Albanien", "Äthiopien", "Oman", "Österreich", "Ozeanien", "Pakistan"]


def test_french_accents_do_not_decide_before_the_letters() -> None:
    words = ["Royaume-Uni", "République tchèque", "Roumanie", "Réunion", "Rwanda"]
    assert ordered(words, "fr") == ["République tchèque", "Réunion", "Roumanie", "Royaume-Uni", "Rwanda"]


def test_spanish_enye_is_a_letter_after_n() -> None:
    assert ordered(["Ñandú", "Nicaragua", "Oman", "Nepal"], "es") == ["Nepal", "Nicaragua", "Ñandú", "Oman"]


def test_cyrillic_names_sort_alphabetically() -> None:
    assert ordered(["Япония", "Бразилия", "Аргентина", "Ёлкино", "Египет"], "ru") == [
        "Аргентина",
        "Бразилия",
        "Египет",
        "Ёлкино",
        "Япония",
    ]


def test_country_choices_follow_the_reader_language(settings) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override("tr"):
        names = [name for _code, name in country_choices()]
    assert names.index("Çad") > names.index("Cibuti")
    assert names == ordered(names, "tr")


@pytest.mark.django_db
def test_the_registry_lists_countries_in_turkish_order(client: Client) -> None:
    make_organization(name="Chad Party", country="TD", continent="Africa")  # Çad
    make_organization(name="Djibouti Party", country="DJ", continent="Africa")  # Cibuti
    page = client.get("/tr/registry/").content.decode()
    assert page.index("Djibouti Party") < page.index("Chad Party")


@pytest.mark.django_db
def test_each_reader_gets_the_order_of_their_own_language_from_one_process(client: Client) -> None:
    """Country keys are kept per language: a Turkish reader and an English one, in turn."""
    make_organization(name="Chad Party", country="TD", continent="Africa")  # Çad in Turkish
    make_organization(name="Djibouti Party", country="DJ", continent="Africa")  # Cibuti
    for prefix, first, second in (
        ("/tr", "Djibouti", "Chad"),
        ("", "Chad", "Djibouti"),
        ("/tr", "Djibouti", "Chad"),
    ):
        page = client.get(f"{prefix}/registry/").content.decode()
        assert page.index(f"{first} Party") < page.index(f"{second} Party"), prefix


@pytest.mark.django_db
def test_the_registry_pages_hold_the_organizations_in_order(client: Client) -> None:
    """Sorted from codes and names, then only the page's organizations loaded, in that order."""
    names = [f"Party {number:03}" for number in range(105)]
    for name in reversed(names):
        make_organization(name=name, country="FR", continent="Europe")
    first, second = (client.get(f"/registry/?page={page}").content.decode() for page in (1, 2))

    def shown(page: str) -> list[str]:
        return [name for name in names if f">{name}</a>" in page]

    assert shown(first) == names[:100]
    assert shown(second) == names[100:]
    assert [first.index(f">{name}</a>") for name in names[:100]] == sorted(
        first.index(f">{name}</a>") for name in names[:100]
    )
    assert "105 organizations" in first
