"""The languages a text can be written or translated in: every language Django knows by name."""

from __future__ import annotations

from django.conf import global_settings
from django.utils.translation import gettext_lazy as _

# Texts come in many more languages than the site speaks (Kurdish, Persian, Tagalog, …).
TEXT_LANGUAGES = [(code, _(name)) for code, name in global_settings.LANGUAGES]
TEXT_LANGUAGE_CODES = frozenset(code for code, _name in global_settings.LANGUAGES)
