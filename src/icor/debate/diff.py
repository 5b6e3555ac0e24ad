"""Word-level differences between two texts of a motion, for showing amendments (S14).

Pure Python: the same function serves pages, the API and the minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Operation = Literal["equal", "insert", "delete"]
TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    operation: Operation
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments that turn `old` into `new`; whitespace is kept, so joining equal+insert gives `new`."""
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    matcher = SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    segments: list[Segment] = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            _append(segments, "delete", "".join(old_tokens[old_start:old_end]))
        if tag in ("insert", "replace"):
            _append(segments, "insert", "".join(new_tokens[new_start:new_end]))
        if tag == "equal":
            _append(segments, "equal", "".join(old_tokens[old_start:old_end]))
    return segments


def _append(segments: list[Segment], operation: Operation, text: str) -> None:
    if segments and segments[-1].operation == operation:
        segments[-1] = Segment(operation, segments[-1].text + text)
    else:
        segments.append(Segment(operation, text))


def changed_words(segments: list[Segment]) -> tuple[int, int]:
    """How many words an amendment removes and adds."""
    removed = sum(len(s.text.split()) for s in segments if s.operation == "delete")
    added = sum(len(s.text.split()) for s in segments if s.operation == "insert")
    return removed, added
