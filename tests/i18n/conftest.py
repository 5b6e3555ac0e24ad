from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

from icor.registry.models import Organization
from tests.factories import make_organization


@pytest.fixture
def german_member(db) -> Organization:  # type: ignore[no-untyped-def]
    return make_organization(name="Marxistisch-Leninistische Partei Deutschlands", country="DE", since=2010)


@pytest.fixture
def members(german_member: Organization) -> list[Organization]:
    """Three members in two countries, one of them without a recorded year of joining."""
    return [
        german_member,
        make_organization(name="Partido Proletario del Perú", country="PE", continent="Latin America"),
        make_organization(name="Marksist Leninist Komünist Parti", country="TR", since=None),
    ]


@pytest.fixture(scope="session")
def extracted_catalogs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogs as `make messages` would leave them: makemessages run over a copy of the sources.

    The copy keeps the committed translations (msgmerge reuses them); the real catalogs are not touched.
    """
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed; `make messages` needs it too")
    copy = tmp_path_factory.mktemp("sources") / "icor"
    shutil.copytree(settings.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    here = Path.cwd()
    try:
        os.chdir(copy)
        with override_settings(LOCALE_PATHS=[str(copy / "locale")]):
            call_command("makemessages", locale=languages, add_location="file", no_obsolete=True, verbosity=0)
    finally:
        os.chdir(here)
    return copy / "locale"
