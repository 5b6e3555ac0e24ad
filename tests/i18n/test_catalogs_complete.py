"""Every string that `make messages` finds in the sources is translated in every language, none fuzzy."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings

TRANSLATIONS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_string_in_the_sources_is_translated(extracted_catalogs: Path, language: str) -> None:
    catalog = polib.pofile(str(extracted_catalogs / language / "LC_MESSAGES" / "django.po"))
    # msgmerge marks its guesses for new or changed strings as fuzzy; gettext never serves those.
    fuzzy = [entry.msgid for entry in catalog if "fuzzy" in entry.flags and not entry.obsolete]
    untranslated = [entry.msgid for entry in catalog.untranslated_entries() if "fuzzy" not in entry.flags]
    assert (len(untranslated), len(fuzzy)) == (0, 0), (
        f"{language}: {len(untranslated)} untranslated, {len(fuzzy)} fuzzy of {len(catalog)} strings; "
        f"run `make messages` and translate, e.g. {(untranslated + fuzzy)[:5]}"
    )


def test_the_extraction_collects_the_statute_explanations(extracted_catalogs: Path) -> None:
    """The statute core marks its sentences with its own keywords; makemessages must read them too."""
    msgids = {
        entry.msgid for entry in polib.pofile(str(extracted_catalogs / "de" / "LC_MESSAGES" / "django.po"))
    }
    assert (
        "Rejected: %(yes)d yes against %(no)d no is a parity of votes, and parity of votes is regarded as rejected."
        in msgids
    )
    assert (
        "Adopted: %(yes)d of %(present)d vote present said yes (%(reached)s), which meets the required %(minimum)s."
        in msgids
    )
