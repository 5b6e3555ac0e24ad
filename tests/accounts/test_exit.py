"""Exit means exit (S12): an organization that leaves loses every right of its accounts at once."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from icor.accounts.models import User
from icor.conferences import services as conference_services
from icor.conferences.models import Ballot, Conference, Vote
from icor.conferences.selectors import present_delegations
from icor.registry.services import record_exit
from tests.conferences.conftest import browser, motion_in_discussion, seats
from tests.factories import make_conference

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def conference(committee: User) -> Conference:
    return make_conference(committee)


def test_a_ballot_open_at_the_exit_refuses_the_vote_with_the_reason(
    conference: Conference, committee: User
) -> None:
    leaving, staying = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, staying)
    ballot = conference_services.open_ballot(motion=motion, actor=committee)
    record_exit(leaving.delegation.organization, actor=committee, left_on=date(2026, 5, 2))

    with pytest.raises(PermissionDenied, match=r"no longer a member of ICOR \(S12\)"):
        conference_services.cast_vote(ballot=ballot, actor=leaving.voter, choice="yes")
    assert not Vote.objects.filter(delegation=leaving.delegation).exists()
    # The remaining member votes as before.
    conference_services.cast_vote(ballot=ballot, actor=staying.voter, choice="yes")
    assert Vote.objects.filter(ballot=ballot).count() == 1


def test_after_the_exit_the_delegation_no_longer_counts_as_present(
    conference: Conference, committee: User
) -> None:
    leaving, staying = seats(conference, 2)
    record_exit(leaving.delegation.organization, actor=committee, left_on=date(2026, 5, 2))
    assert present_delegations(conference) == [staying.delegation]
    motion = motion_in_discussion(conference, committee, staying)
    ballot = conference_services.open_ballot(motion=motion, actor=committee)
    assert list(Ballot.objects.get(pk=ballot.pk).present.values_list("delegation", flat=True)) == [
        staying.delegation.pk
    ]


def test_every_account_of_the_leaving_organization_is_closed_at_once(
    conference: Conference, committee: User
) -> None:
    (leaving,) = seats(conference, 1)
    client = browser(leaving.voter)
    assert client.get("/conferences/").status_code == 200
    record_exit(leaving.delegation.organization, actor=committee, left_on=date(2026, 5, 2))

    voter = User.objects.get(pk=leaving.voter.pk)
    assert not voter.is_active
    assert "S12" in voter.suspensions.get().reason
    # The open session ends with the exit: the next page asks for a login.
    response = client.get("/conferences/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    with pytest.raises(PermissionDenied):
        conference_services.check_out(delegation=leaving.delegation, actor=voter)


def test_the_admission_page_shows_the_first_officer_invitation(committee: User) -> None:
    from icor.registry.models import Application
    from tests.factories import with_totp

    application = Application.objects.create(
        name="New Party", country="PE", contact="x", statement="We affirm.", affirms_basis=True
    )
    response = browser(with_totp(committee)).post(
        f"/registry/applications/{application.pk}/",
        {
            "decision": "admit",
            "decided_on": "2026-05-02",
            "decision_reference": "World Conference 2026",
            "continent": "Latin America",
            "first_officer_email": "",
        },
    )
    assert response.status_code == 200
    assert "/accounts/invitation/" in response.content.decode()
