"""POST /v1/quotes and POST /v1/quotes/batch."""

from __future__ import annotations

import json
import time
from typing import Any

from flask import Blueprint, current_app, request
from marshmallow import ValidationError

from service import config, observability
from service.api.render import DocumentResult, document_result, render, render_batch
from service.errors import (
    body_too_large,
    invalid,
    malformed,
    not_ready,
    too_large,
    unsupported_media_type,
)
from service.schemas import BatchSchema, DocumentSchema

bp = Blueprint("quotes", __name__)
document_schema = DocumentSchema()
batch_schema = BatchSchema()


def read_json() -> Any:
    if not request.is_json:
        raise unsupported_media_type(
            "The body must be JSON, sent with 'Content-Type: application/json'."
        )
    # Werkzeug refuses a declared Content-Length over MAX_CONTENT_LENGTH, but silently cuts a
    # chunked body at it; MAX_CONTENT_LENGTH is one byte over the limit so that a cut shows.
    return parse_json(request.get_data(cache=False))


def parse_json(body: bytes) -> Any:
    """A request body (or one line of a batch file) -> its JSON value.

    Raises ApiError: 413 over MAX_BODY_BYTES, 400 for invalid UTF-8 or JSON."""
    if len(body) > config.MAX_BODY_BYTES:
        raise body_too_large()
    try:
        # Strict UTF-8 (RFC 8259): json.loads(bytes) would let UTF-8-encoded surrogates through.
        return json.loads(body.decode("utf-8"))
    except RecursionError as exc:
        raise malformed("The JSON body is nested too deeply.") from exc
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError both land here
        raise malformed(f"The body is not valid JSON: {exc}") from exc


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
        raise invalid(_flatten(exc.messages)) from exc


def _pipeline() -> Any:
    loader = current_app.extensions["quotes_loader"]
    pipeline = loader.wait(current_app.config["QUOTES"].ready_wait_seconds)
    if pipeline is None:
        detail = "The models are still loading; retry shortly."
        if loader.error:
            detail = "The models failed to load; see the service logs."
        raise not_ready(detail)
    return pipeline


def load_document(payload: Any) -> dict[str, Any]:
    """A parsed JSON value -> the document of POST /v1/quotes, by the same limits and schema.

    Raises ApiError: 413 for a text over the limit, 422 (with `errors`) for a schema failure."""
    _check_text_size(payload, "text")
    return _load(document_schema, payload)


def analyse_document(pipeline: Any, document: dict[str, Any]) -> DocumentResult:
    """A loaded document -> what POST /v1/quotes answers (render() makes it JSON)."""
    text = document["text"]
    quotes = pipeline.analyse(text, title=document.get("title"), targets=document.get("targets"))
    return document_result(document.get("id"), text, quotes, pipeline.models[0])


def _analyse(pipeline: Any, document: dict[str, Any]) -> DocumentResult:
    started = time.perf_counter()
    result = analyse_document(pipeline, document)
    observability.record_document(
        time.perf_counter() - started, len(document["text"]), len(result.quotes)
    )
    return result


@bp.post("/v1/quotes")
def quotes() -> dict[str, Any]:
    document = load_document(read_json())
    return render(_analyse(_pipeline(), document))


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
    return render_batch([_analyse(pipeline, document) for document in batch["documents"]])
