"""Optional API keys: with QUOTES_API_KEYS set, every route but the probes, metrics and the pages
for people (the demo, /docs and their static files) needs one."""

from __future__ import annotations

import hmac

from flask import Flask, request

from service.errors import unauthorized

OPEN_PATHS = frozenset({"/livez", "/readyz", "/metrics"})
# The pages hold no data: a browser opens them without a key, and the API requests they make carry
# the key the user types (service/api/demo.py).
PAGE_ENDPOINTS = frozenset({"demo.page", "demo.docs", "demo.swagger_ui_file", "static"})


def _bytes(value: str) -> bytes:
    return value.encode("utf-8", "surrogateescape")


def key_is_valid(presented: str, keys: tuple[str, ...]) -> bool:
    """Compare against every key in constant time, without stopping at the first match."""
    candidate = _bytes(presented)
    matches = [hmac.compare_digest(candidate, _bytes(key)) for key in keys]
    return any(matches)


def init_app(app: Flask) -> None:
    keys = app.config["QUOTES"].api_keys
    if not keys:
        return

    @app.before_request
    def require_api_key() -> None:
        if request.path in OPEN_PATHS or request.endpoint in PAGE_ENDPOINTS:
            return
        scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not presented.strip():
            raise unauthorized("This service needs an API key: 'Authorization: Bearer <key>'.")
        if not key_is_valid(presented.strip(), keys):
            raise unauthorized("The API key is not valid.", invalid_token=True)
