"""No template holds words outside the translation tags (every template, not only the pages rendered)."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

PACKAGE_DIR = Path(settings.PACKAGE_DIR)
# Names and abbreviations that read the same in every language.
SAME_IN_EVERY_LANGUAGE = {"ICOR", "icor", "CSV", "JSON", "UTC", "API", "PDF", "TOTP", "SVG"}
DROPPED = [
    re.compile(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", re.S),
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
    re.compile(r"{#.*?#}", re.S),
]
READ_ATTRIBUTE = re.compile(r'\b(?:title|placeholder|aria-label|alt)="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]{2,}")


def unmarked_words(source: str) -> list[str]:
    for pattern in DROPPED:
        source = pattern.sub(" ", source)
    texts = READ_ATTRIBUTE.findall(source) + TAG.split(source)
    return [word for text in texts for word in WORD.findall(text) if word not in SAME_IN_EVERY_LANGUAGE]


def test_every_template_marks_its_words_for_translation() -> None:
    found = {}
    for path in sorted(PACKAGE_DIR.rglob("templates/**/*.html")):
        if words := unmarked_words(path.read_text(encoding="utf-8")):
            found[str(path.relative_to(PACKAGE_DIR))] = words
    assert found == {}


def test_the_reader_finds_words_outside_the_tags() -> None:
    """Guards the test above against reading nothing."""
    source = '<p>{% translate "Marked" %} Unmarked {{ value }}</p><a title="Hover text">§</a>'
    assert sorted(unmarked_words(source)) == ["Hover", "Unmarked", "text"]
