"""Country codes shown as the country's name in the reader's language (never a bare "CD")."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django_countries import countries

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return str(countries.name(code)) or code


@register.filter
def country_names(codes: Iterable[str]) -> str:
    return ", ".join(country_name(code) for code in codes)
