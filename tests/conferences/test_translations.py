"""Texts in several languages: the original stays authoritative; any delegation adds translations beside it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.conferences import selectors, services
from icor.conferences.models import Conference, MotionTranslation
from icor.debate import services as debate_services
from tests.conferences.conftest import browser, motion_in_discussion, seats

pytestmark = pytest.mark.django_db

GERMAN = {"language": "de", "title": "Zur Solidarität", "text": "Die Konferenz erklärt ihre Solidarität."}


@pytest.fixture
def setting(conference: Conference, committee: User):  # type: ignore[no-untyped-def]
    proposer, translator = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, proposer)
    return motion, proposer, translator


def test_a_delegation_adds_a_translation_marked_with_its_organization_and_version(setting) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    translation = services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    assert (translation.organization, translation.version) == (translator.delegation.organization, 1)
    event = AuditEvent.objects.get(event="motion.translated")
    assert event.actor_organization_id == translator.delegation.organization.pk
    assert event.data == {"language": "de", "version": 1, "replaced": False}


def test_the_reader_sees_their_language_first_and_the_original_beside_it(setting) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    german = selectors.motion_text(motion, "de")
    assert (german.title, german.text, german.language, german.outdated) == (
        GERMAN["title"],
        GERMAN["text"],
        "de",
        False,
    )
    english = selectors.motion_text(motion, "en")
    assert (english.text, english.translation) == (motion.text, None)
    page = browser(translator.voter).get(f"/de/conferences/motions/{motion.pk}/").content.decode()
    assert page.index(GERMAN["text"]) < page.index(motion.text)  # the original is one click away, below
    assert f'<div class="motion-text" lang="en"><p>{motion.text}</p></div>' in page
    assert translator.delegation.organization.short_name in page


def test_a_translation_made_for_an_older_version_is_flagged_outdated(setting, committee: User) -> None:  # type: ignore[no-untyped-def]
    motion, proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    amendment = debate_services.propose_amendment(
        motion=motion, actor=proposer.voter, proposed_text="The conference declares its full solidarity."
    )
    debate_services.adopt_amendment(amendment=amendment, actor=committee)
    motion.refresh_from_db()
    shown = selectors.motion_text(motion, "de")
    assert (shown.translation.version, shown.current_version, shown.outdated) == (1, 2, True)  # type: ignore[union-attr]
    page = browser(translator.voter).get(f"/de/conferences/motions/{motion.pk}/").content.decode()
    assert 'class="outdated"' in page
    # Providing it again brings it up to date.
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    assert selectors.motion_text(motion, "de").outdated is False
    assert MotionTranslation.objects.filter(motion=motion).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"language": "en"}, "written in this language already"),
        ({"language": "xx"}, "Unknown language"),
        ({"text": "  "}, "needs a title and a text"),
    ],
)
def test_bad_translations_are_refused_and_change_nothing(
    setting, change: dict[str, str], message: str
) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    with pytest.raises(ValidationError, match=message):
        services.translate_motion(motion=motion, actor=translator.voter, **{**GERMAN, **change})
    assert not MotionTranslation.objects.exists()


def test_the_committee_does_not_translate_in_a_delegation_name(setting, committee: User) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, _translator = setting
    with pytest.raises(PermissionDenied):
        services.translate_motion(motion=motion, actor=committee, **GERMAN)
    assert not MotionTranslation.objects.exists()


def test_the_page_form_adds_a_translation(setting) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    client = browser(translator.voter)
    response = client.post(f"/conferences/motions/{motion.pk}/translate/", GERMAN)
    assert response.status_code == 302
    assert MotionTranslation.objects.get(motion=motion).title == GERMAN["title"]


def test_the_api_lists_and_adds_translations(setting) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    client: Client = browser(translator.voter)
    created = client.post(
        f"/api/conferences/motions/{motion.pk}/translations", GERMAN, content_type="application/json"
    )
    assert created.status_code == 201
    listed = client.get(f"/api/conferences/motions/{motion.pk}/translations").json()
    assert listed == [
        {
            **GERMAN,
            "version": 1,
            "outdated": False,
            "organization": translator.delegation.organization.slug,
            "organization_name": translator.delegation.organization.short_name,
            "updated_at": listed[0]["updated_at"],
        }
    ]
    refused = client.post(
        f"/api/conferences/motions/{motion.pk}/translations",
        {**GERMAN, "language": "en"},
        content_type="application/json",
    )
    assert refused.status_code == 422 and "already" in refused.json()["detail"]
