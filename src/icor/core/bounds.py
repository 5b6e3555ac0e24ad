"""The bounds of every number, date and text a person sends, in one table.

Forms and API schemas take their limits from here, and the services check them again with
`check_*`, so a page, the API and the command line refuse the same input with the same words:
the field and the bound. docs/security.md lists them.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _

# Days: far enough for history and for long plans; week arithmetic never leaves the calendar.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)
# A project, brigade, need, availability, assignment or activity lasts at most ten years.
MAX_SPAN_DAYS = 3653
# A conference lasts at most a month.
MAX_CONFERENCE_DAYS = 31

# Numbers.
MAX_PEOPLE = 100_000_000  # people taking part in one activity
MAX_QUORUM = 10_000  # delegations that must be present
MAX_VOTES_PER_DELEGATION = 100
MAX_BALLOT_MINUTES = 14 * 24 * 60  # a ballot stays open at most two weeks
MAX_VOLUNTEERS_NEEDED = 1000

# Ids named in forms and queries: beyond the database's integer they would fail as server errors.
MAX_ID = 2**31 - 1

# Texts, in characters.
MAX_MOTION_TEXT = 20_000  # motions and amendments
MAX_TRANSLATION = 100_000  # a motion's translation: a language may need more characters than the original
MAX_CONTRIBUTION = 10_000
MAX_RATIONALE = 5_000
MAX_DESCRIPTION = 10_000
MAX_STATEMENT = 5_000
MAX_DECISION_NOTE = 300  # the chair's note on an amendment it decides
MAX_RECORDED_REASON = 300  # why the committee suspends an account or lifts a suspension

# For form fields: the same bounds, refused with Django's words naming the bound.
DAY_VALIDATORS = [MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)]


def id_from(value: object) -> int:
    """The id a form field names, or 0 (which no row has) when it is no id at all: "abc", "-1", 10**20."""
    text = str(value or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= len(str(MAX_ID)) and int(text) <= MAX_ID:
        return int(text)
    return 0


def check_number(field: str, value: int | None, *, low: int, high: int) -> None:
    """Refuse a number outside [low, high], naming the field and the bound."""
    if value is not None and not low <= value <= high:
        raise ValidationError(
            _("%(field)s must be between %(low)d and %(high)d.") % {"field": field, "low": low, "high": high},
            code="out_of_bounds",
        )


def check_day(field: str, value: date | None) -> None:
    if value is not None and not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError(
            _("%(field)s must be a day between %(first)s and %(last)s.")
            % {"field": field, "first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()},
            code="out_of_bounds",
        )


def check_period(field: str, first: date | None, last: date | None, *, max_days: int = MAX_SPAN_DAYS) -> None:
    """Both days on the calendar, in order, and at most `max_days` long."""
    check_day(field, first)
    check_day(field, last)
    if first is not None and last is not None and (last - first).days + 1 > max_days:
        raise ValidationError(
            _("%(field)s may last at most %(days)d days.") % {"field": field, "days": max_days},
            code="out_of_bounds",
        )


def check_text(field: str, value: str | None, *, limit: int) -> None:
    if value is not None and len(value) > limit:
        raise ValidationError(
            _("%(field)s may be at most %(limit)d characters long.") % {"field": field, "limit": limit},
            code="out_of_bounds",
        )
