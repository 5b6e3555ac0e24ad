"""Country names in the reader's language, from the catalogs django-countries ships.

django-countries has no plain `tr` or `pt` catalog, only `tr_TR`, `pt_PT` and `pt_BR`; gettext
expands `tr` to `tr_TR` and `pt` to `pt_PT` through the locale alias table, which these tests pin down.
"""

from __future__ import annotations

import pytest
from django.utils import translation
from django_countries import countries

GERMANY = {
    "en": "Germany",
    "de": "Deutschland",
    "fr": "Allemagne",
    "es": "Alemania",
    "pt": "Alemanha",
    "ru": "Германия",
    "tr": "Almanya",
}
TURKEY = {"de": "Türkei", "fr": "Turquie", "es": "Turquía", "pt": "Turquia", "ru": "Турция", "tr": "Türkiye"}


@pytest.mark.parametrize(("language", "name"), sorted(GERMANY.items()))
def test_germany_is_named_in_the_reader_language(language: str, name: str) -> None:
    with translation.override(language):
        assert countries.name("DE") == name


@pytest.mark.parametrize(("language", "name"), sorted(TURKEY.items()))
def test_turkey_is_named_in_the_reader_language(language: str, name: str) -> None:
    with translation.override(language):
        assert countries.name("TR") == name


def position(language: str, name: str) -> int:
    with translation.override(language):
        return [str(country_name) for _code, country_name in countries].index(name)


def test_country_choices_are_in_the_alphabetical_order_of_cyrillic() -> None:
    """Austria (Австрия) before Albania (Албания) in Russian, the other way round in English."""
    assert position("ru", "Австрия") < position("ru", "Албания")
    assert position("en", "Albania") < position("en", "Austria")
