"""The live channel (Server-Sent Events): only logged-in accounts listen; anonymous visitors get 403
(not a redirect: a browser's EventSource cannot follow one to a login page). Events carry ids
and counts only, and the page each browser then fetches checks its own permissions."""

from __future__ import annotations

from tests.security.matrix import FORBIDDEN, NOT_FOUND, OK, Row, cells, conference_scoped
from tests.security.matrix_conferences import conference_world

ROWS = [
    Row(
        "live:stream",
        "/live/conference-{conference}/",
        conference_scoped(cells(OK, anonymous=FORBIDDEN)),
        prepare=conference_world,
        why="the stream itself is not consumed here; tests/live prove what it sends",
    ),
    Row(
        "live:stream",
        "/live/Not_A_Channel/",
        cells(NOT_FOUND, anonymous=FORBIDDEN),
        why="an unknown channel name is refused before anything is streamed",
    ),
]
