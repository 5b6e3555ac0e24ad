from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from icor.accounts.models import User
from icor.conferences import services
from icor.conferences.models import Conference, Delegation, Motion
from tests.conftest import logged_in
from tests.factories import make_conference, make_delegation, with_totp


@dataclass
class Seat:
    delegation: Delegation
    voter: User


@pytest.fixture
def conference(committee: User) -> Conference:
    return make_conference(committee)


def seats(conference: Conference, count: int) -> list[Seat]:
    return [Seat(*make_delegation(conference)) for _ in range(count)]


def motion_in_discussion(
    conference: Conference,
    committee: User,
    seat: Seat,
    *,
    kind: str = "current-affairs",
    title: str = "On solidarity",
) -> Motion:
    item = services.add_agenda_item(conference=conference, actor=committee, title="Resolutions")
    motion = services.create_motion(
        agenda_item=item,
        organization=seat.delegation.organization,
        actor=seat.voter,
        kind=kind,
        title=title,
        text="The conference declares its solidarity.",
        submit=True,
    )
    return services.move_motion(motion=motion, actor=committee, target="in_discussion")


def browser(user: User) -> Client:
    """A logged-in client; officers and the committee have their second factor set up."""
    return logged_in(with_totp(user))


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # Many accounts per test; the production hasher (Argon2) is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
