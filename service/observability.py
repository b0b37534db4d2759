"""Request ids, JSON logs (one line per request, never article text) and Prometheus metrics.

Metrics work under several gunicorn workers through prometheus_client's multiprocess mode:
gunicorn_conf.py sets PROMETHEUS_MULTIPROC_DIR before this module is imported anywhere.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid
from datetime import UTC, datetime

from flask import Flask, Response, g, has_request_context, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as prometheus_multiprocess

REQUEST_ID_HEADER = "X-Request-ID"
MAX_REQUEST_ID_CHARS = 64
_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9._:\-]")

log = logging.getLogger("quotes.request")

REQUESTS = Counter(
    "quotes_http_requests_total", "HTTP requests by route, method and status",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "quotes_http_request_duration_seconds", "HTTP request latency by route and status",
    ["route", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)
INFERENCE = Histogram(
    "quotes_inference_seconds", "Pipeline time per document",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)
CHARACTERS = Histogram(
    "quotes_document_characters", "Characters per document",
    buckets=(100, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000),
)
QUOTES = Histogram(
    "quotes_document_quotes", "Quotes found per document",
    buckets=(0, 1, 2, 5, 10, 20, 50, 100, 250),
)


def sanitise_request_id(raw: str | None) -> str:
    """A client's id stripped to safe characters and bounded, or a fresh one."""
    cleaned = _UNSAFE_ID_CHARS.sub("", raw or "")[:MAX_REQUEST_ID_CHARS]
    return cleaned or uuid.uuid4().hex


class JsonFormatter(logging.Formatter):
    """One JSON object per line; request-scoped fields come from `extra` or the request context."""

    _STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "pid": record.process,
        }
        if has_request_context() and "request_id" in g:  # any log line during a request
            entry["request_id"] = g.request_id
        entry.update({k: v for k, v in vars(record).items() if k not in self._STANDARD})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(level: str) -> None:
    """Send every log record to stderr as JSON (idempotent)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in root.handlers:
        if isinstance(handler.formatter, JsonFormatter):
            return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)


def record_document(seconds: float, characters: int, quotes: int) -> None:
    INFERENCE.observe(seconds)
    CHARACTERS.observe(characters)
    QUOTES.observe(quotes)
    g.inference_seconds = g.get("inference_seconds", 0.0) + seconds
    g.documents = g.get("documents", 0) + 1
    g.characters = g.get("characters", 0) + characters
    g.quotes = g.get("quotes", 0) + quotes


def metrics_response() -> Response:
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        prometheus_multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    # content_type, not mimetype: Flask would append a second `charset=utf-8` to a text/ type
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    configure_logging(app.config["QUOTES"].log_level)

    @app.before_request
    def start_request() -> None:
        g.started = time.perf_counter()
        g.request_id = sanitise_request_id(request.headers.get(REQUEST_ID_HEADER))

    @app.after_request
    def finish_request(response: Response) -> Response:
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        route = request.url_rule.rule if request.url_rule else "unmatched"
        status = str(response.status_code)
        REQUESTS.labels(route, request.method, status).inc()
        LATENCY.labels(route, request.method, status).observe(elapsed)
        response.headers[REQUEST_ID_HEADER] = g.get("request_id") or sanitise_request_id(None)
        if "inference_seconds" in g:
            response.headers["X-Inference-Time"] = f"{g.inference_seconds * 1000:.1f}"
        fields = {
            "request_id": response.headers[REQUEST_ID_HEADER],
            "method": request.method, "path": request.path, "route": route,
            "status": response.status_code, "latency_ms": round(elapsed * 1000, 1),
            "bytes_in": request.content_length,
        }
        # Sizes and counts only: the article text itself never reaches the logs.
        for name in ("documents", "characters", "quotes"):
            if name in g:
                fields[name] = g.get(name)
        if "inference_seconds" in g:
            fields["inference_ms"] = round(g.inference_seconds * 1000, 1)
        log.info("request", extra=fields)
        return response
