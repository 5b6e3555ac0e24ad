"""Amendments: proposed by a delegation, shown as a difference, taken up by the conference as a new version."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from icor.accounts.models import User
from icor.conferences import services as conference_services
from icor.core import bounds
from icor.debate import selectors, services
from icor.debate.models import AmendmentState
from tests.debate.conftest import Debate
from tests.factories import with_totp

pytestmark = pytest.mark.django_db

NEW_TEXT = "The conference meets every three years."


def test_an_amendment_shows_its_difference_to_the_current_text(debate: Debate) -> None:
    services.propose_amendment(
        motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT, rationale="Faster."
    )
    [view] = selectors.amendments(debate.motion)
    assert [(s.operation, s.text) for s in view.segments if s.operation != "equal"] == [
        ("delete", "four"),
        ("insert", "three"),
    ]
    assert view.current is True
    assert view.amendment.organization == debate.other.organization


def test_taking_up_an_amendment_makes_a_new_version_and_keeps_the_old(
    debate: Debate, committee: User
) -> None:
    amendment = services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)
    services.adopt_amendment(amendment=amendment, actor=committee)
    debate.motion.refresh_from_db()
    assert debate.motion.text == NEW_TEXT
    versions = list(debate.motion.versions.values_list("number", "text"))
    assert versions == [(1, "The conference meets every four years."), (2, NEW_TEXT)]
    amendment.refresh_from_db()
    assert amendment.state == AmendmentState.ADOPTED
    assert amendment.resulting_version.number == 2


def test_an_amendment_to_an_outdated_version_cannot_be_taken_up(debate: Debate, committee: User) -> None:
    first = services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)
    second = services.propose_amendment(
        motion=debate.motion, actor=debate.proposer, proposed_text="The conference meets every year."
    )
    services.adopt_amendment(amendment=first, actor=committee)
    with pytest.raises(ValidationError, match="has changed since"):
        services.adopt_amendment(amendment=second, actor=committee)
    debate.motion.refresh_from_db()
    assert debate.motion.text == NEW_TEXT


def test_only_the_chair_takes_up_an_amendment(debate: Debate) -> None:
    amendment = services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)
    with pytest.raises(PermissionDenied):
        services.adopt_amendment(amendment=amendment, actor=debate.other)
    debate.motion.refresh_from_db()
    assert debate.motion.text != NEW_TEXT


def test_only_the_proposing_organization_withdraws_its_amendment(debate: Debate, committee: User) -> None:
    amendment = services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)
    for stranger in (debate.proposer, committee):
        with pytest.raises(PermissionDenied):
            services.withdraw_amendment(amendment=amendment, actor=stranger)
    services.withdraw_amendment(amendment=amendment, actor=debate.other)
    amendment.refresh_from_db()
    assert amendment.state == AmendmentState.WITHDRAWN


def test_a_decided_amendment_is_decided_once(debate: Debate, committee: User) -> None:
    amendment = services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)
    services.reject_amendment(amendment=amendment, actor=committee, note="Not taken up by the conference.")
    with pytest.raises(ValidationError, match="already"):
        services.adopt_amendment(amendment=amendment, actor=committee)


def test_the_text_cannot_be_amended_after_the_discussion_is_concluded(
    debate: Debate, committee: User
) -> None:
    """S4: the vote on a founding document follows the extensive discussion, on a settled text."""
    amendment = services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)
    conference_services.conclude_discussion(motion=debate.motion, actor=committee)
    debate.motion.refresh_from_db()
    with pytest.raises(ValidationError, match="concluded"):
        services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text="Another text.")
    with pytest.raises(ValidationError):
        services.adopt_amendment(amendment=amendment, actor=committee)


def test_an_amendment_that_changes_nothing_is_refused(debate: Debate) -> None:
    with pytest.raises(ValidationError, match="same as the current text"):
        services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=debate.motion.text)


def test_the_difference_is_stored_once_and_never_recomputed_for_a_view(
    debate: Debate, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)

    def recompute(*args: object) -> None:
        raise AssertionError("the difference is computed again")

    monkeypatch.setattr("icor.debate.diff.word_diff", recompute)
    monkeypatch.setattr("icor.debate.services.word_diff", recompute)
    [view] = selectors.amendments(debate.motion)
    assert (view.removed, view.added) == (1, 1)
    assert [s.operation for s in view.segments] == ["equal", "delete", "insert", "equal"]


def test_an_amendment_longer_than_the_bound_is_refused(debate: Debate) -> None:
    with pytest.raises(ValidationError, match="20000"):
        services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text="x" * 20_001)


def test_an_over_long_decision_note_is_refused_everywhere_and_changes_nothing(
    debate: Debate, committee: User
) -> None:
    """The chair's note has one bound (core/bounds.py): the service, the API and the page refuse it."""
    amendment = services.propose_amendment(motion=debate.motion, actor=debate.other, proposed_text=NEW_TEXT)
    too_long = "n" * (bounds.MAX_DECISION_NOTE + 1)
    with pytest.raises(ValidationError, match=str(bounds.MAX_DECISION_NOTE)):
        services.reject_amendment(amendment=amendment, actor=committee, note=too_long)
    client = Client()
    client.force_login(with_totp(committee))
    answer = client.post(
        f"/api/debate/amendments/{amendment.pk}/adopt", {"note": too_long}, content_type="application/json"
    )
    assert answer.status_code == 422
    assert set(answer.json()) == {"detail", "code", "clause"} and "note" in answer.json()["detail"]
    page = client.post(f"/debate/amendments/{amendment.pk}/adopt/", {"note": too_long}, follow=True)
    assert str(bounds.MAX_DECISION_NOTE) in page.content.decode()
    amendment.refresh_from_db()
    debate.motion.refresh_from_db()
    assert amendment.state == AmendmentState.PROPOSED and amendment.decision_note == ""
    assert debate.motion.versions.count() == 1
    accepted = "n" * bounds.MAX_DECISION_NOTE
    services.reject_amendment(amendment=amendment, actor=committee, note=accepted)
    amendment.refresh_from_db()
    assert amendment.decision_note == accepted
