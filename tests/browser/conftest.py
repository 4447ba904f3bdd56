"""Reusable browser fixtures: a real headless Chromium (Debian's) driven by Playwright's sync API against
pytest-django's ``live_server``, and an axe-core accessibility check.

Use in any browser test::

    pytestmark = pytest.mark.browser

    def test_something(transactional_db, browser_page, live_server):
        browser_page.goto(live_server.url + "/en/")
        assert_accessible(browser_page)          # no serious or critical axe-core violations

``browser_page`` opens pages relative to the live server (``browser_page.goto("/en/")`` works), refuses
every request to another host (nothing may load from outside) and fails the test on JavaScript errors.
``new_browser_page(**context_options)`` makes more pages (other viewports, JavaScript off).
``session_cookie(user, live_server.url)`` (in a fixture, before the browser starts) and
``log_in(page, cookie)`` sign a user in. ``run_axe(page)`` returns the violations;
``assert_accessible(page)`` fails on serious/critical ones; ``screenshot(page, name)`` saves a PNG under
``test-artifacts/``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM (used by tests and fixtures
# alongside it) refuses to run in a thread with a running loop unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__browser-tests__/axe.min.js"  # answered by the test browser itself, never by the portal
ARTIFACTS = ROOT / "test-artifacts"
SERIOUS = ("serious", "critical")


@contextlib.contextmanager
def launch_chromium():
    """Debian's Chromium with the one set of flags every browser test uses (for a test that must start it
    half-way, after its own database work; otherwise use the ``browser`` fixture)."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
    # Database connections opened while Playwright's event loop ran belong to that context: close them,
    # or the test database cannot be dropped at the end of the run.
    connections.close_all()


@pytest.fixture
def browser():
    """A Chromium for one test. Function-scoped on purpose: Playwright's sync API keeps an event loop
    running in this thread while it is open, so it must not outlive the test (ordinary tests expect no
    running loop). Request database fixtures *before* this one so that data is written before the loop
    starts."""
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture
def new_browser_page(browser, live_server):
    """A factory of pages in fresh browser contexts; every context is closed after the test."""
    contexts = []
    problems: list[str] = []
    origin = live_server.url

    def make(**options):
        options.setdefault("base_url", origin)
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)

        def guard(route):
            if route.request.url == origin + AXE_PATH:
                # axe-core served as a same-origin script, so the portal's Content Security Policy
                # (script-src 'self', no inline script) stays on while the check runs.
                route.fulfill(path=str(AXE_JS), content_type="application/javascript")
            elif route.request.url.startswith(origin) or route.request.url.startswith("data:"):
                route.continue_()
            else:
                problems.append(f"request to another host: {route.request.url}")
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.on("pageerror", lambda exc: problems.append(f"JavaScript error: {exc}"))
        page.on(
            "response",
            lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 500 else None,
        )
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, problems


@pytest.fixture
def browser_page(new_browser_page):
    return new_browser_page()


def run_axe(page, *, context: str = "document") -> list[dict]:
    """Inject axe-core (from node_modules) into ``page`` and return its violations."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run bin/setup (npm axe-core)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        origin = "/".join(page.url.split("/", 3)[:3])
        page.add_script_tag(url=origin + AXE_PATH)
    result = page.evaluate(
        "async (ctx) => await axe.run(ctx === 'document' ? document : ctx, {resultTypes: ['violations']})",
        context,
    )
    return result["violations"]


def assert_accessible(page, *, impacts=SERIOUS) -> None:
    """Fail with a readable list if axe-core finds violations of the given impact levels."""
    bad = [v for v in run_axe(page) if v.get("impact") in impacts]
    report = [
        f"{v['impact']}: {v['id']} — {v['help']} — {[n['target'] for n in v['nodes'][:5]]}" for v in bad
    ]
    assert not bad, f"{page.url}:\n" + "\n".join(report)


def session_cookie(user, live_server_url: str) -> dict:
    """A signed-in session for ``user`` as a Playwright cookie. It writes the session to the database, so
    call it from a fixture that runs before the browser starts; then ``page.context.add_cookies([cookie])``."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": live_server_url}


def log_in(page, cookie: dict) -> None:
    """Sign ``page``'s browser context in with a cookie from :func:`session_cookie`."""
    page.context.add_cookies([cookie])


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ (git-ignored) and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
