"""Country codes and continents shown by their names in the reader's language (never a bare "CD")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django import template
from django_countries import countries

from icor.core.collation import sort_key
from icor.core.continents import Continent

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return str(countries.name(code)) or code


@register.filter
def country_names(codes: Iterable[str]) -> str:
    return ", ".join(sorted((country_name(code) for code in codes), key=sort_key))


@register.filter
def by_country_name(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """(country name, count) pairs in the reader's alphabetical order."""
    named = [(country_name(code), count) for code, count in counts.items()]
    return sorted(named, key=lambda pair: sort_key(pair[0]))


@register.filter
def continent_name(code: str) -> str:
    """A continent as stored (its English name) in the reader's language."""
    return str(dict(Continent.choices).get(code, code))
