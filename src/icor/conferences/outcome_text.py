"""The statute core's outcomes in the reader's language.

An outcome is stored as `Outcome.to_dict()`: its "message" holds the explanation as English
message ids with named figures (icor.statute.messages), which are rendered here through gettext.
Outcomes stored before the message existed fall back to their English "explanation".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from icor.statute import Comparison, Kind, Result

RESULT_LABELS: Mapping[str, Promise] = {
    Result.ADOPTED: _("adopted"),
    Result.REJECTED: _("rejected"),
    Result.NO_CONSENSUS: _("no consensus"),
    Result.NOT_READY: _("not ready for a vote"),
    Result.NOT_VOTEABLE: _("not voteable"),
}
KIND_LABELS: Mapping[str, Promise] = {
    Kind.PRINCIPLED: _("principled question"),
    Kind.FOUNDING_DOCUMENT: _("founding documents"),
    Kind.CURRENT_AFFAIRS: _("current affairs"),
}


def result_label(code: str) -> str:
    return str(RESULT_LABELS.get(code, code))


def kind_label(code: str) -> str:
    return str(KIND_LABELS.get(code, code))


# The statute core writes a share as "66.66... %", "80 %" or "62.5 %" (icor.statute.outcomes.percent_text).
STATUTE_PERCENT = re.compile(r"(?P<whole>\d+)(?:\.(?P<decimals>\d+))?(?P<cut>\.\.\.)? %")


def percent_text(text: str) -> str:
    """A share from the statute core with the reader's decimal separator, its digits unchanged.

    The core stays exact and free of Django; only its decimal point is localised here, so a cut-off
    share keeps its "..." and is never rounded.
    """
    match = STATUTE_PERCENT.fullmatch(text)
    if match is None:
        return text
    decimals = match["decimals"] or ""
    number = number_format(
        Decimal(f"{match['whole']}.{decimals}" if decimals else match["whole"]),
        decimal_pos=len(decimals),
        use_l10n=True,
    )
    if match["cut"]:
        number += "..."
    return gettext("%(number)s %%") % {"number": number}


def _localised(figures: Mapping[str, Any]) -> dict[str, Any]:
    return {name: percent_text(value) if isinstance(value, str) else value for name, value in figures.items()}


def required_text(required: Mapping[str, str] | None) -> str:
    """The threshold ("at least 80 %", "more than 50 %") in the reader's language."""
    if not required:
        return ""
    if required["comparison"] == Comparison.AT_LEAST:
        return gettext("at least %(percent)s") % {"percent": percent_text(required["percent"])}
    return gettext("more than %(percent)s") % {"percent": percent_text(required["percent"])}


def explanation(outcome: Mapping[str, Any]) -> str:
    """The outcome's explanation, each phrase translated as a whole."""
    parts = outcome.get("message")
    if not parts:
        return str(outcome.get("explanation", ""))
    rendered = []
    for part in parts:
        figures = part["figures"]
        if part["plural"] is None:
            template = gettext(part["text"])
        else:
            template = ngettext(part["text"], part["plural"], int(figures[part["count"]]))
        rendered.append(template % _localised(figures) if figures else template)
    return "".join(rendered)
