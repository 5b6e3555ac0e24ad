"""The rule set is the one source of who may do what (S1, S11)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from rules import has_perm

from icor.accounts.models import Role, User
from icor.projects.models import Project
from icor.projects.services import projects as services
from icor.projects.services.activities import create_activity
from icor.registry.models import Membership, Organization
from tests.factories import make_project, make_user

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
