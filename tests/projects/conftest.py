from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from icor.projects.models import Kind, Project
from icor.registry.models import Organization
from tests.factories import make_project


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:  # type: ignore[no-untyped-def]
    """These tests never log in with a password; a cheap hasher keeps them fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def kobane(own_organization: Organization) -> Project:
    """The International Brigades for the reconstruction of Kobanê, June to October 2015 (S15)."""
    return make_project(
        title="Reconstruction of Kobanê: a hospital",
        kind=Kind.SINGLE,
        starts_on=date(2015, 6, 1),
        ends_on=date(2015, 10, 31),
        recruits_volunteers=True,
        coordinators=[own_organization],
    )


@pytest.fixture
def brigade(own_organization: Organization) -> Project:
    """A brigade still to come, so that assignments not yet begun exist."""
    start = timezone.localdate() + timedelta(days=30)
    return make_project(
        title="Brigade to come",
        kind=Kind.SINGLE,
        starts_on=start,
        ends_on=start + timedelta(days=90),
        recruits_volunteers=True,
        coordinators=[own_organization],
    )
