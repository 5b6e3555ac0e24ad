from __future__ import annotations

from dataclasses import dataclass

import pytest

from icor.accounts.models import User
from icor.conferences import services as conference_services
from icor.conferences.models import Conference, Motion
from tests.factories import make_conference, make_delegation


@dataclass
class Debate:
    conference: Conference
    motion: Motion
    proposer: User
    other: User


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # Several accounts per test; the production hasher (Argon2) is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def debate(committee: User) -> Debate:
    conference = make_conference(committee)
    _, proposer = make_delegation(conference)
    _, other = make_delegation(conference)
    item = conference_services.add_agenda_item(conference=conference, actor=committee, title="Resolutions")
    motion = conference_services.create_motion(
        agenda_item=item,
        organization=proposer.organization,
        actor=proposer,
        kind="founding-document",
        title="On the organizational principles",
        text="The conference meets every four years.",
        submit=True,
    )
    motion = conference_services.move_motion(motion=motion, actor=committee, target="in_discussion")
    return Debate(conference, motion, proposer, other)
