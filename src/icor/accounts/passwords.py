"""A password of few distinct characters ("aaaaaaaaaaaa", "abababababab") is guessed at once,
whatever its length; Django's validators let such passwords through."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


class DistinctCharactersValidator:
    def __init__(self, min_distinct: int = 6) -> None:
        self.min_distinct = min_distinct

    def validate(self, password: str, user: Any = None) -> None:
        if len(set(password)) < self.min_distinct:
            raise ValidationError(
                ngettext(
                    "This password uses too few different characters: use at least %(min)d.",
                    "This password uses too few different characters: use at least %(min)d.",
                    self.min_distinct,
                )
                % {"min": self.min_distinct},
                code="password_too_few_distinct_characters",
            )

    def get_help_text(self) -> str:
        return ngettext(
            "Your password must use at least %(min)d different character.",
            "Your password must use at least %(min)d different characters.",
            self.min_distinct,
        ) % {"min": self.min_distinct}
