"""Request-validation errors (pydantic's) told in the reader's language.

pydantic words its errors in English; the API renders each one from its type and context through
gettext instead. The messages are the ones Django's forms use, so every language Django speaks has
them already.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sized
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

# Parts of an error's location that name where ninja read the value from, not a field.
CONTAINERS = frozenset({"body", "payload", "query", "path", "form", "header", "cookie"})
QUOTED = re.compile(r"'([^']*)'")
Render = Callable[[Mapping[str, Any]], str]
# ninja drops the input from an error; the API keeps the length of a too long or too short one here.
INPUT_LENGTH = "input_length"
LENGTH_ERRORS = frozenset({"string_too_short", "string_too_long", "too_short", "too_long"})


def _length(problem: Mapping[str, Any]) -> int:
    return int(problem.get("ctx", {}).get(INPUT_LENGTH, 0))


def _too_short(problem: Mapping[str, Any]) -> str:
    limit = int(problem.get("ctx", {}).get("min_length", 0))
    return ngettext(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        limit,
    ) % {"limit_value": limit, "show_value": _length(problem)}


def _too_long(problem: Mapping[str, Any]) -> str:
    limit = int(problem.get("ctx", {}).get("max_length", 0))
    return ngettext(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        limit,
    ) % {"limit_value": limit, "show_value": _length(problem)}


def _too_few(problem: Mapping[str, Any]) -> str:
    limit = int(problem.get("ctx", {}).get("min_length", 0))
    return ngettext(
        "Give at least %(limit_value)d item (there are %(show_value)d).",
        "Give at least %(limit_value)d items (there are %(show_value)d).",
        limit,
    ) % {"limit_value": limit, "show_value": _length(problem)}


def _too_many(problem: Mapping[str, Any]) -> str:
    limit = int(problem.get("ctx", {}).get("max_length", 0))
    return ngettext(
        "Give at most %(limit_value)d item (there are %(show_value)d).",
        "Give at most %(limit_value)d items (there are %(show_value)d).",
        limit,
    ) % {"limit_value": limit, "show_value": _length(problem)}


def _bound(message: Promise, key: str) -> Render:
    return lambda problem: str(message) % {"limit_value": problem.get("ctx", {}).get(key)}


def _choice(problem: Mapping[str, Any]) -> str:
    choices = QUOTED.findall(str(problem.get("ctx", {}).get("expected", "")))
    chosen = gettext("Select a valid choice. That choice is not one of the available choices.")
    return f"{chosen} ({', '.join(choices)})" if choices else chosen


def _validator(problem: Mapping[str, Any]) -> str:
    # A validator of our own raised ValueError with a message already in the reader's language.
    error = problem.get("ctx", {}).get("error")
    return str(error) if error else gettext("Enter a valid value.")


def _fixed(message: Promise) -> Render:
    return lambda problem: str(message)


BOOLEAN = _fixed(_("Enter true or false."))
WHOLE_NUMBER = _fixed(_("Enter a whole number."))
DATE = _fixed(_("Enter a valid date."))
DATE_TIME = _fixed(_("Enter a valid date/time."))
# pydantic's error types (https://docs.pydantic.dev/latest/errors/validation_errors/) that our schemas meet.
MESSAGES: dict[str, Render] = {
    "missing": _fixed(_("This field is required.")),
    "string_type": _fixed(_("Enter a valid value.")),
    "int_type": WHOLE_NUMBER,
    "int_parsing": WHOLE_NUMBER,
    "int_from_float": WHOLE_NUMBER,
    "bool_type": BOOLEAN,
    "bool_parsing": BOOLEAN,
    "string_too_short": _too_short,
    "string_too_long": _too_long,
    "too_short": _too_few,
    "too_long": _too_many,
    "greater_than_equal": _bound(_("Ensure this value is greater than or equal to %(limit_value)s."), "ge"),
    "less_than_equal": _bound(_("Ensure this value is less than or equal to %(limit_value)s."), "le"),
    "enum": _choice,
    "literal_error": _choice,
    "date_type": DATE,
    "date_parsing": DATE,
    "date_from_datetime_parsing": DATE,
    "date_from_datetime_inexact": DATE,
    "datetime_type": DATE_TIME,
    "datetime_parsing": DATE_TIME,
    "datetime_from_date_parsing": DATE_TIME,
    "list_type": _fixed(_("Enter a list of values.")),
    "json_invalid": _fixed(_("Enter a valid JSON.")),
    "value_error": _validator,
    "assertion_error": _validator,
}


def with_input_lengths(shown: list[dict[str, Any]], raw: Iterable[Mapping[str, Any]]) -> None:
    """Note in each shown length error how long the input was (`raw`: the same errors with their input)."""
    for problem, original in zip(shown, raw, strict=True):
        value = original.get("input")
        if problem.get("type") in LENGTH_ERRORS and isinstance(value, Sized):
            problem["ctx"] = {**problem.get("ctx", {}), INPUT_LENGTH: len(value)}


def field_of(problem: Mapping[str, Any]) -> str:
    """The field a problem is about, as the client sent it (`title`, `members.2.name`)."""
    return ".".join(str(part) for part in problem.get("loc", ()) if part not in CONTAINERS)


def message_of(problem: Mapping[str, Any]) -> str:
    render = MESSAGES.get(str(problem.get("type", "")))
    return render(problem) if render else gettext("Enter a valid value.")


def described(problems: Iterable[Mapping[str, Any]]) -> str:
    """All problems in one sentence per field, in the active language: `title: This field is required.`"""
    sentences = []
    for problem in problems:
        field, message = field_of(problem), message_of(problem)
        sentences.append(f"{field}: {message}" if field else message)
    return " ".join(sentences) or gettext("Invalid input.")
