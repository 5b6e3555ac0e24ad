"""A motion's title as its reader meets it in lists: the translation into the reader's language first.

The translation must have been fetched with `selectors.reader_translation()`; without it the original shows.
"""

from __future__ import annotations

from typing import Any

from django import template

from icor.conferences.models import Motion
from icor.conferences.selectors import reader_translation_of

register = template.Library()


@register.inclusion_tag("conferences/_motion_title.html")
def motion_title(motion: Motion) -> dict[str, Any]:
    """The translated title marked as a translation, with the original beside it; else the original."""
    return {"motion": motion, "translation": reader_translation_of(motion)}


@register.filter
def shown_title(motion: Motion) -> str:
    """Plain text of the title the reader sees first, for use inside a sentence."""
    translation = reader_translation_of(motion)
    return translation.title if translation else motion.title
