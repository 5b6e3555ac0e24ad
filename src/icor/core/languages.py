"""The languages a text can be written or translated in: every language Django knows by name."""

from __future__ import annotations

from django.conf import global_settings, settings
from django.core.management.base import CommandError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Texts come in many more languages than the site speaks (Kurdish, Persian, Tagalog, …).
TEXT_LANGUAGES = [(code, _(name)) for code, name in global_settings.LANGUAGES]
TEXT_LANGUAGE_CODES = frozenset(code for code, _name in global_settings.LANGUAGES)


def site_language(code: str) -> str:
    """`code` if the site speaks it (a command's `--lang`); refused with the languages it does speak."""
    if code not in dict(settings.LANGUAGES):
        known = ", ".join(language for language, _name in settings.LANGUAGES)
        raise CommandError(
            gettext("unknown language %(language)s; one of: %(known)s") % {"language": code, "known": known},
            returncode=2,
        )
    return code
