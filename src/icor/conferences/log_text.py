"""How the audit log page reads what this app writes into the record: codes, outcomes, requirements."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from icor.audit.presentation import CODE_LABELS, register_code_labels, register_value_text
from icor.conferences.models.decision import Choice, Position
from icor.conferences.models.motion import STATE_CHOICES
from icor.conferences.outcome_text import explanation, kind_label, required_text, result_label


def _outcome(value: Any) -> str | None:
    if isinstance(value, Mapping) and "outcome" in value:
        return f"{result_label(value['outcome']).capitalize()}: {explanation(value)}"
    return None


def _kind(value: Any) -> str | None:
    if isinstance(value, str):
        return str(CODE_LABELS.get(value) or kind_label(value))
    return None


def _required(value: Any) -> str | None:
    return required_text(value) if isinstance(value, Mapping) else None


def register_log_texts() -> None:
    register_code_labels(Position.choices)
    register_code_labels(Choice.choices)
    register_code_labels(STATE_CHOICES)
    register_value_text("outcome", _outcome)
    register_value_text("kind", _kind)
    register_value_text("required", _required)
