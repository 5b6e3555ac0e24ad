"""The statute core's outcomes in the reader's language.

An outcome is stored as `Outcome.to_dict()`: its "message" holds the explanation as English
message ids with named figures (icor.statute.messages), which are rendered here through gettext.
Outcomes stored before the message existed fall back to their English "explanation".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def required_text(required: Mapping[str, str] | None) -> str:
    """The threshold ("at least 80 %", "more than 50 %") in the reader's language."""
    if not required:
        return ""
    if required["comparison"] == Comparison.AT_LEAST:
        return gettext("at least %(percent)s") % {"percent": required["percent"]}
    return gettext("more than %(percent)s") % {"percent": required["percent"]}


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
        rendered.append(template % figures if figures else template)
    return "".join(rendered)
