"""Supporters are listed as the reader's language sorts country names (issue: locale-correct lists)."""

from __future__ import annotations

import pytest
from django.utils import translation

from icor.accounts.models import Role
from icor.projects.selectors.projects import support_history
from icor.projects.services.projects import declare_support
from tests.factories import make_organization, make_project, make_user, with_totp

pytestmark = pytest.mark.django_db


def test_supporters_follow_the_readers_alphabet() -> None:
    project = make_project()
    for country in ("DE", "AT"):  # Germany / Austria; German: Deutschland / Österreich
        organization = make_organization(country=country)
        officer = with_totp(make_user(Role.OFFICER, organization=organization))
        declare_support(project, actor=officer, organization=organization)
    with translation.override("en"):
        assert [str(s.organization.country.name) for s in support_history(project)] == ["Austria", "Germany"]
    with translation.override("de"):
        assert [str(s.organization.country.name) for s in support_history(project)] == [
            "Deutschland",
            "Österreich",
        ]
