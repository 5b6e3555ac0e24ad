"""The translation catalogs: complete for the navigation and the registry, compiled, well-formed."""

from __future__ import annotations

import re
from ast import literal_eval
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext
from django.utils.translation.template import templatize

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
PACKAGE_DIR = Path(settings.PACKAGE_DIR)
TRANSLATIONS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# The navigation, the base layout, the home page, the registry and the Founding Resolution page chrome:
# these must be complete in every language. Strings of other apps fall back to English until translated.
REQUIRED_SOURCES = ("templates/", "core/", "registry/", "charter/")
REQUIRED_TEMPLATES = [
    PACKAGE_DIR / "templates" / "base.html",
    *sorted((PACKAGE_DIR / "core" / "templates").rglob("*.html")),
    *sorted((PACKAGE_DIR / "registry" / "templates").rglob("*.html")),
    *sorted((PACKAGE_DIR / "charter" / "templates").rglob("*.html")),
]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# templatize writes each string as a call with a Python literal: gettext(u'...'), ngettext(...), _("...")
# (no template here uses a context, so pgettext is not read).
GETTEXT_CALL = re.compile(r"""\b(?:n?gettext|_)\(u?(?P<msgid>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def required(entry: polib.POEntry) -> bool:
    return any(path.startswith(REQUIRED_SOURCES) for path, _line in entry.occurrences)


def template_msgids(path: Path) -> set[str]:
    """The msgids a template declares, read the way makemessages reads them: templatize, then the calls."""
    source = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    return {literal_eval(match.group("msgid")) for match in GETTEXT_CALL.finditer(source)}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_navigation_and_registry_string_is_translated(language: str) -> None:
    po = catalog(language)
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == language
    untranslated = [e.msgid for e in po if required(e) and not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in po if required(e) and "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_template_string_of_the_pages_is_in_the_catalog(language: str) -> None:
    """A string added to a registry or navigation template without running `make messages` is caught here."""
    known = {entry.msgid for entry in catalog(language) if not entry.obsolete}
    for path in REQUIRED_TEMPLATES:
        missing = template_msgids(path) - known
        assert missing == set(), (
            f"{path.relative_to(PACKAGE_DIR)}: run `make messages` and translate {missing}"
        )


def test_the_template_reader_finds_strings() -> None:
    """Guards the test above against reading nothing."""
    msgids = template_msgids(PACKAGE_DIR / "registry" / "templates" / "registry" / "_results.html")
    assert {"Continent", "%(counter)s organization", "No organization matches these filters."} <= msgids


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_compiled_catalog_matches_its_source(language: str) -> None:
    """The .mo files are committed (machines without gettext use them): they must not lag behind the .po."""
    compiled = {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (entry.msgstr, dict(entry.msgstr_plural))
        for entry in polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
        if entry.msgid
    }
    for entry in catalog(language).translated_entries():
        plural = {int(k): v for k, v in entry.msgstr_plural.items()}
        key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
        assert compiled.get(key) == (entry.msgstr, plural), entry.msgid


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translations_keep_the_placeholders_and_markup(language: str) -> None:
    for entry in catalog(language).translated_entries():
        allowed = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            assert set(PLACEHOLDER.findall(text)) <= allowed, (entry.msgid, text)
            assert text.count("<strong>") == entry.msgid.count("<strong>"), (entry.msgid, text)


def test_russian_has_three_plural_forms() -> None:
    po = catalog("ru")
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == 3, entry.msgid


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 организация"),
        (2, "2 организации"),
        (4, "4 организации"),
        (5, "5 организаций"),
        (11, "11 организаций"),
        (12, "12 организаций"),
        (21, "21 организация"),
        (22, "22 организации"),
        (63, "63 организации"),
        (100, "100 организаций"),
    ],
)
def test_russian_counts_use_the_right_form(count: int, expected: str) -> None:
    with translation.override("ru"):
        text = ngettext("%(counter)s organization", "%(counter)s organizations", count) % {"counter": count}
    assert text == expected


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("fr", 0, "0 organisation"),
        ("fr", 2, "2 organisations"),
        ("de", 1, "1 Organisation"),
        ("de", 0, "0 Organisationen"),
        ("tr", 63, "63 örgüt"),
    ],
)
def test_counts_follow_the_plural_rule_of_the_language(language: str, count: int, expected: str) -> None:
    with translation.override(language):
        text = ngettext("%(counter)s organization", "%(counter)s organizations", count) % {"counter": count}
    assert text == expected
