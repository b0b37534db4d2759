"""RFC 9457 problem details (application/problem+json) for every error path.

An error is raised by its kind (`invalid(...)`, `not_ready(...)`, ...); the kind alone decides
the status, the problem type and the headers, through the maps below.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, g, json
from werkzeug.exceptions import HTTPException

from service.config import MAX_BODY_BYTES
from service.observability import sanitise_request_id
from service.schemas import ProblemSchema

PROBLEM_MEDIA_TYPE = "application/problem+json"
# Seconds a client should wait before retrying while the models load (503 not_ready).
RETRY_AFTER_SECONDS = 5
CHALLENGE = 'Bearer realm="quotes"'
log = logging.getLogger("quotes.errors")
PROBLEM = ProblemSchema()


class Kind(StrEnum):
    """What went wrong, in the client's terms (a typed kind's value names its problem type)."""

    MALFORMED = "malformed"
    UNAUTHORIZED = "unauthorized"
    NOT_FOUND = "not-found"
    METHOD_NOT_ALLOWED = "method-not-allowed"
    TOO_LARGE = "request-too-large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type"
    INVALID = "validation-error"
    INTERNAL = "internal"
    NOT_READY = "not-ready"


STATUS: dict[Kind, HTTPStatus] = {
    Kind.MALFORMED: HTTPStatus.BAD_REQUEST,
    Kind.UNAUTHORIZED: HTTPStatus.UNAUTHORIZED,
    Kind.NOT_FOUND: HTTPStatus.NOT_FOUND,
    Kind.METHOD_NOT_ALLOWED: HTTPStatus.METHOD_NOT_ALLOWED,
    Kind.TOO_LARGE: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    Kind.UNSUPPORTED_MEDIA_TYPE: HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
    Kind.INVALID: HTTPStatus.UNPROCESSABLE_ENTITY,
    Kind.INTERNAL: HTTPStatus.INTERNAL_SERVER_ERROR,
    Kind.NOT_READY: HTTPStatus.SERVICE_UNAVAILABLE,
}
KIND_OF_STATUS = {int(status): kind for kind, status in STATUS.items()}
# Kinds with meaning beyond their status get a problem type of their own (urn:quotes:problem:
# <kind>); the rest are "about:blank" (RFC 9457 4.2.1).
TYPED = frozenset({Kind.UNAUTHORIZED, Kind.TOO_LARGE, Kind.INVALID, Kind.NOT_READY})
HEADERS: dict[Kind, dict[str, str]] = {
    Kind.UNAUTHORIZED: {"WWW-Authenticate": CHALLENGE},
    Kind.NOT_READY: {"Retry-After": str(RETRY_AFTER_SECONDS)},
}


def problem_type(kind: Kind) -> str:
    return f"urn:quotes:problem:{kind}" if kind in TYPED else "about:blank"


class ApiError(Exception):
    """An error the API answers with a problem document; `headers` adds to the kind's own."""

    def __init__(
        self,
        kind: Kind,
        detail: str,
        *,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.status = STATUS[kind]
        self.detail = detail
        self.errors = errors
        self.headers = HEADERS.get(kind, {}) | (headers or {})


def malformed(detail: str) -> ApiError:
    return ApiError(Kind.MALFORMED, detail)


def unauthorized(detail: str, *, invalid_token: bool = False) -> ApiError:
    """401 with a Bearer challenge; `invalid_token` says a key was sent but is wrong (RFC 6750)."""
    if not invalid_token:
        return ApiError(Kind.UNAUTHORIZED, detail)
    challenge = CHALLENGE + ', error="invalid_token"'
    return ApiError(Kind.UNAUTHORIZED, detail, headers={"WWW-Authenticate": challenge})


def too_large(detail: str) -> ApiError:
    return ApiError(Kind.TOO_LARGE, detail)


def body_too_large() -> ApiError:
    return too_large(f"The request body exceeds the limit of {MAX_BODY_BYTES} bytes.")


def unsupported_media_type(detail: str) -> ApiError:
    return ApiError(Kind.UNSUPPORTED_MEDIA_TYPE, detail)


def invalid(errors: dict[str, list[str]]) -> ApiError:
    """422 naming each field ("documents.3.text") with its messages."""
    summary = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
    return ApiError(Kind.INVALID, f"The request is invalid. {summary}", errors=errors)


def not_ready(detail: str) -> ApiError:
    return ApiError(Kind.NOT_READY, detail)


def problem_body(error: ApiError, request_id: str | None = None) -> dict[str, Any]:
    """The RFC 9457 problem document of `error` (ProblemSchema); a batch job's per-document
    problem has no request, so no request_id."""
    body: dict[str, Any] = {
        "type": problem_type(error.kind),
        "title": error.status.phrase,
        "status": error.status,
        "detail": error.detail,
    }
    if request_id is not None:
        body["request_id"] = request_id
    if error.errors is not None:
        body["errors"] = error.errors
    return PROBLEM.dump(body)


def problem(error: ApiError) -> Response:
    body = problem_body(error, g.setdefault("request_id", sanitise_request_id(None)))
    response = Response(json.dumps(body), status=error.status, mimetype=PROBLEM_MEDIA_TYPE)
    response.headers.update(error.headers)
    return response


def _from_http(exc: HTTPException) -> ApiError:
    """Werkzeug's own errors (routing, MAX_CONTENT_LENGTH, a client gone mid-body) as our
    kinds, keeping headers such as Allow (405); another 4xx is malformed, anything else internal."""
    code = exc.code or 500
    kind = KIND_OF_STATUS.get(code, Kind.MALFORMED if code < 500 else Kind.INTERNAL)
    if kind is Kind.TOO_LARGE:
        return body_too_large()
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    detail = exc.description or STATUS[kind].description
    if kind is Kind.NOT_FOUND:
        detail = "No such route; see /openapi.yaml for the API."
    return ApiError(kind, detail, headers=headers)


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, problem)

    @app.errorhandler(HTTPException)
    def handle_http_exception(exc: HTTPException) -> Response:
        return problem(_from_http(exc))

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception) -> Response:
        # A bug, not bad input: log it with its traceback (no request body), answer a problem.
        log.exception("unhandled error")
        return problem(ApiError(Kind.INTERNAL, "An internal error occurred; it has been logged."))
