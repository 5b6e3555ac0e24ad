"""The translations an organization provided are part of its own export (S11)."""

from __future__ import annotations

import pytest

from icor.accounts.models import User
from icor.charter.selectors import founding_resolution
from icor.charter.services import load_founding_resolution, translate_resolution
from icor.conferences import services as conference_services
from icor.debate import services as debate_services
from icor.privacy.services import export_organization
from tests.conferences.conftest import motion_in_discussion, seats
from tests.factories import make_conference

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_motion_amendment_and_resolution_translations_are_exported(committee: User) -> None:
    conference = make_conference(committee)
    proposer, translator = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, proposer)
    amendment = debate_services.propose_amendment(
        motion=motion, actor=proposer.voter, proposed_text="New text."
    )
    conference_services.translate_motion(
        motion=motion, actor=translator.voter, language="de", title="Titel", text="Text auf Deutsch."
    )
    debate_services.translate_amendment(
        amendment=amendment, actor=translator.voter, language="de", proposed_text="Neuer Text."
    )
    load_founding_resolution()
    document = founding_resolution()
    assert document is not None
    translate_resolution(
        document=document,
        actor=translator.voter,
        language="de",
        texts={"organizational-principles-6": "Stimmengleichheit gilt als Ablehnung."},
        section_titles={},
    )
    sections = export_organization(translator.delegation.organization, actor=translator.voter)["sections"]
    assert [t["text"] for t in sections["conferences"]["motion_translations"]] == ["Text auf Deutsch."]
    assert [t["proposed_text"] for t in sections["debate"]["amendment_translations"]] == ["Neuer Text."]
    assert [t["clause"] for t in sections["charter"]["resolution_translations"]] == [
        "organizational-principles-6"
    ]
    # Another organization's export holds none of them.
    other = export_organization(proposer.delegation.organization, actor=proposer.voter)["sections"]
    assert other["conferences"]["motion_translations"] == []
    assert other["charter"]["resolution_translations"] == []


def test_earlier_texts_of_an_amendment_translation_stay_in_the_providers_export(committee: User) -> None:
    conference = make_conference(committee)
    proposer, translator = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, proposer)
    amendment = debate_services.propose_amendment(
        motion=motion, actor=proposer.voter, proposed_text="New text."
    )
    for actor, text in ((translator.voter, "Neuer Text."), (proposer.voter, "Ein neuer Text.")):
        debate_services.translate_amendment(
            amendment=amendment, actor=actor, language="de", proposed_text=text
        )
    sections = export_organization(translator.delegation.organization, actor=translator.voter)["sections"]
    assert sections["debate"]["amendment_translations"] == []
    assert [r["proposed_text"] for r in sections["debate"]["amendment_translation_revisions"]] == [
        "Neuer Text."
    ]


def test_earlier_texts_of_a_clause_translation_stay_in_the_providers_export(
    officer: User, committee: User
) -> None:
    load_founding_resolution()
    document = founding_resolution()
    assert document is not None and officer.organization is not None
    for actor, text in (
        (officer, "Stimmengleichheit gilt als Ablehnung."),
        (committee, "Gleichstand: abgelehnt."),
    ):
        translate_resolution(
            document=document,
            actor=actor,
            language="de",
            texts={"organizational-principles-6": text},
            section_titles={},
        )
    sections = export_organization(officer.organization, actor=officer)["sections"]
    assert [r["text"] for r in sections["charter"]["resolution_translation_revisions"]] == [
        "Stimmengleichheit gilt als Ablehnung."
    ]
