"""Real-browser tests: Playwright (sync API) driving Debian's Chromium.

No browser is ever downloaded: Chromium comes from the system
(`apt-get install chromium`, done by `.ci/run` when missing) and Playwright only
drives it. Pages are served by pytest-django's `live_server`.

The live server needs committed data, so these tests are transactional; Django
flushes every table after each of them. `serialized_rollback=True` brings back, at
the start of each test, what the migrations created (Wagtail's root page, site and
locale, the home page, content types and permissions) — re-saving those rows as
they were then, so the page tree's child counts are fixed afterwards — and
`pytest_runtest_teardown` below puts that, the ten phases and the questionnaires
back after the flush, so the tests that come after find the database exactly as
the session set it up (checked by running the other tests after these:
pytest-django orders transactional tests last, but the restore does not rely on it).
"""

import os
from pathlib import Path

from django.db import connections

from wagtail.models import Page

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.plugin import blocking_manager_key

from phases.content.install import install_phases
from questionnaires.content import install_questionnaires
from tests.factories import PASSWORD

from .helpers import log_in

# Playwright's sync API runs an event loop in this thread; Django would otherwise
# refuse the ORM calls the tests make between two browser actions.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the flush that ends a transactional test, restore the session's data."""
    yield
    if item.get_closest_marker("e2e") is None or nextitem is None:
        # Nothing to restore after the last test: the test database is gone.
        return
    blocker = item.config.stash[blocking_manager_key]
    with blocker.unblock():
        for connection in connections.all(initialized_only=True):
            serialized = getattr(connection, "_test_serialized_contents", None)
            if serialized:
                connection.creation.deserialize_db_from_string(serialized)
        install_phases()
        install_questionnaires()


@pytest.fixture(autouse=True)
def _tree_counts_after_serialized_rollback(transactional_db):
    """Re-count the page tree's children after Django's serialized rollback.

    The rollback re-saves the rows the migrations made as they were then: the home
    page comes back with `numchild=0` although the phases index is below it, and
    Wagtail would answer 404 for every page under it.
    """
    Page.fix_tree(fix_paths=False)


@pytest.fixture
def browser(live_server):
    """Chromium for one test.

    While Playwright runs, its event loop is the thread's running loop, and Django
    then keeps database connections per context instead of per thread: the ORM
    calls a test makes meanwhile open connections of their own. They are closed
    here before Playwright stops, so the flush and the restore after the test run on
    pytest-django's own connection, and no connection outlives the test.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: apt-get install chromium "
            "(the e2e tests never download a browser)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        locale="fr-FR",
        timezone_id="Europe/Paris",
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
        reduced_motion="reduce",
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    # A JavaScript error on any page of a journey is a bug too.
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def login(page):
    def login_as(username, password=PASSWORD):
        log_in(page, username, password)
        return page

    return login_as
