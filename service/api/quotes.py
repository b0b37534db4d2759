"""POST /v1/quotes and POST /v1/quotes/batch."""

from __future__ import annotations

import json
import time
from typing import Any

from flask import Blueprint, current_app, request
from marshmallow import ValidationError

from service import config, observability
from service.api.render import render_document
from service.errors import NOT_READY, VALIDATION, ApiError, body_limit_detail, too_large
from service.schemas import BatchSchema, DocumentSchema

bp = Blueprint("quotes", __name__)
document_schema = DocumentSchema()
batch_schema = BatchSchema()


def read_json() -> Any:
    if not request.is_json:
        raise ApiError(415, "The body must be JSON, sent with 'Content-Type: application/json'.")
    # Werkzeug refuses a declared Content-Length over MAX_CONTENT_LENGTH, but silently cuts a
    # chunked body at it; MAX_CONTENT_LENGTH is one byte over the limit so that a cut shows.
    return parse_json(request.get_data(cache=False))


def parse_json(body: bytes) -> Any:
    """A request body (or one line of a batch file) -> its JSON value.

    Raises ApiError: 413 over MAX_BODY_BYTES, 400 for invalid UTF-8 or JSON."""
    if len(body) > config.MAX_BODY_BYTES:
        raise too_large(body_limit_detail())
    try:
        # Strict UTF-8 (RFC 8259): json.loads(bytes) would let UTF-8-encoded surrogates through.
        return json.loads(body.decode("utf-8"))
    except RecursionError as exc:
        raise ApiError(400, "The JSON body is nested too deeply.") from exc
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError both land here
        raise ApiError(400, f"The body is not valid JSON: {exc}") from exc


def _check_text_size(document: Any, where: str) -> int:
    """413 for a text over the limit (before validation, so the limit wins over other errors)."""
    text = document.get("text") if isinstance(document, dict) else None
    if not isinstance(text, str):
        return 0
    if len(text) > config.MAX_TEXT_CHARS:
        raise too_large(
            f"{where} has {len(text)} characters; the limit is {config.MAX_TEXT_CHARS}."
        )
    return len(text)


def _flatten(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    """Marshmallow's nested errors -> {"documents.3.text": ["..."]}."""
    if isinstance(errors, list):
        return {prefix or "_schema": [str(message) for message in errors]}
    flat: dict[str, list[str]] = {}
    for key, value in errors.items():
        flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def _load(schema: Any, payload: Any) -> dict[str, Any]:
    try:
        return schema.load(payload)
    except ValidationError as exc:
        errors = _flatten(exc.messages)
        summary = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
        raise ApiError(
            422, f"The request is invalid. {summary}", type_=VALIDATION, errors=errors
        ) from exc


def _pipeline() -> Any:
    loader = current_app.extensions["quotes_loader"]
    pipeline = loader.wait(current_app.config["QUOTES"].ready_wait_seconds)
    if pipeline is None:
        detail = "The models are still loading; retry shortly."
        if loader.error:
            detail = "The models failed to load; see the service logs."
        raise ApiError(503, detail, type_=NOT_READY, headers={"Retry-After": "5"})
    return pipeline


def load_document(payload: Any) -> dict[str, Any]:
    """A parsed JSON value -> the document of POST /v1/quotes, by the same limits and schema.

    Raises ApiError: 413 for a text over the limit, 422 (with `errors`) for a schema failure."""
    _check_text_size(payload, "text")
    return _load(document_schema, payload)


def analyse_document(pipeline: Any, document: dict[str, Any]) -> dict[str, Any]:
    """A loaded document -> the response object of POST /v1/quotes."""
    text = document["text"]
    quotes = pipeline.analyse(text, title=document.get("title"), targets=document.get("targets"))
    return render_document(document.get("id"), text, quotes, pipeline.models[0])


def _analyse(pipeline: Any, document: dict[str, Any]) -> dict[str, Any]:
    started = time.perf_counter()
    response = analyse_document(pipeline, document)
    observability.record_document(
        time.perf_counter() - started, len(document["text"]), len(response["quotes"])
    )
    return response


@bp.post("/v1/quotes")
def quotes() -> dict[str, Any]:
    document = load_document(read_json())
    return _analyse(_pipeline(), document)


@bp.post("/v1/quotes/batch")
def quotes_batch() -> dict[str, Any]:
    payload = read_json()
    documents = payload.get("documents") if isinstance(payload, dict) else None
    if isinstance(documents, list):
        total = sum(
            _check_text_size(doc, f"documents[{i}].text") for i, doc in enumerate(documents)
        )
        if total > config.MAX_BATCH_CHARS:
            raise too_large(
                f"The batch has {total} characters of text; the limit is {config.MAX_BATCH_CHARS}."
            )
    batch = _load(batch_schema, payload)
    pipeline = _pipeline()
    return {"results": [_analyse(pipeline, document) for document in batch["documents"]]}
