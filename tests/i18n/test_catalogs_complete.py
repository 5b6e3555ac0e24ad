"""Every string that `make messages` finds in the sources is translated in every language, none fuzzy."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings

TRANSLATIONS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def gaps(catalog: polib.POFile) -> tuple[list[str], list[str]]:
    """(untranslated, fuzzy) msgids: msgmerge marks its guesses for new or changed strings as fuzzy,
    and gettext never serves those."""
    fuzzy = [entry.msgid for entry in catalog if "fuzzy" in entry.flags and not entry.obsolete]
    untranslated = [entry.msgid for entry in catalog.untranslated_entries() if "fuzzy" not in entry.flags]
    return untranslated, fuzzy


def extracted(extracted_catalogs: Path, language: str) -> polib.POFile:
    return polib.pofile(str(extracted_catalogs / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_string_in_the_sources_is_translated(extracted_catalogs: Path, language: str) -> None:
    catalog = extracted(extracted_catalogs, language)
    untranslated, fuzzy = gaps(catalog)
    assert (len(untranslated), len(fuzzy)) == (0, 0), (
        f"{language}: {len(untranslated)} untranslated, {len(fuzzy)} fuzzy of {len(catalog)} strings; "
        f"run `make messages` and translate, e.g. {(untranslated + fuzzy)[:5]}"
    )


def test_a_complete_catalog_passes_and_one_gap_fails(extracted_catalogs: Path) -> None:
    """The check above on a toy catalog: every entry filled passes; one emptied or fuzzy entry fails."""
    catalog = extracted(extracted_catalogs, "de")
    for entry in catalog:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: f"[{entry.msgid}]", 1: f"[{entry.msgid_plural}]"}
        else:
            entry.msgstr = f"[{entry.msgid}]"
    assert gaps(catalog) == ([], [])
    first, second = catalog[0], catalog[1]
    first.msgstr, first.msgstr_plural = "", dict.fromkeys(first.msgstr_plural, "")
    second.flags.append("fuzzy")
    assert gaps(catalog) == ([first.msgid], [second.msgid])


def test_the_extraction_collects_the_statute_explanations(extracted_catalogs: Path) -> None:
    """The statute core marks its sentences with its own keywords; makemessages must read them too."""
    msgids = {entry.msgid for entry in extracted(extracted_catalogs, "de")}
    assert (
        "Rejected: %(yes)d yes against %(no)d no is a parity of votes, and parity of votes is regarded as rejected."
        in msgids
    )
    assert (
        "Adopted: %(yes)d of %(present)d vote present said yes (%(reached)s), which meets the required %(minimum)s."
        in msgids
    )


def test_words_with_two_meanings_carry_their_context(extracted_catalogs: Path) -> None:
    """ "Record" is a heading (a noun) and a button (a verb); "from" and "to" label a change of state.
    Each use has its own context, so that translators can word each one as it is meant."""
    catalog = [entry for entry in extracted(extracted_catalogs, "de") if not entry.obsolete]
    contexts = {word: {e.msgctxt for e in catalog if e.msgid == word} for word in ("Record", "from", "to")}
    assert len(contexts["Record"]) == 2 and None not in contexts["Record"]
    assert None not in contexts["from"] | contexts["to"]
    assert contexts["from"] and contexts["to"]
