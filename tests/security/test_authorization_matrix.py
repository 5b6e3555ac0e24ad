"""Every page and API operation, visited as each role, for its own and another organization's
objects (S1, S11). The table is in tests/security/matrix_*.py; this module runs it and fails
for every route that has no row."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.test.client import ClientHandler
from django.urls import URLPattern, URLResolver, get_resolver

from icor.accounts.models import Role, User
from icor.accounts.services import accept_invitation
from icor.conferences.models import Guest
from icor.conferences.services.observers import invite_observer
from icor.conferences.views.motions import MOTION_ACTIONS
from icor.partners.models import PartnerKind
from icor.partners.services import record_partner
from icor.registry.models import Application, Organization
from icor.registry.services import admit_with_first_officer, record_exit, submit_application
from tests.factories import make_conference, make_organization, make_user, with_totp
from tests.security.matrix import DERIVED, FOUND, ROLES, Row, all_groups, all_rows
from tests.security.matrix_conferences import REFUSED

API_NAMESPACE = "api"
ACCOUNT_PASSWORD = "a matrix account's own passphrase"


@dataclass(frozen=True)
class World:
    """What the cells of a row see. A row's `prepare(world)` adds its own placeholders to `extra`:
    a plain value, or {"own": ..., "other": ...} when it depends on the organization under test.

    `accounts` holds the one account of each role that visits the cells; the officer and the
    delegate belong to `own`, so objects a row prepares for `own` are theirs (e.g. the
    accredited delegation). `other_officer` acts for `other` when a row prepares its objects.
    `former_session` is the session cookie the former member obtained before its organization left."""

    own: Organization
    other: Organization
    application: Application
    accounts: dict[str, User]
    other_officer: User
    former_session: SimpleCookie
    extra: dict[str, Any] = field(default_factory=dict)
    # One handler for all cells: a new one would load the middleware (and scan the static files) again.
    handler: ClientHandler = field(default_factory=lambda: ClientHandler(enforce_csrf_checks=False))


@pytest.fixture(autouse=True)
def _fast_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # Argon2 is proven in test_accounts_settings; here accounts are logged in without passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    own = make_organization(name="Matrix Own", country="DE")
    other = make_organization(name="Matrix Other", country="FR")
    application = Application.objects.create(
        name="Applicant", country="IT", contact="x", statement="We affirm.", affirms_basis=True
    )
    accounts = {
        "operator": User.objects.create_superuser("matrix-operator", password="matrix operator password"),
        "officer": make_user(Role.OFFICER, own, public_name="Own Officer"),
        "delegate": make_user(Role.DELEGATE, own, public_name="Own Delegate"),
        "committee": make_user(Role.COMMITTEE),
        "observer": make_user(Role.OBSERVER),
    }
    other_officer = make_user(Role.OFFICER, other, public_name="Other Officer")
    for user in (accounts["officer"], accounts["committee"], accounts["operator"], other_officer):
        with_totp(user)  # two-factor has its own tests; the matrix is about authorization
    accounts["uninvited_observer"] = observer_invited_elsewhere(accounts["committee"])
    accounts["former_member"], former_session = officer_of_a_former_member(accounts["committee"])
    return World(own, other, application, accounts, other_officer, former_session)


def observer_invited_elsewhere(committee: User) -> User:
    """S13: a partner's observer, invited by the committee to a conference of its own, no other."""
    partner = record_partner(actor=committee, name="Partner Invited Elsewhere", kind=PartnerKind.ORGANIZATION)
    elsewhere = make_conference(committee, in_session=False)
    issued = invite_observer(actor=committee, partner=partner, conference=elsewhere)
    return accept_invitation(
        token=issued.token, username="matrix-uninvited", password=ACCOUNT_PASSWORD, public_name="Uninvited"
    )


def officer_of_a_former_member(committee: User) -> tuple[User, SimpleCookie]:
    """S12: an admitted organization's first officer logs in, then declares the organization's exit."""
    applicant = submit_application(
        name="Matrix Former", country="ES", contact="x", statement="We affirm.", affirms_basis=True
    )
    organization, issued = admit_with_first_officer(
        applicant, actor=committee, decided_on=date(2020, 1, 1), decision_reference="CC 2020/1"
    )
    officer = accept_invitation(
        token=issued.token, username="matrix-former", password=ACCOUNT_PASSWORD, public_name="Former"
    )
    client = Client()
    client.force_login(officer)
    record_exit(organization, actor=officer, left_on=date(2025, 1, 1))
    officer.refresh_from_db()
    return officer, client.cookies


def client_for(role: str, world: World) -> Client:
    client = Client()
    client.handler = world.handler
    if role == "former_member":
        client.cookies = SimpleCookie(world.former_session)  # the session it had before the exit
    elif role != "anonymous":
        client.force_login(world.accounts[role])
    return client


def fill(text: str, side: str, world: World) -> str:
    """The text with its placeholders: the organization of `side` and what the rows prepared."""
    organization = world.own if side == "own" else world.other
    extra = {
        key: value[side] if isinstance(value, dict) and set(value) == {"own", "other"} else value
        for key, value in world.extra.items()
    }
    return text.format(
        org=organization.slug,
        org_id=organization.pk,
        org_short=organization.short_name,
        application=world.application.pk,
        officer_id=world.accounts["officer"].pk,
        delegate_id=world.accounts["delegate"].pk,
        other_officer_id=world.other_officer.pk,
        **extra,
    )


def json_value(text: str) -> Any:
    """In a JSON row a value that reads as a JSON number, list, object or boolean is sent as one."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, int | list | dict) else text


def observed(response: HttpResponse, method: str) -> int:
    """The status, except that a write answered with an error message counts as REFUSED."""
    if method == "GET" or response.status_code not in (200, FOUND):
        return response.status_code
    storage = getattr(response.wsgi_request, "_messages", None)
    refused = storage is not None and any(message.level == messages.ERROR for message in storage)
    return REFUSED if refused else response.status_code


def refusal_problem(response: HttpResponse) -> str | None:
    """What is wrong with an API refusal's body, which must be {"detail", "code", "clause"}."""
    if not response["Content-Type"].startswith("application/json"):
        return f"is not JSON but {response['Content-Type']}"
    body = json.loads(response.content)
    if not isinstance(body, dict) or set(body) != {"detail", "code", "clause"}:
        return f"has the body {body!r}, not detail/code/clause"
    if not isinstance(body["detail"], str) or not body["detail"] or not isinstance(body["code"], str):
        return f"has an empty or malformed detail or code: {body!r}"
    return None


def describe(status: int) -> str:
    return "REFUSED (an error message, nothing done)" if status == REFUSED else str(status)


def visit(row: Row, role: str, side: str, world: World) -> str | None:
    """Request one cell; return a description of the mismatch, or None."""
    client = client_for(role, world)
    path = fill(row.path, side, world)
    data = {key: fill(value, side, world) for key, value in row.data.items()}
    if row.method == "GET":
        response = client.get(path)
    elif row.json:
        body = json.dumps({key: json_value(value) for key, value in data.items()})
        response = client.generic(row.method, path, body, content_type="application/json")
    else:
        response = client.generic(
            row.method, path, urlencode(data), content_type="application/x-www-form-urlencoded"
        )
    expected = row.expected(role, side)
    status = observed(response, row.method)
    if status != expected:
        return f"{role:>9} / {side:<5}: expected {describe(expected)}, got {describe(status)}"
    if path.startswith("/api/") and status >= 400 and (problem := refusal_problem(response)):
        return f"{role:>9} / {side:<5}: {status} {problem}"
    if (
        role in ("anonymous", "former_member")
        and expected == 302
        and row.anonymous_to_login
        and "/login/" not in response["Location"]
    ):
        return f"{role:>9} / {side:<5}: redirected to {response['Location']}, not to the login page"
    return None


@pytest.mark.parametrize("row", all_rows(), ids=lambda row: f"{row.method} {row.path}")
def test_each_role_gets_the_status_of_its_matrix_cell(row: Row, world: World) -> None:
    """S11: every cell runs in its own savepoint, so a permitted write never affects the next cell."""
    if row.prepare is not None:
        row.prepare(world)
    mismatches = []
    for role in ROLES:
        for side in row.sides:
            with transaction.atomic():
                mismatch = visit(row, role, side, world)
                transaction.set_rollback(True)
            if mismatch:
                mismatches.append(mismatch)
    assert not mismatches, f"{row.method} {row.path} ({row.route}):\n" + "\n".join(mismatches)


def site_routes() -> list[tuple[str, str]]:
    """(key, path pattern) of every URL pattern; the key is the namespaced name when there is one."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                if (
                    namespace == f"{API_NAMESPACE}:"
                    and getattr(pattern.callback, "__module__", "") == "ninja.operation"
                ):
                    continue  # API operations are checked per method against the OpenAPI document
                key = f"{namespace}{pattern.name}" if pattern.name else prefix + str(pattern.pattern)
                found.append((key, prefix + str(pattern.pattern)))

    walk(get_resolver().url_patterns, "", "")
    return found


def api_operations(client: Client) -> list[str]:
    schema = client.get("/api/openapi.json").json()
    return [
        f"{method.upper()} {path}" for path, operations in schema["paths"].items() for method in operations
    ]


def test_every_route_has_a_matrix_row(client: Client) -> None:
    """A new endpoint without a row fails the suite: add it to tests/security/matrix_<app>.py."""
    rows = {row.route for row in all_rows()}
    groups = all_groups()
    missing = [
        f"{key}  ({pattern})"
        for key, pattern in site_routes()
        if key not in rows and not any(pattern.startswith(group.prefix) for group in groups)
    ]
    missing += [operation for operation in api_operations(client) if operation not in rows]
    assert not missing, (
        "Routes without a row in the authorization matrix (tests/security/matrix_<app>.py):\n"
        + "\n".join(missing)
    )


def test_every_matrix_row_names_an_existing_route(client: Client) -> None:
    known = {key for key, _ in site_routes()} | set(api_operations(client))
    stale = sorted({row.route for row in all_rows()} - known)
    assert not stale, f"Matrix rows for routes that no longer exist: {stale}"


def test_every_group_is_justified_and_has_representative_rows() -> None:
    rows = all_rows()
    for group in all_groups():
        assert len(group.why) > 40, group.prefix
        assert any(row.path.lstrip("/").startswith(group.prefix) for row in rows), group.prefix


def test_roles_of_the_matrix_are_the_roles_of_the_platform(world: World) -> None:
    """Each platform role has its column; the two refused roles are real accounts of the platform."""
    assert set(ROLES) - {"anonymous", *DERIVED} == set(Role.values)
    uninvited, former = world.accounts["uninvited_observer"], world.accounts["former_member"]
    assert uninvited.role == Role.OBSERVER and uninvited.partner is not None
    assert Guest.objects.filter(user=uninvited).count() == 1  # the conference elsewhere only
    assert former.role == Role.OFFICER and not former.is_active
    assert former.organization.memberships.filter(left_on__isnull=False).exists()


def test_a_former_member_gets_exactly_what_an_anonymous_visitor_gets() -> None:
    assert all(
        row.expected("former_member", side) == row.expected("anonymous", side)
        for row in all_rows()
        for side in row.sides
    )


def test_every_button_of_the_motion_page_has_a_row() -> None:
    """Route x method x action: each slug of the motion page's one POST route is a row of its own."""
    slugs = {
        row.path.rstrip("/").rsplit("/", 1)[-1]
        for row in all_rows()
        if row.route == "conferences:motion-action" and row.method == "POST"
    }
    assert set(MOTION_ACTIONS) - slugs == set()
