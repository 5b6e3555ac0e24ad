"""The translation seam of the statute core: sentences as English message ids with named figures.

The core stays free of Django: an explanation is data (message id, plural id, the figure that
chooses between them, the figures themselves). `english()` renders it for `icor decide`; the
Django layer renders the same data through gettext in the reader's language. `phrase` and
`counted_phrase` are also the keywords under which `make messages` collects the message ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

Figure = int | str


@dataclass(frozen=True, slots=True)
class Phrase:
    """One part of a sentence: `text` (singular) or `plural`, chosen by the figure named `count`."""

    text: str
    figures: Mapping[str, Figure]
    plural: str | None = None
    count: str | None = None

    def template(self) -> str:
        if self.plural is None or self.count is None or self.figures[self.count] == 1:
            return self.text
        return self.plural

    def english(self) -> str:
        return self.template() % dict(self.figures)

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "plural": self.plural, "count": self.count, "figures": dict(self.figures)}


def phrase(text: str, **figures: Figure) -> Phrase:
    return Phrase(text=text, figures=MappingProxyType(figures))


def counted_phrase(singular: str, plural: str, *, count: str, **figures: Figure) -> Phrase:
    return Phrase(text=singular, figures=MappingProxyType(figures), plural=plural, count=count)


@dataclass(frozen=True, slots=True)
class Explanation:
    """A sentence made of phrases; each phrase is translated as a whole, then they are joined."""

    phrases: tuple[Phrase, ...]

    def english(self) -> str:
        return "".join(part.english() for part in self.phrases)

    def to_list(self) -> list[dict[str, object]]:
        return [part.to_dict() for part in self.phrases]


def explained(*phrases: Phrase) -> Explanation:
    return Explanation(phrases=phrases)
