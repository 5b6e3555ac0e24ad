"""Template filters that show a stored statute outcome in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from icor.conferences import outcome_text

register = template.Library()


@register.filter
def explanation(outcome: Mapping[str, Any]) -> str:
    return outcome_text.explanation(outcome)


@register.filter
def result_label(code: str) -> str:
    return outcome_text.result_label(code)


@register.filter
def kind_label(code: str) -> str:
    return outcome_text.kind_label(code)
