"""Where each app declares what it holds about an organization (S11: export and delete its own data).

An app that stores data of or about an organization registers, in its AppConfig.ready():

    from icor.privacy.registry import register_eraser, register_exporter

    register_exporter("projects", export_projects)   # (organization) -> JSON-serialisable value
    register_eraser("projects", erase_projects)      # (organization) -> {"what": count, ...}

An exporter returns everything the app holds for that organization. An eraser removes or
neutralises the personal part (names, contacts, free text about persons) and keeps what
the record needs (decisions, counted ballots, supports), and returns counts for the audit
event. Both run inside the transaction of the export or erasure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from icor.registry.models import Organization

Exporter = Callable[[Organization], Any]
Eraser = Callable[[Organization], dict[str, int]]

_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}


def register_exporter(name: str, exporter: Exporter) -> None:
    _register(_exporters, name, exporter, "exporter")


def register_eraser(name: str, eraser: Eraser) -> None:
    _register(_erasers, name, eraser, "eraser")


def _register(table: dict[str, Any], name: str, function: Any, kind: str) -> None:
    if not name or not name.replace("_", "").isalnum():
        raise ValueError(f"A privacy {kind} needs a plain name (letters, digits, _), not {name!r}.")
    known = table.get(name)
    if known is not None and known is not function:
        raise ValueError(f"A privacy {kind} named {name!r} is registered already.")
    table[name] = function


def exporters() -> dict[str, Exporter]:
    return dict(sorted(_exporters.items()))


def erasers() -> dict[str, Eraser]:
    return dict(sorted(_erasers.items()))
