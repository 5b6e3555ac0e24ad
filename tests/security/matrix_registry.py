"""Registry pages and API (S1, S11, S12)."""

from tests.security.matrix import EVERYONE_OK, FORBIDDEN, FOUND, NOT_ALLOWED, NOT_FOUND, OK, Row, cells

# The committee and the platform operator (a superuser has every permission) see applications;
# the operator still cannot decide: the service refuses anyone but the committee.
COMMITTEE_READS = cells(FORBIDDEN, anonymous=FOUND, committee=OK, operator=OK)
EXIT = {"left_on": "2024-05-01"}

ROWS = [
    Row("registry:list", "/registry/", EVERYONE_OK),
    Row("registry:statistics", "/registry/statistics/", EVERYONE_OK),
    Row("registry:map", "/registry/map.svg", EVERYONE_OK),
    Row("registry:apply", "/registry/apply/", EVERYONE_OK),
    Row("registry:applications", "/registry/applications/", COMMITTEE_READS),
    Row("registry:decide", "/registry/applications/{application}/", COMMITTEE_READS),
    Row(
        "registry:decide",
        "/registry/applications/{application}/",
        cells(FORBIDDEN, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={"decision": "refuse", "decided_on": "2024-05-01", "decision_reference": "Conference 2024"},
        why="only the committee records a decision",
    ),
    Row("registry:detail", "/registry/{org}/", EVERYONE_OK, other=EVERYONE_OK),
    Row(
        "registry:exit",
        "/registry/{org}/exit/",
        cells(NOT_ALLOWED, anonymous=FOUND),
        other=cells(NOT_ALLOWED, anonymous=FOUND),
        why="POST only",
    ),
    Row(
        "registry:exit",
        "/registry/{org}/exit/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, committee=FOUND),
        other=cells(FORBIDDEN, anonymous=FOUND, committee=FOUND),
        method="POST",
        data=EXIT,
        why="S11: an officer declares the exit of their own organization only; the committee records it",
    ),
    Row("api:openapi-json", "/api/openapi.json", EVERYONE_OK),
    Row("api:openapi-view", "/api/docs", EVERYONE_OK),
    Row("api:api-root", "/api/", cells(NOT_FOUND), why="ninja's root route serves nothing"),
    Row("GET /api/registry/organizations", "/api/registry/organizations", EVERYONE_OK),
    Row("GET /api/registry/organizations.csv", "/api/registry/organizations.csv", EVERYONE_OK),
    Row(
        "GET /api/registry/organizations/{slug}",
        "/api/registry/organizations/{org}",
        EVERYONE_OK,
        other=EVERYONE_OK,
    ),
    Row("GET /api/registry/statistics", "/api/registry/statistics", EVERYONE_OK),
]
