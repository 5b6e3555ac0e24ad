"""Other organizations see a delegate's chosen name, never the login name (S11, data minimisation)."""

import pytest

from icor.accounts.models import Role
from tests.factories import make_organization, make_user

pytestmark = pytest.mark.django_db


def test_the_chosen_name_is_shown() -> None:
    assert make_user(Role.DELEGATE, public_name="Comrade K").shown_name == "Comrade K"


def test_without_a_chosen_name_the_role_and_organization_are_shown_not_the_login() -> None:
    organization = make_organization(name="Shown Organization")
    user = make_user(Role.DELEGATE, organization)
    assert user.username not in user.shown_name
    assert user.shown_name == f"Delegate ({organization.short_name})"


def test_a_committee_member_without_a_chosen_name_is_shown_as_the_committee() -> None:
    assert make_user(Role.COMMITTEE).shown_name == "Coordinating committee"
