"""Audit log and an organization's own data (S11): the URLs name no organization, so nobody can
even address another organization's export or erasure."""

from tests.security.matrix import (
    BAD,
    FORBIDDEN,
    FOUND,
    NOT_ALLOWED,
    OK,
    UNAUTHORIZED,
    UNPROCESSABLE,
    Row,
    cells,
)

OWN_OFFICER_ONLY = cells(FORBIDDEN, anonymous=FOUND, officer=OK)

ROWS = [
    Row("audit:log", "/audit/", cells(FORBIDDEN, anonymous=FOUND, officer=OK, committee=OK, operator=OK)),
    Row("privacy:overview", "/privacy/", OWN_OFFICER_ONLY),
    Row("privacy:export", "/privacy/export/", cells(NOT_ALLOWED, anonymous=FOUND), why="POST only"),
    Row("privacy:export", "/privacy/export/", OWN_OFFICER_ONLY, method="POST"),
    Row(
        "privacy:erase",
        "/privacy/erase/",
        cells(FORBIDDEN, anonymous=FOUND, officer=BAD),
        method="POST",
        data={"confirm": "not the name"},
        why="a wrong confirmation is refused with 400 and changes nothing",
    ),
    Row(
        "privacy:erase",
        "/privacy/erase/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND),
        other=cells(FORBIDDEN, anonymous=FOUND, officer=BAD),
        method="POST",
        data={"confirm": "{org_short}"},
        why="the erasure acts on the visitor's own organization; another's name is no confirmation",
    ),
    Row(
        "POST /api/privacy/export",
        "/api/privacy/export",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK),
        method="POST",
        json=True,
    ),
    Row(
        "POST /api/privacy/erase",
        "/api/privacy/erase",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK),
        other=cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=UNPROCESSABLE),
        method="POST",
        data={"confirm": "{org_short}"},
        json=True,
    ),
]
