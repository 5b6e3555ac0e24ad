"""What the browser tests of live pages share: waiting until the page listens, and the bound on a live change."""

from __future__ import annotations

from playwright.sync_api import Page, expect

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
