"""The API, fed by schemathesis with inputs generated from its own OpenAPI document, never
answers with a server error (HTTP 5xx): bad input gets a 4xx and a message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from icor.wsgi import application
from tests.factories import World, seeded_world

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def _test_connection_stays_open() -> Iterator[None]:
    """Like Django's test client: the WSGI handler must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("_test_connection_stays_open")
@schema.parametrize()
@FUZZ
def test_no_api_operation_answers_with_a_server_error(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])


CSRF = "fuzzcsrftokenfuzzcsrftokenfuzz32"  # any 32 letters: the cookie and the header must agree
ROLE_FUZZ = settings(FUZZ, max_examples=8)


@pytest.fixture
def seeded(settings) -> World:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return seeded_world()


@pytest.mark.django_db
@pytest.mark.usefixtures("_test_connection_stays_open")
@pytest.mark.parametrize("role", ["delegate", "officer", "committee"])
@schema.parametrize()
@ROLE_FUZZ
def test_no_api_operation_answers_with_a_server_error_for_any_role(
    case: schemathesis.Case, role: str, seeded: World
) -> None:
    """Logged in as each role against a conference in session, open motions and projects, the
    generated writes reach the services; every answer is documented and none is a 5xx."""
    session = seeded.clients[role].cookies["sessionid"].value  # type: ignore[attr-defined]
    case.call_and_validate(
        headers={"Cookie": f"sessionid={session}; csrftoken={CSRF}", "X-CSRFToken": CSRF},
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
    )
