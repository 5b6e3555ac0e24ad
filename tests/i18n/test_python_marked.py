"""Refusals and error messages in Python go through gettext: none is a bare English literal."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

PACKAGE_DIR = Path(settings.PACKAGE_DIR)
# The exceptions whose message reaches a person, and which argument holds the message.
MESSAGE_ARGUMENT = {
    "ValidationError": 0,
    "PermissionDenied": 0,
    "Http404": 0,
    "CommandError": 0,
    "HttpError": 1,
}
# The statute core is pure Python (its sentences are data, see icor.statute.messages); live/services.py
# refuses malformed channel names from code, never from a person's input.
EXEMPT = {"statute", "migrations", "live/services.py"}


def bare_messages(source: str) -> list[int]:
    """Line numbers where such an exception is raised with a literal or f-string message."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        position = MESSAGE_ARGUMENT.get(name or "")
        if position is None or len(node.args) <= position:
            continue
        argument = node.args[position]
        if isinstance(argument, ast.JoinedStr) or (
            isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        ):
            lines.append(node.lineno)
    return lines


def test_every_refusal_message_is_translatable() -> None:
    found = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        relative = str(path.relative_to(PACKAGE_DIR))
        if any(part in relative for part in EXEMPT):
            continue
        if lines := bare_messages(path.read_text(encoding="utf-8")):
            found[relative] = lines
    assert found == {}


def test_the_reader_finds_bare_messages() -> None:
    source = (
        'raise ValidationError("bare")\n'
        'raise ValidationError(gettext("marked"))\n'
        'raise HttpError(400, f"bare {x}")\n'
        "raise PermissionDenied(message)\n"
    )
    assert bare_messages(source) == [1, 3]
