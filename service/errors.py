"""RFC 9457 problem details (application/problem+json) for every error path."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, g, json
from werkzeug.exceptions import HTTPException

from service.config import MAX_BODY_BYTES
from service.observability import sanitise_request_id

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("quotes.errors")

# Problem types with meaning beyond their status code; the rest are "about:blank" (RFC 9457 4.2.1).
VALIDATION = "urn:quotes:problem:validation-error"
TOO_LARGE = "urn:quotes:problem:request-too-large"
NOT_READY = "urn:quotes:problem:not-ready"
UNAUTHORIZED = "urn:quotes:problem:unauthorized"


class ApiError(Exception):
    """An error the API answers with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        type_: str = "about:blank",
        errors: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = type_
        self.errors = errors
        self.headers = headers or {}


def problem(error: ApiError) -> Response:
    body: dict[str, Any] = {
        "type": error.type,
        "title": HTTPStatus(error.status).phrase,
        "status": error.status,
        "detail": error.detail,
        "request_id": g.setdefault("request_id", sanitise_request_id(None)),
    }
    if error.errors is not None:
        body["errors"] = error.errors
    response = Response(json.dumps(body), status=error.status, mimetype=PROBLEM_MEDIA_TYPE)
    response.headers.update(error.headers)
    return response


def too_large(detail: str) -> ApiError:
    return ApiError(413, detail, type_=TOO_LARGE)


def body_limit_detail() -> str:
    return f"The request body exceeds the limit of {MAX_BODY_BYTES} bytes."


def _http_detail(exc: HTTPException) -> str:
    if exc.code == 413:
        return body_limit_detail()
    if exc.code == 404:
        return "No such route; see /openapi.yaml for the API."
    return exc.description or HTTPStatus(exc.code or 500).description


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, problem)

    @app.errorhandler(HTTPException)
    def handle_http_exception(exc: HTTPException) -> Response:
        status = exc.code or 500
        # Keep headers such as Allow (405); the body is replaced by the problem document.
        headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
        type_ = TOO_LARGE if status == 413 else "about:blank"
        return problem(ApiError(status, _http_detail(exc), type_=type_, headers=headers))

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception) -> Response:
        # A bug, not bad input: log it with its traceback (no request body), answer a problem.
        log.exception("unhandled error")
        return problem(ApiError(500, "An internal error occurred; it has been logged."))
