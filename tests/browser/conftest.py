"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Every page opened through `open_page` records console errors, Content-Security-Policy
violations and failed requests in `problems`, so a test can assert the page ran clean.
Screenshots are written to docs/screenshots/ only when ICOR_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

from icor.charter.services import load_founding_resolution
from icor.registry.services import load_seed_registry

CHROMIUM = Path("/usr/bin/chromium")
# The machine reaches no network: without these flags Chromium's background connections are
# refused and it misbehaves.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = ViewportSize(width=1280, height=900)
PHONE = ViewportSize(width=390, height=844)

# Reported from the page to Python; registered before any page script runs, so CSP cannot block it.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""

DESKTOP = ViewportSize(width=1280, height=900)
PHONE = ViewportSize(width=390, height=844)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: run `make browser-deps` (apt-get install chromium)")
    # Playwright's sync API leaves its event loop marked as running on this thread, which Django
    # takes for an async context. The tests' ORM calls are plain blocking calls, so the check is
    # lifted for this package only and restored for the rest of the suite.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def base_url(live_server: Any) -> str:
    return str(live_server.url)


@pytest.fixture
def registry(transactional_db: None) -> None:
    """The 63 member organizations of the seed and the Founding Resolution, committed for the server."""
    load_seed_registry()
    load_founding_resolution()


@pytest.fixture
def problems() -> list[str]:
    return []


def wait_for_requests_in_flight(live_server: Any) -> None:
    """Let the server finish every request a closed page left running.

    The live server lives for the whole run and, on in-memory SQLite, shares the test's connection: a
    request still reading when the test's database is flushed would lock the tables it reads.
    """
    httpd = getattr(live_server.thread, "httpd", None)
    threads = getattr(httpd, "_threads", None)
    # socketserver keeps a list of its threads only when it waits for them at close (else _NoThreads).
    for thread in list(threads) if isinstance(threads, list) else []:
        thread.join(timeout=30)


@pytest.fixture
def open_page(
    browser: Browser, base_url: str, live_server: Any, problems: list[str]
) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh English context; `viewport` defaults to a desktop window."""
    contexts = []

    def open_(viewport: ViewportSize = DESKTOP, **options: Any) -> Page:
        context = browser.new_context(base_url=base_url, viewport=viewport, locale="en-US", **options)
        contexts.append(context)
        context.expose_function("reportCspViolation", lambda text: problems.append(f"CSP: {text}"))
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
        page.on(
            "response",
            lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )
        return page

    yield open_
    for context in contexts:
        context.close()
    wait_for_requests_in_flight(live_server)


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    return open_page()


@pytest.fixture
def screenshot() -> Callable[..., None]:
    """Save what the window shows (or the whole page) into docs/screenshots/ when ICOR_SCREENSHOTS=1."""

    def take(page: Page, name: str, *, full_page: bool = False) -> None:
        if os.environ.get("ICOR_SCREENSHOTS") == "1":
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT_DIR / name), full_page=full_page)

    return take


@pytest.fixture
def log_in(base_url: str) -> Callable[[Page, Any], Page]:
    """Log a page's browser context in as `user` with a session cookie instead of typing a password.

    Officers and committee accounts still need their TOTP authenticator (`tests.factories.with_totp`).
    """

    def log_in_(page: Page, user: Any) -> Page:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])
        return page

    return log_in_
