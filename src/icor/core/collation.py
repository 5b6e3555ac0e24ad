"""Sorting and searching names as readers of each language expect.

Sorting uses the Unicode Collation Algorithm (pyuca, the default table), tailored where a language
treats a letter with a mark as a letter of its own: Turkish Ç Ğ I/İ Ö Ş Ü, Spanish Ñ. German umlauts
and French accents sort with their base letter, which is what the default table already does.
(ICU would bring every tailoring, but PyICU has no wheels on PyPI and needs a compiler and libicu.)

Searching folds case and marks away: "ceskoslovenska" finds "Československá" on every database,
because the folded text is stored beside the name and compared with the folded query.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Any, TypeVar

import pyuca
from django.utils.translation import get_language
from django_countries import countries

from icor.core.continents import Continent

T = TypeVar("T")

DOTLESS_I = "\u0131"
# A code point without a weight of its own sorts after every letter: "c" + LAST sorts after "cz" and before "d".
LAST = "\U0010ffff"
# Letters that the language places after their base letter, as (letter, base).
TAILORINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "tr": (("ç", "c"), ("ğ", "g"), ("i", DOTLESS_I), ("ö", "o"), ("ş", "s"), ("ü", "u")),
    "es": (("ñ", "n"),),
}
# Letters that no decomposition maps to a base letter, folded by hand for search.
FOLDED_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", DOTLESS_I: "i", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"}
)


@cache
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


def _lower(text: str, language: str) -> str:
    if language == "tr":
        # Turkish has two i: dotted (İ, i) and dotless (I, U+0131).
        text = text.replace("I", DOTLESS_I).replace("İ", "i")
    return text.lower()


def sort_key(text: str, language: str | None = None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Key for sorting `text` in `language` (default: the active language)."""
    return _sort_key(text, language.split("-")[0] if language else _active_language())


# Kept per process: the registry sorts every organization by continent, country and name on each
# request, and computing a key is the costly part (about 0.1 ms each).
@lru_cache(maxsize=16384)
def _sort_key(text: str, language: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    collator = _collator()
    tailored = unicodedata.normalize("NFC", _lower(text, language))
    for letter, base in TAILORINGS.get(language, ()):
        tailored = tailored.replace(letter, base + LAST)
    # The untailored key breaks ties between spellings that differ only in case.
    return tuple(collator.sort_key(tailored)), tuple(collator.sort_key(text))


def fold(text: str) -> str:
    """Text for search: lower case, without accents or other marks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare.translate(FOLDED_LETTERS))


def collated(items: Iterable[T], name: Callable[[T], str], language: str | None = None) -> list[T]:
    """`items` sorted by the name each one shows, as readers of `language` expect."""
    return sorted(items, key=lambda item: sort_key(name(item), language))


def country_choices() -> list[tuple[str, str]]:
    """Every country as (code, name in the reader's language), in that language's order."""
    return [(str(code), str(name)) for code, name in collated(countries, lambda country: str(country.name))]


def by_country_and_name(organization: Any) -> tuple[object, object]:
    """Sort key of an organization: its country's name, then its own, as the reader's language sorts."""
    return country_and_name_key(str(organization.country.code), organization.name)


def country_and_name_key(country: str, name: str) -> tuple[object, object]:
    """by_country_and_name from the country's code and the name alone, without loading the organization."""
    language = _active_language()
    return _country_key(country, language), _sort_key(name, language)


def by_place_and_name(organization: Any) -> tuple[object, object, object]:
    """Sort key of an organization in the registry's order: continent, country, name, each as the reader names it."""
    return place_and_name_key(organization.continent, str(organization.country.code), organization.name)


def place_and_name_key(continent: str, country: str, name: str) -> tuple[object, object, object]:
    """by_place_and_name from the codes and the name alone, without loading the organization."""
    language = _active_language()
    return _continent_key(continent, language), _country_key(country, language), _sort_key(name, language)


def _active_language() -> str:
    return (get_language() or "en").split("-")[0]


# Continents and countries repeat from one organization to the next: each name is looked up in
# the catalog and keyed once per language (`language` is the active one, in which it is read).
@lru_cache(maxsize=64)
def _continent_key(code: str, language: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return _sort_key(str(dict(Continent.choices).get(code, code)), language)


@lru_cache(maxsize=4096)
def _country_key(code: str, language: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return _sort_key(str(countries.name(code)), language)
