"""The rule set is the one source of who may do what (S1, S11)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from rules import has_perm

from icor.accounts.models import Role, User
from icor.accounts.services import invite_member
from icor.conferences.services.observers import invite_observer
from icor.partners.models import Partner
from icor.projects.models import Project
from icor.projects.services import projects as services
from icor.projects.services.activities import create_activity
from icor.registry.models import Membership, Organization
from icor.registry.services import invite_first_officer
from tests.factories import make_conference, make_organization, make_project, make_user

pytestmark = pytest.mark.django_db


def test_the_operator_passes_django_permissions_but_no_rule_of_the_statute() -> None:
    """A superuser runs the server; it chairs no conference and acts for no organization."""
    operator = User.objects.create_superuser("operator", password="operator password 123")
    assert operator.has_perm("conferences.chair")
    for name in (
        "conferences.chair",
        "projects.create_project",
        "partners.record_partner",
        "privacy.manage_own_data",
    ):
        assert not has_perm(name, operator)


def test_only_an_officer_of_a_coordinating_organization_coordinates(
    own_organization: Organization, other_organization: Organization
) -> None:
    project: Project = make_project(coordinators=[own_organization])
    assert has_perm("projects.coordinate", make_user(Role.OFFICER, own_organization), project)
    assert not has_perm("projects.coordinate", make_user(Role.DELEGATE, own_organization), project)
    assert not has_perm("projects.coordinate", make_user(Role.OFFICER, other_organization), project)
    assert not has_perm("projects.coordinate", make_user(Role.COMMITTEE), project)
    assert has_perm("projects.steer", make_user(Role.COMMITTEE), project)


def test_nobody_acts_for_another_organization_not_even_the_committee(
    own_organization: Organization, other_organization: Organization
) -> None:
    assert has_perm("projects.act_for", make_user(Role.DELEGATE, own_organization), own_organization)
    assert not has_perm("projects.act_for", make_user(Role.DELEGATE, own_organization), other_organization)
    assert not has_perm("projects.act_for", make_user(Role.COMMITTEE), own_organization)
    assert not has_perm("projects.act_for", make_user(Role.OBSERVER), own_organization)


def test_the_accounts_of_an_organization_that_has_left_act_for_nobody(own_organization: Organization) -> None:
    """S1: a former member takes no part; its officer neither supports projects nor proposes activities."""
    officer = make_user(Role.OFFICER, own_organization)
    delegate = make_user(Role.DELEGATE, own_organization)
    project = make_project(coordinators=[own_organization])
    assert has_perm("projects.coordinate", officer, project)
    Membership.objects.filter(organization=own_organization).update(left_on=date(2024, 1, 1))
    assert not has_perm("projects.act_for", officer, own_organization)
    assert not has_perm("projects.act_for", delegate, own_organization)
    assert not has_perm("projects.coordinate", officer, project)
    assert not has_perm("projects.create_activity", officer)
    with pytest.raises(PermissionDenied):
        services.declare_support(make_project(), actor=officer, organization=own_organization)
    with pytest.raises(PermissionDenied):
        create_activity(actor=officer, title="May Day", starts_on=date(2027, 5, 1))


def _leaves(organization: Organization) -> None:
    Membership.objects.filter(organization=organization).update(left_on=date(2024, 1, 1))


def test_only_an_officer_of_the_accounts_own_organization_removes_it(
    own_organization: Organization, other_organization: Organization
) -> None:
    officer = make_user(Role.OFFICER, own_organization)
    delegate = make_user(Role.DELEGATE, own_organization)
    assert has_perm("accounts.remove_account", officer, delegate)
    assert not has_perm("accounts.remove_account", make_user(Role.DELEGATE, own_organization), delegate)
    assert not has_perm("accounts.remove_account", make_user(Role.OFFICER, other_organization), delegate)
    assert not has_perm("accounts.remove_account", make_user(Role.COMMITTEE), delegate)
    assert not has_perm("accounts.remove_account", officer, make_user(Role.OBSERVER))
    _leaves(own_organization)
    assert not has_perm("accounts.remove_account", officer, delegate)


def test_who_revokes_an_invitation(own_organization: Organization, other_organization: Organization) -> None:
    """S11: an organization's officers revoke its invitations; the committee those it issued and observers' (S13)."""
    officer = make_user(Role.OFFICER, own_organization)
    committee = make_user(Role.COMMITTEE)
    by_officer = invite_member(actor=officer, role=Role.DELEGATE).invitation
    assert has_perm("accounts.revoke_invitation", officer, by_officer)
    assert has_perm("accounts.revoke_invitation", make_user(Role.OFFICER, own_organization), by_officer)
    assert not has_perm("accounts.revoke_invitation", make_user(Role.DELEGATE, own_organization), by_officer)
    assert not has_perm("accounts.revoke_invitation", make_user(Role.OFFICER, other_organization), by_officer)
    assert not has_perm("accounts.revoke_invitation", committee, by_officer)

    first_officer = invite_first_officer(actor=committee, organization=make_organization()).invitation
    assert has_perm("accounts.revoke_invitation", committee, first_officer)
    assert not has_perm("accounts.revoke_invitation", make_user(Role.COMMITTEE), first_officer)
    assert not has_perm("accounts.revoke_invitation", officer, first_officer)

    partner = Partner.objects.create(name="Rule Alliance", slug="rule-alliance", kind="alliance")
    observer = invite_observer(
        actor=committee, partner=partner, conference=make_conference(committee)
    ).invitation
    assert has_perm("accounts.revoke_invitation", make_user(Role.COMMITTEE), observer)
    assert not has_perm("accounts.revoke_invitation", officer, observer)
    assert not has_perm("accounts.revoke_invitation", make_user(Role.OBSERVER), observer)

    _leaves(own_organization)
    assert not has_perm("accounts.revoke_invitation", officer, by_officer)


def test_only_the_committee_manages_partner_observers(own_organization: Organization) -> None:
    officer = make_user(Role.OFFICER, own_organization)
    assert has_perm("accounts.manage_observers", make_user(Role.COMMITTEE))
    for refused in (officer, make_user(Role.DELEGATE, own_organization), make_user(Role.OBSERVER)):
        assert not has_perm("accounts.manage_observers", refused)
    _leaves(own_organization)
    assert not has_perm("accounts.manage_observers", officer)


def test_only_the_accounts_of_a_current_member_list_their_organizations_accounts(
    own_organization: Organization,
) -> None:
    officer = make_user(Role.OFFICER, own_organization)
    delegate = make_user(Role.DELEGATE, own_organization)
    assert has_perm("accounts.list_own_accounts", officer)
    assert has_perm("accounts.list_own_accounts", delegate)
    assert not has_perm("accounts.list_own_accounts", make_user(Role.COMMITTEE))
    assert not has_perm("accounts.list_own_accounts", make_user(Role.OBSERVER))
    _leaves(own_organization)
    assert not has_perm("accounts.list_own_accounts", officer)
    assert not has_perm("accounts.list_own_accounts", delegate)


def test_the_committee_and_the_own_officer_record_an_exit(
    own_organization: Organization, other_organization: Organization
) -> None:
    officer = make_user(Role.OFFICER, own_organization)
    assert has_perm("registry.record_exit", make_user(Role.COMMITTEE), own_organization)
    assert has_perm("registry.record_exit", officer, own_organization)
    assert not has_perm("registry.record_exit", officer, other_organization)
    assert not has_perm("registry.record_exit", make_user(Role.DELEGATE, own_organization), own_organization)
    assert not has_perm("registry.record_exit", make_user(Role.OBSERVER), own_organization)
    _leaves(own_organization)
    assert not has_perm("registry.record_exit", officer, own_organization)
