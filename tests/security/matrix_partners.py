"""Partner organizations and alliances (S13): public pages; the committee or a project's
coordinating officers record a partner's cooperation on that project, nobody else."""

from __future__ import annotations

from typing import Any

from icor.partners.models import Partner
from icor.partners.services import load_partners
from tests.security.matrix import EVERYONE_OK, FORBIDDEN, FOUND, OK, Row, cells
from tests.security.matrix_conferences import REFUSED
from tests.security.matrix_projects import projects_world


def partners_world(world: Any) -> None:
    if "partner" in world.extra:
        return
    projects_world(world)
    load_partners()
    world.extra["partner"] = Partner.objects.order_by("slug").values_list("slug", flat=True).first()


ROWS = [
    Row("partners:list", "/partners/", EVERYONE_OK, prepare=partners_world),
    Row("partners:detail", "/partners/{partner}/", EVERYONE_OK, prepare=partners_world),
    Row("partners:new", "/partners/new/", cells(FORBIDDEN, anonymous=FOUND, committee=OK)),
    Row(
        "partners:new",
        "/partners/new/",
        cells(FORBIDDEN, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={"name": "Matrix Partner", "kind": "alliance"},
        why="only the coordinating committee records partners (S13)",
    ),
    Row(
        "partners:link_project",
        "/partners/{partner}/projects/",
        cells(REFUSED, anonymous=FOUND, officer=FOUND, committee=FOUND),
        other=cells(REFUSED, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={"project": "{project}"},
        prepare=partners_world,
        why="S11: an officer records cooperation on a project the own organization coordinates, no other",
    ),
    Row(
        "partners:link_project",
        "/partners/{partner}/projects/",
        cells(REFUSED, anonymous=FOUND, officer=FOUND, committee=FOUND),
        other=cells(REFUSED, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={"project": "{project}", "action": "remove"},
        prepare=partners_world,
        why="S11: removing the record follows the same rule",
    ),
    Row("GET /api/partners", "/api/partners", EVERYONE_OK, prepare=partners_world),
    Row("GET /api/partners/{slug}", "/api/partners/{partner}", EVERYONE_OK, prepare=partners_world),
]
