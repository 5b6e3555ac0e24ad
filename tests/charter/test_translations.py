"""Translations of the Founding Resolution: marked as such, with who provided them; the original decides."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.charter import selectors
from icor.charter.models import ClauseTranslation, Document
from icor.charter.services import load_founding_resolution, translate_resolution
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db

S6 = "organizational-principles-6"
GERMAN_S6 = "Stimmengleichheit gilt als Ablehnung."


@pytest.fixture
def resolution() -> Document:
    load_founding_resolution()
    document = selectors.founding_resolution()
    assert document is not None
    return document


def translate(document: Document, actor: User, **texts: str) -> int:
    return translate_resolution(
        document=document, actor=actor, language="de", texts=texts or {S6: GERMAN_S6}, section_titles={}
    )


def test_an_officer_translates_in_the_name_of_its_organization(resolution: Document, officer: User) -> None:
    assert translate(resolution, officer) == 1
    translation = ClauseTranslation.objects.get()
    assert (translation.clause.anchor, translation.organization) == (S6, officer.organization)
    assert AuditEvent.objects.get(event="charter.translated").data == {"language": "de", "clauses": 1}


def test_the_committee_translates_in_its_own_name(resolution: Document, committee: User) -> None:
    translate(resolution, committee)
    assert ClauseTranslation.objects.get().organization is None


def test_a_delegate_or_anonymous_visitor_does_not_translate(resolution: Document, delegate: User) -> None:
    with pytest.raises(PermissionDenied):
        translate(resolution, delegate)
    assert not ClauseTranslation.objects.exists()


@pytest.mark.parametrize(
    ("language", "texts", "message"),
    [
        ("en", {S6: "x"}, "original text is written in this language"),
        ("xx", {S6: "x"}, "Unknown language"),
        ("de", {"no-such-clause": "x"}, "Unknown clauses"),
        ("de", {S6: "   "}, "at least one clause"),
    ],
)
def test_bad_translations_are_refused(
    resolution: Document, officer: User, language: str, texts: dict[str, str], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        translate_resolution(
            document=resolution, actor=officer, language=language, texts=texts, section_titles={}
        )
    assert not ClauseTranslation.objects.exists()


def test_readers_see_the_translation_marked_and_the_original_one_click_away(
    resolution: Document, officer: User, client
) -> None:  # type: ignore[no-untyped-def]
    translate(resolution, officer)
    page = client.get("/de/resolution/").content.decode()
    assert GERMAN_S6 in page
    assert f'id="{S6}" lang="de"' in page
    assert "?original=1" in page
    assert officer.organization is not None and officer.organization.short_name in page
    original = client.get("/de/resolution/?original=1").content.decode()
    assert GERMAN_S6 not in original
    assert "Parity of votes is regarded as rejected." in original
    # Readers of a language without a translation read the original, with no translation note.
    assert "?original=1" not in client.get("/fr/resolution/").content.decode()


def test_the_translation_page_saves_clauses(resolution: Document, committee: User) -> None:
    client = logged_in(with_totp(committee))
    response = client.post("/resolution/translate/", {"language": "de", f"clause-{S6}": GERMAN_S6})
    assert response.status_code == 302
    assert ClauseTranslation.objects.get(clause__anchor=S6).text == GERMAN_S6


def test_a_changed_clause_keeps_its_earlier_text_on_the_resolution_page(
    resolution: Document, officer: User, committee: User
) -> None:
    translate(resolution, officer)
    first = ClauseTranslation.objects.get()
    better = "Bei Stimmengleichheit gilt ein Antrag als abgelehnt."
    translate(resolution, committee, **{S6: better})
    translate(resolution, committee, **{S6: better})  # the same text again keeps no copy of itself
    current = ClauseTranslation.objects.get()
    assert (current.text, current.organization) == (better, None)
    (revision,) = current.revisions.all()
    assert (revision.text, revision.organization, revision.provided_by) == (
        GERMAN_S6,
        officer.organization,
        officer,
    )
    assert revision.provided_at == first.updated_at
    page = logged_in(with_totp(officer)).get("/de/resolution/").content.decode()
    earlier = page.split('<details class="revisions">')[1].split("</details>")[0]
    assert GERMAN_S6 in earlier and better not in earlier
    assert officer.organization is not None and officer.organization.short_name in earlier
