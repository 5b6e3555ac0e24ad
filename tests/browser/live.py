"""What the browser tests of live pages share: a real `icor serve` on the test database, waiting
until the page listens, and the bound on a live change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from tests.live.servers import icor_server

# pytest-django's live server is a threaded WSGI server that collects a streaming response whole,
# so an endless event stream never reaches the browser there: live pages need `icor serve`.
SERVED_BY_ICOR = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the ASGI server process that streams the live events must share "
        "the test database, and SQLite's test database lives in the memory of the test process",
    ),
]


@pytest.fixture(name="base_url")
def icor_serve_base_url(transactional_db: None) -> Iterator[str]:
    """The pages come from a real ASGI server process on the test database, not the live server.
    A test module takes it as its `base_url` by importing it."""
    with icor_server({"ICOR_LIVE_BACKEND": "postgres"}) as url:
        yield url


# Bound on every wait for a live update: the page must change within this time, without a reload.
LIVE_TIMEOUT_MS = 5000

# Counts the `ready` events of the page's live streams on <html data-live-ready>, so that the test
# acts only once the browser listens. Installed before any page script, like the CSP reporter.
COUNT_READY_STREAMS = """
(() => {
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("ready", () => {
        const root = document.documentElement;
        root.dataset.liveReady = String(Number(root.dataset.liveReady || 0) + 1);
      });
    }
  };
})();
"""


def listening(page: Page) -> Page:
    """Wait until every live stream of the page has said `ready`."""
    streams = page.evaluate(
        "new Set([...document.querySelectorAll('[data-live-channel]')].map(e => e.dataset.liveChannel)).size"
    )
    expect(page.locator("html")).to_have_attribute("data-live-ready", str(streams), timeout=LIVE_TIMEOUT_MS)
    return page
