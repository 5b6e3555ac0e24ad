"""What a person reads on a rendered page: its text and the labelling attributes, split into lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Attributes a person reads (tooltips, placeholders, screen readers, buttons).
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
HIDDEN_ELEMENTS = {"script", "style", "template"}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# A word: two or more letters standing alone (not part of a hash, an id or a number).
WORD = re.compile(r"(?<![\w-])[^\W\d_]{2,}(?![\w-])")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self.texts: list[str] = []
        self.authoritative: list[str] = []

    def _excluded(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        # A passage marked with its own language (an authoritative original, a quoted clause) is read
        # as written; the page's <html lang> is not such a mark.
        excluded = self._excluded() or tag in HIDDEN_ELEMENTS or (tag != "html" and "lang" in values)
        if not excluded:
            for name in READ_ATTRIBUTES:
                if values.get(name):
                    self.texts.append(values[name] or "")
            if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
                self.texts.append(values["value"] or "")
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, excluded))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._excluded():
            self.texts.append(data)


def read(html: str) -> list[str]:
    """The lines a person reads, whitespace collapsed, empty ones dropped."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    lines = (" ".join(text.split()) for text in reader.texts)
    return [line for line in lines if line]


def sentences(lines: list[str], user_content: list[str]) -> set[str]:
    """Lines of at least two words once what people wrote or named (kept as written everywhere) is taken out."""
    found = set()
    for line in lines:
        rest = line
        for content in sorted(user_content, key=len, reverse=True):
            rest = rest.replace(content, " ")
        if len(WORD.findall(rest)) >= 2:
            found.add(line)
    return found
