"""openapi.yaml, generated from the marshmallow schemas: `python -m service.api.spec openapi.yaml`
(or `make openapi`). A test fails when the committed file differs from this output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from service import config, schemas

JSON = "application/json"
PROBLEM = "application/problem+json"
HTML = "text/html"
DOCUMENTED_PROBLEMS = {
    400: "Malformed JSON",
    401: "Missing or invalid API key (only when QUOTES_API_KEYS is set)",
    413: "Body, text or batch over its limit",
    415: "Content-Type is not application/json",
    422: "Validation failed; `errors` names each field (documents.<index>.<field> in a batch)",
    503: "Models not loaded yet (retry after Retry-After seconds)",
}


def _problems(*codes: int) -> dict[str, Any]:
    return {
        str(code): {
            "description": DOCUMENTED_PROBLEMS[code],
            "content": {PROBLEM: {"schema": "Problem"}},
        }
        for code in codes
    }


def _ok(schema: str | dict[str, Any], description: str, media: str = JSON) -> dict[str, Any]:
    return {"200": {"description": description, "content": {media: {"schema": schema}}}}


# A document accepted alone is accepted, and analysed alike, as a batch of one. As a link it
# gives stateful testers (schemathesis) a way from one operation to the other.
AS_A_BATCH = {
    "AsABatchOfOne": {
        "operationId": "analyseBatch",
        "requestBody": {"documents": ["$request.body"]},
        "description": "The same document as the only one of a batch: the same result.",
        "x-schemathesis": {"merge_body": False},
    }
}


def _post(
    operation_id: str, summary: str, request: str, response: str, links: dict | None = None
) -> dict[str, Any]:
    responses = _ok(response, "Quotes found") | _problems(400, 401, 413, 415, 422, 503)
    if links:
        responses["200"]["links"] = links
    return {
        "post": {
            "operationId": operation_id,
            "summary": summary,
            "requestBody": {"required": True, "content": {JSON: {"schema": request}}},
            "responses": responses,
            "security": [{}, {"bearerAuth": []}],
        }
    }


def _get(summary: str, responses: dict[str, Any], secured: bool = True) -> dict[str, Any]:
    operation: dict[str, Any] = {"summary": summary, "responses": responses}
    if secured:
        operation["security"] = [{}, {"bearerAuth": []}]
    return {"get": operation}


def build_spec() -> APISpec:
    spec = APISpec(
        title="quotes",
        version="1",
        openapi_version="3.0.3",
        plugins=[MarshmallowPlugin()],
        info={
            "description": "Attributed quotes in news text: span, type, cue, speaker, role, "
            "stance. "
            f"Limits: text {config.MAX_TEXT_CHARS} characters, batch "
            f"{config.MAX_BATCH_DOCUMENTS} documents and {config.MAX_BATCH_CHARS} characters, "
            f"body {config.MAX_BODY_BYTES} bytes. Errors are RFC 9457 problem+json.",
        },
    )
    spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    for name in (
        "Document", "Batch", "Span", "Speaker", "Stance", "Quote", "SpeakerSummary", "Model",
        "QuotesResponse", "BatchResponse", "Problem", "Status", "Info",
    ):
        spec.components.schema(name, schema=getattr(schemas, f"{name}Schema"))

    spec.path("/v1/quotes", operations=_post(
        "analyse", "Find the quotes in one article", "Document", "QuotesResponse", AS_A_BATCH
    ))
    spec.path("/v1/quotes/batch", operations=_post(
        "analyseBatch", f"Find the quotes in 1-{config.MAX_BATCH_DOCUMENTS} articles", "Batch",
        "BatchResponse",
    ))
    spec.path("/livez", operations=_get("Liveness", _ok("Status", "Serving"), secured=False))
    spec.path("/readyz", operations=_get(
        "Readiness: 200 once the models are loaded and warmed up",
        _ok("Status", "Ready") | _problems(503), secured=False,
    ))
    spec.path("/v1/info", operations=_get(
        "Service version, models and limits", _ok("Info", "Description") | _problems(401)
    ))
    spec.path("/metrics", operations=_get("Prometheus metrics", {
        "200": {"description": "Prometheus text format",
                "content": {"text/plain": {"schema": {"type": "string"}}}},
    }, secured=False))
    spec.path("/openapi.yaml", operations=_get("This document", {
        "200": {"description": "OpenAPI 3 YAML",
                "content": {"application/yaml": {"schema": {"type": "string"}}}},
    } | _problems(401)))
    # The pages for people (service/api/demo.py): open without a key; their API calls need one.
    page = {"type": "string"}
    spec.path("/", operations=_get(
        "The demo page: an article's quotes highlighted", _ok(page, "The page", HTML),
        secured=False,
    ))
    spec.path("/docs", operations=_get(
        "This document in Swagger UI", _ok(page, "The page", HTML), secured=False
    ))
    return spec


def render() -> str:
    return build_spec().to_yaml()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else config.REPO_ROOT / "openapi.yaml"
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
