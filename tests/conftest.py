"""Fixtures: an in-process app (test client), a live gunicorn server on a free port and a
headless browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

from service import create_app
from service.config import Config
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, MISSING, chromium_found
from tests.support.server import LiveServer, start_server, stop_server


@pytest.fixture
def make_client():
    """make_client(pipeline, **config) -> a Flask test client whose models are already loaded."""

    def make(pipeline: object, **settings: Any) -> FlaskClient:
        app = create_app(Config(**settings), pipeline=pipeline)
        app.extensions["quotes_loader"].thread.join(timeout=10)
        return app.test_client()

    return make


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """gunicorn with the real pipeline and 2 workers, shared by the whole session."""
    server = start_server(tmp_path_factory.mktemp("live") / "gunicorn.log")
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian chromium under Playwright; the test skips where chromium is missing."""
    if not chromium_found():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (no sessionStorage carried over) and page; console errors and
    uncaught exceptions are collected in page.problems."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that talks to the live gunicorn server carries the `live` marker."""
    for item in items:
        if "live_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.live)
