"""The rule set is the one source of who may do what (S1, S11)."""

from __future__ import annotations

import pytest
from rules import has_perm

from icor.accounts.models import Role, User
from icor.projects.models import Project
from icor.registry.models import Organization
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
