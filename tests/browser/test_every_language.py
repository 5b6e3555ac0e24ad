"""Each language chosen in the header: no English sentence is left on the pages of a conference.

Fails until every catalog is complete (see tests/i18n/test_catalogs_complete.py). The ballot result in
Russian and Turkish is photographed for the README with ICOR_SCREENSHOTS=1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django_countries import countries
from playwright.sync_api import Page, expect

from tests.factories import with_totp
from tests.i18n import page_text
from tests.i18n.scenario import Scenario, build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ("conference", "motion", "ballot", "debate", "project", "minutes")
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
SCREENSHOTS = {"ru": "ballot-result-ru.png", "tr": "ballot-result-tr.png"}


@pytest.fixture
def scenario(transactional_db: None) -> Scenario:
    built = build()
    with_totp(built.reader)
    return built


def lines(page: Page, path: str) -> list[str]:
    page.goto(path, wait_until="networkidle")
    return page_text.read(page.content())


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_sentence_is_left_after_choosing_the_language(
    page: Page,
    scenario: Scenario,
    language: str,
    log_in: Callable[[Page, Any], Page],
    screenshot: Callable[..., None],
) -> None:
    log_in(page, scenario.reader)
    proper_names = [*scenario.user_content, *(str(name) for _code, name in countries)]
    english = {name: page_text.sentences(lines(page, scenario.pages[name]), proper_names) for name in PAGES}

    page.goto(scenario.pages["conference"])
    page.locator("#language-select").select_option(language)
    page.locator("form.language").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", language)

    left = {}
    for name in PAGES:
        shown = set(lines(page, f"/{language}{scenario.pages[name]}"))
        if remaining := sorted(english[name] & shown):
            left[name] = remaining
    assert left == {}, "\n".join(f"{name}: {remaining}" for name, remaining in left.items())

    if language in SCREENSHOTS:
        page.goto(f"/{language}{scenario.pages['ballot']}")
        screenshot(page, SCREENSHOTS[language], full_page=True)
