"""Accounts: own account and tokens, an organization's people, invitations, observers (S1, S11, S13)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from icor.accounts import services
from icor.accounts.models import Role
from tests.factories import make_user
from tests.security.matrix import FORBIDDEN, FOUND, NOT_ALLOWED, NOT_FOUND, OK, UNAUTHORIZED, Row, cells

LOGGED_IN = cells(OK, anonymous=FOUND)
OFFICERS_ONLY = cells(FORBIDDEN, anonymous=FOUND, officer=OK)
COMMITTEE_ONLY = cells(FORBIDDEN, anonymous=FOUND, committee=OK)


def officer_token(world: Any) -> None:
    world.extra["token"] = services.create_api_token(
        actor=world.accounts["officer"], label="t", days=1
    ).token.pk


def officer_invitation(world: Any) -> None:
    issued = services.invite_member(actor=world.accounts["officer"], role=Role.DELEGATE)
    world.extra["invitation"] = issued.invitation.pk
    world.extra["invitation_token"] = issued.token


def committee_suspension(world: Any) -> None:
    delegate = world.accounts["delegate"]
    account = make_user(Role.DELEGATE, delegate.organization)
    world.extra["suspension"] = services.suspend_account(
        actor=world.accounts["committee"], account=account, reason="lost device"
    ).pk


def delegate_locked_out(world: Any) -> None:
    for number in range(5):
        Client().post(
            "/accounts/login/",
            {"login": world.accounts["delegate"].username, "password": "a wrong guess 1"},
            REMOTE_ADDR=f"203.0.113.{number}",
        )


def observer_id(world: Any) -> None:
    world.extra["observer_id"] = world.accounts["observer"].pk


ROWS = [
    Row("accounts:me", "/accounts/me/", LOGGED_IN),
    Row(
        "accounts:me",
        "/accounts/me/",
        cells(FOUND),
        method="POST",
        data={"public_name": "A pseudonym"},
        why="everyone names only their own account",
    ),
    Row("accounts:tokens", "/accounts/me/tokens/", LOGGED_IN),
    Row(
        "accounts:tokens",
        "/accounts/me/tokens/",
        cells(OK, anonymous=FOUND),
        method="POST",
        data={"label": "script", "days": "30"},
        why="a token for one's own account, shown once on the page",
    ),
    Row(
        "accounts:revoke_token",
        "/accounts/me/tokens/{token}/revoke/",
        cells(NOT_FOUND, anonymous=FOUND, officer=FOUND),
        method="POST",
        prepare=officer_token,
        why="only the owner revokes a token; for everyone else it does not exist",
    ),
    Row("accounts:people", "/accounts/people/", OFFICERS_ONLY, why="S11: officers manage their own accounts"),
    Row(
        "accounts:people",
        "/accounts/people/",
        OFFICERS_ONLY,
        method="POST",
        data={"role": "delegate", "email": ""},
        why="S11: only an officer invites, and only into the own organization",
    ),
    Row(
        "accounts:remove",
        "/accounts/people/{delegate_id}/remove/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND),
        method="POST",
        why="S11: the own organization's officer removes its account; the committee cannot",
    ),
    Row(
        "accounts:remove",
        "/accounts/people/{other_officer_id}/remove/",
        cells(FORBIDDEN, anonymous=FOUND, officer=NOT_FOUND),
        method="POST",
        why="S11: another organization's account is not found among the own accounts",
    ),
    Row(
        "accounts:lift_login_lock",
        "/accounts/people/{delegate_id}/unlock/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND),
        method="POST",
        prepare=delegate_locked_out,
        why="S11: the own organization's officer lifts its account's login lock; the committee cannot",
    ),
    Row("accounts:all", "/accounts/all/", COMMITTEE_ONLY, why="the committee picks an account to suspend"),
    Row("accounts:suspend", "/accounts/people/{delegate_id}/suspend/", COMMITTEE_ONLY),
    Row(
        "accounts:suspend",
        "/accounts/people/{delegate_id}/suspend/",
        cells(FORBIDDEN, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={"reason": "shared the password"},
        why="only the committee suspends, with a recorded reason",
    ),
    Row(
        "accounts:lift_suspension",
        "/accounts/suspensions/{suspension}/lift/",
        cells(FORBIDDEN, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={"reason": "new device checked"},
        prepare=committee_suspension,
        why="only the committee lifts a suspension it made, with a recorded reason",
    ),
    Row(
        "accounts:revoke_invitation",
        "/accounts/invitations/{invitation}/revoke/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND),
        method="POST",
        prepare=officer_invitation,
        why="S11: the organization's officers revoke its invitations",
    ),
    Row(
        "accounts:revoke_invitation",
        "/accounts/invitations/{invitation}/revoke/",
        cells(NOT_ALLOWED, anonymous=FOUND),
        prepare=officer_invitation,
        why="POST only",
    ),
    Row(
        "accounts:accept",
        "/accounts/invitation/{invitation_token}/",
        cells(OK),
        prepare=officer_invitation,
        anonymous_to_login=False,
        why="whoever holds the link creates the invited account",
    ),
    Row("accounts:accept", "/accounts/invitation/not-a-token/", cells(NOT_FOUND), why="unknown link"),
    Row("registry:first_officer", "/registry/{org}/first-officer/", COMMITTEE_ONLY, other=COMMITTEE_ONLY),
    Row(
        "registry:first_officer",
        "/registry/{org}/first-officer/",
        COMMITTEE_ONLY,
        other=COMMITTEE_ONLY,
        method="POST",
        data={"email": ""},
        why="both organizations have their own officer: the committee's form says so and creates nothing (S11)",
    ),
    Row("conferences:observers", "/conferences/observers/", COMMITTEE_ONLY),
    Row(
        "accounts:end_observer",
        "/accounts/observers/{observer_id}/end/",
        cells(FORBIDDEN, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={"confirmed": "1"},  # unconfirmed: tests/accounts/test_admission_and_observers.py
        prepare=observer_id,
        why="S13: the committee ends a partner observer's account",
    ),
    Row("GET /api/accounts/me", "/api/accounts/me", cells(OK, anonymous=UNAUTHORIZED)),
    Row(
        "GET /api/accounts/people",
        "/api/accounts/people",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        why="the ids of the own organization's accounts, for accreditation",
    ),
]
