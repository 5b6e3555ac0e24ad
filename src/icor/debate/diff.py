"""Word-level differences between two texts of a motion, for showing amendments (S14).

Pure Python: the same function serves pages, the API and the minutes. The difference is
computed once, when the amendment is proposed, and stored with it.

The work is bounded whatever the texts: the common beginning and end are set aside first,
then paragraphs are matched, then sentences inside changed paragraphs, then words inside
changed sentences. difflib's matcher does work in proportion to the pairs of equal units on
both sides and, at worst, to the product of their numbers; a level is compared only while
both stay under a bound, and beyond it the changed piece is shown as removed and added whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Operation = Literal["equal", "insert", "delete"]
# Words, single punctuation marks and runs of whitespace are separate tokens, so that a changed
# comma does not mark the whole word beside it as changed.
TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
SENTENCE = re.compile(r"[^.!?;:\n]*(?:[.!?;:]+\s*|\n\s*|$)")
PARAGRAPH = re.compile(r"[^\n]*(?:\n+|$)")
# Bounds of one comparison: pairs of equal units, and units on one side times units on the other.
MAX_EQUAL_PAIRS = 200_000
MAX_PRODUCT = 1_000_000


@dataclass(frozen=True)
class Segment:
    operation: Operation
    text: str


def _split(pattern: re.Pattern[str]) -> Callable[[str], list[str]]:
    return lambda text: [piece for piece in pattern.findall(text) if piece]


LEVELS: list[Callable[[str], list[str]]] = [_split(PARAGRAPH), _split(SENTENCE), _split(TOKEN)]


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments that turn `old` into `new`; whitespace is kept, so joining equal+insert gives `new`."""
    segments: list[Segment] = []
    _diff(old, new, 0, segments)
    return segments


def _diff(old: str, new: str, level: int, segments: list[Segment]) -> None:
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old[prefix:], new[prefix:])
    _append(segments, "equal", old[:prefix])
    old_middle, new_middle = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    _diff_middle(old_middle, new_middle, level, segments)
    _append(segments, "equal", old[len(old) - suffix :])


def _diff_middle(old: str, new: str, level: int, segments: list[Segment]) -> None:
    if not old or not new or level == len(LEVELS):
        _append(segments, "delete", old)
        _append(segments, "insert", new)
        return
    old_units, new_units = LEVELS[level](old), LEVELS[level](new)
    if _too_costly(old_units, new_units):
        _append(segments, "delete", old)
        _append(segments, "insert", new)
        return
    matcher = SequenceMatcher(a=old_units, b=new_units, autojunk=False)
    last = level == len(LEVELS) - 1
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        old_piece = "".join(old_units[old_start:old_end])
        new_piece = "".join(new_units[new_start:new_end])
        if tag == "equal":
            _append(segments, "equal", old_piece)
        elif tag == "replace" and not last:
            _diff(old_piece, new_piece, level + 1, segments)
        else:
            _append(segments, "delete", old_piece)
            _append(segments, "insert", new_piece)


def _too_costly(old_units: list[str], new_units: list[str]) -> bool:
    if len(old_units) * len(new_units) > MAX_PRODUCT:
        return True
    in_new = Counter(new_units)
    return sum(in_new[unit] for unit in old_units) > MAX_EQUAL_PAIRS


def _common_prefix(old: str, new: str) -> int:
    size = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        size += 1
    # Never cut inside a word: back off to the start of the word both texts share.
    while (
        size
        and old[size - 1].isalnum()
        and (old[size : size + 1].isalnum() or new[size : size + 1].isalnum())
    ):
        size -= 1
    return size


def _common_suffix(old: str, new: str) -> int:
    size = 0
    for a, b in zip(reversed(old), reversed(new), strict=False):
        if a != b:
            break
        size += 1
    while size and old[-size].isalnum() and (_before(old, size).isalnum() or _before(new, size).isalnum()):
        size -= 1
    return size


def _before(text: str, suffix: int) -> str:
    """The character just before the last `suffix` characters, or nothing."""
    return text[-suffix - 1] if suffix < len(text) else ""


def _append(segments: list[Segment], operation: Operation, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].operation == operation:
        segments[-1] = Segment(operation, segments[-1].text + text)
    else:
        segments.append(Segment(operation, text))


WORD = re.compile(r"\w+", re.UNICODE)


def changed_words(segments: list[Segment]) -> tuple[int, int]:
    """How many words an amendment removes and adds (punctuation is not counted as words)."""
    removed = sum(len(WORD.findall(s.text)) for s in segments if s.operation == "delete")
    added = sum(len(WORD.findall(s.text)) for s in segments if s.operation == "insert")
    return removed, added
