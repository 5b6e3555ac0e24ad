"""S4: only the discussion of a founding-document motion is concluded; the service refuses it for any
other motion, through the page and the API, quoting the clause."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.conferences import services
from icor.conferences.models import Conference, Motion
from icor.statute import CLAUSES, Rule
from tests.conferences.conftest import browser, motion_in_discussion, seats

pytestmark = pytest.mark.django_db

OTHER_KINDS = ["principled", "current-affairs"]


def concluded(motion: Motion) -> bool:
    motion.refresh_from_db()
    return motion.discussion_concluded


@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_s4_conclusion_is_refused_for_motions_s4_does_not_cover(
    conference: Conference, committee: User, kind: str
) -> None:
    (seat,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, seat, kind=kind)
    with pytest.raises(ValidationError) as refused:
        services.conclude_discussion(motion=motion, actor=committee)
    assert "(S4)" in refused.value.messages[0]
    assert CLAUSES[Rule.S4].text in refused.value.messages[0]
    assert not concluded(motion)
    assert not AuditEvent.objects.filter(event="motion.discussion_concluded").exists()


@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_s4_conclusion_is_refused_on_the_page_with_the_clause(
    conference: Conference, committee: User, kind: str
) -> None:
    (seat,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, seat, kind=kind)
    response = browser(committee).post(
        f"/conferences/motions/{motion.pk}/conclude/", {"confirmed": "1"}, follow=True
    )
    page = response.content.decode()
    assert "(S4)" in page and CLAUSES[Rule.S4].text in page
    assert "The discussion is concluded." not in page
    assert not concluded(motion)


@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_s4_conclusion_is_refused_by_the_api_naming_the_clause(
    conference: Conference, committee: User, kind: str
) -> None:
    (seat,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, seat, kind=kind)
    response = browser(committee).post(
        f"/api/conferences/motions/{motion.pk}/conclude-discussion", content_type="application/json"
    )
    assert response.status_code == 409
    body = response.json()
    assert (body["code"], body["clause"]) == ("wrong_state", "S4")
    assert CLAUSES[Rule.S4].text in body["detail"]
    assert not concluded(motion)


def test_the_discussion_of_a_founding_document_motion_is_concluded_by_page_and_api(
    conference: Conference, committee: User
) -> None:
    (seat,) = seats(conference, 1)
    by_page = motion_in_discussion(conference, committee, seat, kind="founding-document", title="Statute")
    by_api = motion_in_discussion(conference, committee, seat, kind="founding-document", title="Charter")
    chair = browser(committee)
    chair.post(f"/conferences/motions/{by_page.pk}/conclude/", {"confirmed": "1"})
    response = chair.post(
        f"/api/conferences/motions/{by_api.pk}/conclude-discussion", content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["discussion_concluded"] is True
    assert concluded(by_page) and concluded(by_api)
