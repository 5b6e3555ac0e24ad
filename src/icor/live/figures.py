"""Small figures a server process adds to an event before passing it to its browsers.

An app registers, per event name, a function that reads the figures an event's data points to
(for a ballot: how many have voted); the hub calls it once per process and delivery, in a
thread of its own, and adds the answer to the event. Browsers then update the page from the
event instead of each fetching the figures (10,000 browsers, one query instead of 10,000
requests). Registered in AppConfig.ready(), so that this app imports no app above it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import close_old_connections

logger = logging.getLogger(__name__)
Figures = Callable[[dict[str, Any]], dict[str, Any] | None]
_registered: dict[str, Figures] = {}


def register_figures(event: str, figures: Figures) -> None:
    _registered[event] = figures


def figures_for(event: str) -> Figures | None:
    return _registered.get(event)


def read_figures(figures: Figures, data: dict[str, Any]) -> dict[str, Any]:
    """The event's data with the figures added; unchanged when they cannot be read, since a
    browser without them fetches them itself. Runs in the hub's thread, which keeps its
    database connection like a request thread (CONN_MAX_AGE)."""
    close_old_connections()
    try:
        return {**data, **(figures(data) or {})}
    except Exception:
        logger.warning("live figures for %s could not be read", data, exc_info=True)
        return data
    finally:
        close_old_connections()
