"""Browser tests: Debian's chromium driven by Playwright (Playwright's own browser download
cannot reach its host here), and an app served from a thread for the scripted-pipeline cases."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
MISSING = f"chromium not found at {CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)"


def chromium_found() -> bool:
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """The app on a free local port, answering from threads; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="app-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
