"""Accreditation of delegations (S11) and who may come to which conference (S9)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from icor.conferences import services
from icor.conferences.models import Conference, Delegate, Delegation
from icor.registry.models import Organization
from tests.factories import make_conference, make_organization, make_user

pytestmark = pytest.mark.django_db


def test_an_officer_accredits_the_delegation_of_its_own_organization(
    conference: Conference, officer: User, delegate: User, own_organization: Organization
) -> None:
    delegation = services.accredit_delegation(
        conference=conference,
        organization=own_organization,
        actor=officer,
        delegates=[officer, delegate],
        voting_delegate=delegate,
    )
    seats = {seat.user: seat.is_voting for seat in delegation.delegates.all()}
    assert seats == {officer: False, delegate: True}
    assert AuditEvent.objects.filter(event="conference.delegation_accredited").count() == 1


def test_reaccrediting_changes_the_delegation_and_keeps_one_voting_delegate(
    conference: Conference, officer: User, delegate: User, own_organization: Organization
) -> None:
    for voting in (officer, delegate):
        services.accredit_delegation(
            conference=conference,
            organization=own_organization,
            actor=officer,
            delegates=[officer, delegate],
            voting_delegate=voting,
        )
    assert Delegation.objects.count() == 1
    assert list(Delegate.objects.filter(is_voting=True).values_list("user", flat=True)) == [delegate.pk]


def test_the_officer_of_another_organization_cannot_accredit_ours(
    conference: Conference, other_officer: User, delegate: User, own_organization: Organization
) -> None:
    """S11: nobody accredits a delegation in the name of another organization."""
    with pytest.raises(PermissionDenied, match="S11"):
        services.accredit_delegation(
            conference=conference,
            organization=own_organization,
            actor=other_officer,
            delegates=[delegate],
            voting_delegate=delegate,
        )
    assert not Delegation.objects.exists()


@pytest.mark.parametrize("role_fixture", ["committee", "delegate"])
def test_neither_the_committee_nor_a_delegate_accredits(
    role_fixture: str, request: pytest.FixtureRequest, conference: Conference, own_organization: Organization
) -> None:
    """S11: not even the coordinating committee acts for an organization."""
    actor = request.getfixturevalue(role_fixture)
    with pytest.raises(PermissionDenied):
        services.accredit_delegation(
            conference=conference,
            organization=own_organization,
            actor=actor,
            delegates=[],
            voting_delegate=None,
        )
    assert not Delegation.objects.exists()


def test_an_officer_cannot_put_accounts_of_another_organization_in_its_delegation(
    conference: Conference, officer: User, other_officer: User, own_organization: Organization
) -> None:
    with pytest.raises(PermissionDenied, match="not an account of"):
        services.accredit_delegation(
            conference=conference,
            organization=own_organization,
            actor=officer,
            delegates=[officer, other_officer],
            voting_delegate=other_officer,
        )
    assert not Delegation.objects.exists()


def test_a_continental_conference_is_restricted_to_that_continent(committee: User) -> None:
    """S9: continental conferences are of the members of that continent."""
    africa = make_conference(committee, kind="continental", continent="Africa")
    african = make_organization(country="TN", continent="Africa")
    european = make_organization(country="DE", continent="Europe")
    for organization, allowed in ((african, True), (european, False)):
        officer = make_user(Role.OFFICER, organization)
        accredit = {
            "conference": africa,
            "organization": organization,
            "actor": officer,
            "delegates": [officer],
            "voting_delegate": officer,
        }
        if allowed:
            services.accredit_delegation(**accredit)  # type: ignore[arg-type]
        else:
            with pytest.raises(ValidationError, match="restricted to member organizations of Africa"):
                services.accredit_delegation(**accredit)  # type: ignore[arg-type]
    assert [d.organization for d in Delegation.objects.all()] == [african]


def test_a_regional_conference_is_restricted_to_its_countries(committee: User) -> None:
    regional = make_conference(
        committee, kind="regional", region_name="Southern Cone", region_countries=["AR", "CL", "UY"]
    )
    inside = make_organization(country="UY", continent="Latin America")
    outside = make_organization(country="BO", continent="Latin America")
    assert regional.admits(inside) and not regional.admits(outside)
    officer = make_user(Role.OFFICER, outside)
    with pytest.raises(ValidationError, match="Southern Cone"):
        services.accredit_delegation(
            conference=regional,
            organization=outside,
            actor=officer,
            delegates=[officer],
            voting_delegate=officer,
        )


def test_a_former_member_cannot_send_a_delegation(conference: Conference) -> None:
    former = make_organization(member=False)
    officer = make_user(Role.OFFICER, former)
    with pytest.raises(ValidationError, match="not a current member"):
        services.accredit_delegation(
            conference=conference,
            organization=former,
            actor=officer,
            delegates=[officer],
            voting_delegate=officer,
        )


def test_the_committee_invites_partner_observers_only(
    conference: Conference, committee: User, delegate: User
) -> None:
    """S13: partners are observers, not members."""
    partner = make_user(Role.OBSERVER)
    services.invite_guest(conference=conference, actor=committee, guest=partner)
    assert [g.user for g in conference.guests.all()] == [partner]
    with pytest.raises(ValidationError):
        services.invite_guest(conference=conference, actor=committee, guest=delegate)
    with pytest.raises(PermissionDenied):
        services.invite_guest(conference=conference, actor=delegate, guest=make_user(Role.OBSERVER))
