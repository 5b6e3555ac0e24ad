"""Amendments in several languages: a delegation adds a translation; the amendment as proposed decides."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.debate import selectors, services
from icor.debate.models import Amendment, AmendmentTranslation
from tests.conftest import logged_in
from tests.debate.conftest import Debate
from tests.factories import with_totp

pytestmark = pytest.mark.django_db

GERMAN = "Die Konferenz tagt alle drei Jahre."


@pytest.fixture
def amendment(debate: Debate) -> Amendment:
    return services.propose_amendment(
        motion=debate.motion, actor=debate.proposer, proposed_text="The conference meets every three years."
    )


def test_another_delegation_translates_an_amendment_in_its_own_name(
    debate: Debate, amendment: Amendment
) -> None:
    translation = services.translate_amendment(
        amendment=amendment, actor=debate.other, language="de", proposed_text=GERMAN
    )
    assert translation.organization == debate.other.organization
    (view,) = selectors.amendments(debate.motion)
    assert view.translations == [translation]


def test_the_reader_sees_the_translation_beside_the_authoritative_amendment(
    debate: Debate, amendment: Amendment
) -> None:
    services.translate_amendment(amendment=amendment, actor=debate.other, language="de", proposed_text=GERMAN)
    page = logged_in(with_totp(debate.other)).get(f"/de/debate/motions/{debate.motion.pk}/").content.decode()
    assert GERMAN in page
    assert '<p class="diff" lang="en">' in page  # the amendment as proposed stays, marked with its language
    assert debate.other.organization is not None and debate.other.organization.short_name in page


def test_the_committee_does_not_translate_in_a_delegation_name(
    debate: Debate, amendment: Amendment, committee: User
) -> None:
    with pytest.raises(PermissionDenied):
        services.translate_amendment(
            amendment=amendment, actor=committee, language="de", proposed_text=GERMAN
        )
    assert not AmendmentTranslation.objects.exists()


def test_an_organization_that_has_left_translates_nothing(debate: Debate, amendment: Amendment) -> None:
    """S1: the rule set's member-account predicate, not a role check, decides (debate.translate_amendment)."""
    organization = debate.other.organization
    assert organization is not None
    organization.memberships.update(left_on=date(2025, 1, 1))
    with pytest.raises(PermissionDenied):
        services.translate_amendment(
            amendment=amendment, actor=debate.other, language="de", proposed_text=GERMAN
        )
    assert not AmendmentTranslation.objects.exists()


@pytest.mark.parametrize(("language", "text"), [("en", GERMAN), ("xx", GERMAN), ("de", "  ")])
def test_bad_translations_are_refused(debate: Debate, amendment: Amendment, language: str, text: str) -> None:
    with pytest.raises(ValidationError):
        services.translate_amendment(
            amendment=amendment, actor=debate.other, language=language, proposed_text=text
        )
    assert not AmendmentTranslation.objects.exists()


def test_the_api_adds_a_translation(debate: Debate, amendment: Amendment) -> None:
    client = logged_in(with_totp(debate.other))
    response = client.post(
        f"/api/debate/amendments/{amendment.pk}/translations",
        {"language": "de", "proposed_text": GERMAN},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["language"] == "en"
    assert [(t["language"], t["proposed_text"]) for t in body["translations"]] == [("de", GERMAN)]


def test_providing_it_again_keeps_the_earlier_text_beside_it(debate: Debate, amendment: Amendment) -> None:
    first = services.translate_amendment(
        amendment=amendment, actor=debate.other, language="de", proposed_text=GERMAN, rationale="Kürzer."
    )
    better = "Die Konferenz tritt alle drei Jahre zusammen."
    services.translate_amendment(
        amendment=amendment, actor=debate.proposer, language="de", proposed_text=better
    )
    current = AmendmentTranslation.objects.get(amendment=amendment)
    assert (current.proposed_text, current.organization) == (better, debate.proposer.organization)
    (revision,) = current.revisions.all()
    assert (revision.proposed_text, revision.rationale) == (GERMAN, "Kürzer.")
    assert (revision.organization, revision.provided_by, revision.provided_at) == (
        debate.other.organization,
        debate.other,
        first.updated_at,
    )
    page = logged_in(with_totp(debate.other)).get(f"/de/debate/motions/{debate.motion.pk}/").content.decode()
    earlier = page.split('<details class="revisions"')[1].split("</details>")[0]
    assert GERMAN in earlier and better not in earlier
    assert debate.other.organization is not None and debate.other.organization.short_name in earlier
