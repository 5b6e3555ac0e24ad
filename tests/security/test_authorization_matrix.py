"""Every page and API operation, visited as each role, for its own and another organization's
objects (S1, S11). The table is in tests/security/matrix_*.py; this module runs it and fails
for every route that has no row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from icor.accounts.models import Role, User
from icor.registry.models import Application, Organization
from tests.factories import make_organization, make_user, with_totp
from tests.security.matrix import ROLES, Row, all_groups, all_rows

API_NAMESPACE = "api"


@dataclass(frozen=True)
class World:
    own: Organization
    other: Organization
    application: Application


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
    return World(own, other, application)


def client_for(role: str, world: World) -> Client:
    client = Client()
    user: User | None
    if role == "anonymous":
        return client
    if role == "operator":
        user = User.objects.create_superuser("matrix-operator", password="matrix operator password")
    elif role in ("officer", "delegate"):
        user = make_user(role, world.own)
    else:
        user = make_user(role)
    if role in ("officer", "committee"):
        with_totp(user)  # two-factor has its own tests; the matrix is about authorization
    client.force_login(user)
    return client


def fill(text: str, organization: Organization, world: World) -> str:
    return text.format(
        org=organization.slug,
        org_id=organization.pk,
        org_short=organization.short_name,
        application=world.application.pk,
    )


def visit(row: Row, role: str, side: str, world: World) -> str | None:
    """Request one cell; return a description of the mismatch, or None."""
    organization = world.own if side == "own" else world.other
    client = client_for(role, world)
    path = fill(row.path, organization, world)
    data = {key: fill(value, organization, world) for key, value in row.data.items()}
    if row.method == "GET":
        response = client.get(path)
    elif row.json:
        response = client.generic(row.method, path, json.dumps(data), content_type="application/json")
    else:
        response = client.generic(
            row.method, path, urlencode(data), content_type="application/x-www-form-urlencoded"
        )
    expected = row.expected(role, side)
    if response.status_code != expected:
        return f"{role:>9} / {side:<5}: expected {expected}, got {response.status_code}"
    if (
        role == "anonymous"
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


def test_roles_of_the_matrix_are_the_roles_of_the_platform() -> None:
    assert set(ROLES) - {"anonymous"} == set(Role.values)
