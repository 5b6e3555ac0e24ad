"""The authorization matrix: which role may reach which page or API operation, for its own
organization's objects and for another organization's.

Each app has one module `tests/security/matrix_<app>.py` with `ROWS` (and, rarely, `GROUPS`);
they are found automatically. A route of the site or an operation of the API without a row
fails `test_every_route_has_a_matrix_row`: a new endpoint is never reachable by accident.

A row names its route (the namespaced URL name, or "METHOD /api/path" as in the OpenAPI
document), the path to request, and the expected status for each role. Paths may hold:
  {org}        slug of the organization under test (own or other, see below)
  {org_id}     its primary key
  {org_short}  its short name (abbreviation or English name)
  {application} a pending application
When a path holds an organization, the row gives `own` (the visitor's own organization)
and `other` (another organization); for accounts without an organization both are the same.

Besides one account of each platform role, two roles are there to be refused:
  uninvited_observer  a partner observer invited to another conference only (S13): it gets what
                      the invited `observer` gets, except that whatever names a conference it was
                      not invited to answers 403 (rows mark those with `conference_scoped`);
  former_member       an officer of an organization that has left (S12), logged in before the
                      exit: its accounts are closed, so it gets exactly the anonymous visitor's cell.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

ROLES = (
    "anonymous",
    "delegate",
    "officer",
    "committee",
    "observer",
    "operator",
    "uninvited_observer",
    "former_member",
)
# The roles whose cells follow from others': no row names them.
DERIVED = ("uninvited_observer", "former_member")
SIDES = ("own", "other")

# Status codes, named for reading the table.
OK = 200
MOVED_PERMANENTLY = 301
FOUND = 302  # a redirect: to the login page for anonymous visitors, or after a successful POST
BAD = 400
UNAUTHORIZED = 401  # the API asks for authentication
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405
CONFLICT = 409  # the API: not possible in the present state
UNPROCESSABLE = 422  # the API: invalid input


def cells(default: int, **by_role: int) -> Mapping[str, int]:
    """One expected status per role: `default` unless named, e.g. cells(FORBIDDEN, committee=OK).

    An uninvited observer gets what the observer gets (`conference_scoped` refuses it more);
    a former member what an anonymous visitor gets (S12)."""
    unknown = set(by_role) - (set(ROLES) - set(DERIVED))
    if unknown:
        raise ValueError(f"unknown or derived role(s) in matrix row: {sorted(unknown)}")
    table = {role: by_role.get(role, default) for role in ROLES}
    table["uninvited_observer"] = table["observer"]
    table["former_member"] = table["anonymous"]
    return MappingProxyType(table)


def conference_scoped(table: Mapping[str, int]) -> Mapping[str, int]:
    """S13: an observer not invited to the conference the path names is refused all of it."""
    return MappingProxyType({**table, "uninvited_observer": FORBIDDEN})


EVERYONE_OK = cells(OK)


@dataclass(frozen=True)
class Row:
    route: str
    path: str
    own: Mapping[str, int]
    other: Mapping[str, int] | None = None
    method: str = "GET"
    data: Mapping[str, str] = field(default_factory=dict)
    json: bool = False
    why: str = ""
    # An anonymous visitor's redirect goes to the login page, unless the row says otherwise.
    anonymous_to_login: bool = True
    # Creates what the row's path needs (called with the test's World before the cells run).
    prepare: Callable[[Any], None] | None = None

    def __post_init__(self) -> None:
        if "{org" in self.path + "".join(self.data.values()) and self.other is None:
            raise ValueError(f"{self.route}: a path with an organization needs expectations for `other` too")

    @property
    def sides(self) -> tuple[str, ...]:
        return SIDES if self.other is not None else ("own",)

    def expected(self, role: str, side: str) -> int:
        table = self.other if side == "other" and self.other is not None else self.own
        return table[role]


@dataclass(frozen=True)
class Group:
    """Routes covered by a prefix rule instead of one row each; `why` must justify it."""

    prefix: str
    why: str


def _modules() -> list[object]:
    package = importlib.import_module("tests.security")
    return [
        importlib.import_module(f"tests.security.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if info.name.startswith("matrix_")
    ]


def all_rows() -> list[Row]:
    return [row for module in _modules() for row in getattr(module, "ROWS", [])]


def all_groups() -> list[Group]:
    return [group for module in _modules() for group in getattr(module, "GROUPS", [])]
