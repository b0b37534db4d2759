"""Fixtures: an in-process app (test client) and a live gunicorn server on a free port."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

from service import create_app
from service.config import Config
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that talks to the live gunicorn server carries the `live` marker."""
    for item in items:
        if "live_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.live)
