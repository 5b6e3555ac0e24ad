"""Security headers on every page, and a Content-Security-Policy that forbids inline code."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from icor.charter.services import load_founding_resolution
from icor.registry.services import load_seed_registry
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/registry/",
    "/registry/statistics/",
    "/registry/apply/",
    "/resolution/",
    "/accounts/login/",
    "/api/docs",
]


@pytest.fixture
def site() -> None:
    load_seed_registry()
    load_founding_resolution()


def csp_directives(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize("path", PAGES)
def test_pages_carry_the_security_headers(client: Client, site: None, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = csp_directives(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.parametrize("path", [p for p in PAGES if p != "/api/docs"])
def test_our_pages_contain_no_inline_script_or_style(client: Client, site: None, path: str) -> None:
    html = client.get(path).content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html)
    assert not INLINE_STYLE.search(html), INLINE_STYLE.search(html)


def test_the_pages_of_this_issue_contain_no_inline_code(officer, committee) -> None:  # type: ignore[no-untyped-def]
    for client, path in (
        (logged_in(with_totp(officer)), "/privacy/"),
        (logged_in(with_totp(committee)), "/audit/"),
    ):
        html = client.get(path).content.decode()
        assert not INLINE_SCRIPT.search(html)
        assert not INLINE_STYLE.search(html)
