"""Texts in several languages: the original stays authoritative; any delegation adds translations beside it."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.conferences import selectors, services
from icor.conferences.models import Conference, MotionTranslation
from icor.conferences.pdf import render_minutes, render_pdf
from icor.debate import services as debate_services
from icor.privacy.services import export_organization
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


def test_lists_show_the_readers_translation_marked_with_the_original_beside_it(
    setting, committee: User
) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    conference = motion.conference
    original = f'<span lang="en">{motion.title}</span>'
    for page in (f"/de/conferences/{conference.pk}/", f"/de/conferences/{conference.pk}/chair/"):
        german = browser(committee).get(page).content.decode()
        assert f'<span lang="de">{GERMAN["title"]}</span> <small class="translated-title">' in german, page
        assert original in german, page  # the original is named beside it
    english = browser(committee).get(f"/conferences/{conference.pk}/").content.decode()
    assert original in english and GERMAN["title"] not in english
    # A reader of a third language, without a translation, sees the original.
    french = browser(committee).get(f"/fr/conferences/{conference.pk}/").content.decode()
    assert original in french and GERMAN["title"] not in french


def test_the_delegations_now_page_names_the_motion_in_its_language(setting, committee: User) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    services.open_ballot(motion=motion, actor=committee)
    page = browser(translator.voter).get(f"/de/conferences/{motion.conference.pk}/now/").content.decode()
    assert f'<span lang="de">{GERMAN["title"]}</span>' in page
    assert f"„{GERMAN['title']}“" in page or f"“{GERMAN['title']}”" in page


def test_a_list_flags_a_translation_of_an_older_version(setting, committee: User) -> None:  # type: ignore[no-untyped-def]
    motion, proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    amendment = debate_services.propose_amendment(
        motion=motion, actor=proposer.voter, proposed_text="The conference declares its full solidarity."
    )
    debate_services.adopt_amendment(amendment=amendment, actor=committee)
    with translation.override("de"):
        outdated = gettext("outdated translation")
    page = browser(committee).get(f"/de/conferences/{motion.conference.pk}/").content.decode()
    assert f'<small class="translated-title">({outdated} · ' in page


def test_the_minutes_keep_the_original_title_and_show_the_translation_beside_it(
    setting, committee: User
) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    conference = motion.conference
    german = render_minutes(conference, "de").body
    heading = f'<h3>{motion.agenda_item.position}. <span lang="en">{motion.title}</span></h3>'
    assert heading in german
    assert f'<span lang="de">{GERMAN["title"]}</span></p>' in german
    assert translator.delegation.organization.short_name in german.split(heading)[1]
    assert GERMAN["title"] not in render_minutes(conference, "en").body
    pdf = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(render_pdf(conference, "de"))).pages
    )
    assert pdf.index(motion.title) < pdf.index(GERMAN["title"])


def test_providing_a_translation_again_keeps_the_earlier_text_on_the_motion_page(
    setting, committee: User
) -> None:  # type: ignore[no-untyped-def]
    motion, proposer, translator = setting
    first = services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    first_provided_at = first.updated_at
    better = {
        **GERMAN,
        "title": "Über die Solidarität",
        "text": "Die Konferenz erklärt ihre volle Solidarität.",
    }
    services.translate_motion(motion=motion, actor=proposer.voter, **better)
    current = MotionTranslation.objects.get(motion=motion)
    assert (current.title, current.organization) == (better["title"], proposer.delegation.organization)
    (revision,) = current.revisions.all()
    assert (revision.title, revision.text, revision.version) == (GERMAN["title"], GERMAN["text"], 1)
    assert (revision.organization, revision.provided_by) == (
        translator.delegation.organization,
        translator.voter,
    )
    assert revision.provided_at == first_provided_at
    # A third text keeps both earlier ones, the newest first.
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    assert [r.title for r in MotionTranslation.objects.get(motion=motion).revisions.all()] == [
        better["title"],
        GERMAN["title"],
    ]
    # The same text once more (to follow the current version) keeps no copy of itself.
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    assert MotionTranslation.objects.get(motion=motion).revisions.count() == 2
    page = browser(committee).get(f"/de/conferences/motions/{motion.pk}/").content.decode()
    earlier = page.split('<details class="revisions">')[1].split("</details>")[0]
    assert GERMAN["text"] in earlier and better["text"] in earlier
    assert earlier.index(better["text"]) < earlier.index(GERMAN["text"])
    assert proposer.delegation.organization.short_name in earlier
    assert translator.delegation.organization.short_name in earlier


def test_earlier_texts_of_a_translation_are_in_the_providers_export(setting) -> None:  # type: ignore[no-untyped-def]
    motion, proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    services.translate_motion(motion=motion, actor=proposer.voter, **{**GERMAN, "text": "Neu."})
    sections = export_organization(translator.delegation.organization, actor=translator.voter)["sections"]
    assert [r["text"] for r in sections["conferences"]["motion_translation_revisions"]] == [GERMAN["text"]]


def test_the_ballot_and_debate_pages_name_the_motion_in_the_readers_language(
    setting, committee: User
) -> None:  # type: ignore[no-untyped-def]
    motion, _proposer, translator = setting
    services.translate_motion(motion=motion, actor=translator.voter, **GERMAN)
    ballot = services.open_ballot(motion=motion, actor=committee)
    for page in (f"/de/conferences/ballots/{ballot.pk}/", f"/de/debate/motions/{motion.pk}/"):
        german = browser(translator.voter).get(page).content.decode()
        assert f'<span lang="de">{GERMAN["title"]}</span> <small class="translated-title">' in german, page
        assert f'<span lang="en">{motion.title}</span>' in german, page
        assert GERMAN["title"] in german.split("<title>")[1].split("</title>")[0], page
