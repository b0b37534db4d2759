"""The error catalogue of issue 2 over HTTP against gunicorn: every bad input gets its
RFC 9457 problem+json (4xx), never a 500, and the server keeps serving."""

from __future__ import annotations

import json

import pytest
import requests

from service import config
from tests.support.http import VALID, assert_problem, post, raw_chunked_post
from tests.support.spec_check import assert_matches


@pytest.mark.parametrize("data", [
    '{"text": "unterminated', "{'text': 'single quotes'}", "", "{} {}", "NaN-ish",
    b'{"text": "caf\xe9 latin-1, not UTF-8"}',
    "[" * 100_000 + "]" * 100_000,
], ids=["truncated", "not-json", "empty", "two-values", "garbage", "invalid-utf8", "deep"])
def test_malformed_json_is_400(live_server, data) -> None:
    assert_problem(post(live_server, "/v1/quotes", data=data), 400)


@pytest.mark.parametrize("headers", [
    {}, {"Content-Type": "text/plain"}, {"Content-Type": "application/x-www-form-urlencoded"},
])
def test_wrong_content_type_is_415(live_server, headers) -> None:
    assert_problem(post(live_server, "/v1/quotes", VALID, headers=headers), 415)


@pytest.mark.parametrize(("body", "field"), [
    ({"text": ""}, "text"),
    ({"text": " \n\t\u3000 "}, "text"),
    ({"text": 5}, "text"),
    ({"text": None}, "text"),
    ({"title": "no text"}, "text"),
    ({"text": "ok", "id": 7}, "id"),
    ({"text": "ok", "id": "x" * 201}, "id"),
    ({"text": "ok", "title": ["a"]}, "title"),
    ({"text": "ok", "title": "t" * 1001}, "title"),
    ({"text": "ok", "targets": "Huawei"}, "targets"),
    ({"text": "ok", "targets": []}, "targets"),
    ({"text": "ok", "targets": [f"t{i}" for i in range(9)]}, "targets"),
    ({"text": "ok", "targets": ["x" * 201]}, "targets.0"),
    ({"text": "ok", "targets": [3]}, "targets.0"),
    ({"text": "ok \ud800 lone surrogate"}, "text"),
    ({"text": "ok", "lang": "en"}, "lang"),
    ([VALID], "_schema"),
    ("just a string", "_schema"),
])
def test_invalid_document_is_422_naming_the_field(live_server, body, field) -> None:
    problem = assert_problem(post(live_server, "/v1/quotes", body), 422)
    assert field in problem["errors"], problem
    assert field in problem["detail"]


@pytest.mark.parametrize(("body", "field"), [
    ({}, "documents"),
    ({"documents": []}, "documents"),
    ({"documents": [VALID] * 33}, "documents"),
    ({"documents": VALID}, "documents"),
    ({"documents": [VALID, VALID, {"text": "  "}]}, "documents.2.text"),
    ({"documents": [VALID, {"text": "ok", "extra": 1}]}, "documents.1.extra"),
    ({"documents": [VALID], "options": {}}, "options"),
])
def test_invalid_batch_is_422_with_the_document_index(live_server, body, field) -> None:
    problem = assert_problem(post(live_server, "/v1/quotes/batch", body), 422)
    assert field in problem["errors"], problem
    assert field in problem["detail"]


def test_text_over_the_limit_is_413_stating_the_limit(live_server) -> None:
    body = {"text": "word " * (config.MAX_TEXT_CHARS // 5) + "!"}
    problem = assert_problem(post(live_server, "/v1/quotes", body), 413)
    assert str(config.MAX_TEXT_CHARS) in problem["detail"]
    batch = {"documents": [VALID, body]}
    problem = assert_problem(post(live_server, "/v1/quotes/batch", batch), 413)
    assert "documents[1]" in problem["detail"]


def test_batch_over_its_total_is_413(live_server) -> None:
    document = {"text": "x" * (config.MAX_BATCH_CHARS // 3)}
    problem = assert_problem(post(live_server, "/v1/quotes/batch", {"documents": [document] * 4}),
                             413)
    assert str(config.MAX_BATCH_CHARS) in problem["detail"]


def test_body_over_the_limit_is_413(live_server) -> None:
    data = json.dumps({"text": "ok", "id": "x" * config.MAX_BODY_BYTES})
    problem = assert_problem(post(live_server, "/v1/quotes", data=data), 413)
    assert str(config.MAX_BODY_BYTES) in problem["detail"]


def test_chunked_body_without_length_is_read_and_bounded(live_server) -> None:
    status, _ = raw_chunked_post(live_server, "/v1/quotes", json.dumps(VALID).encode())
    assert status == 200
    oversize = json.dumps({"text": "ok", "id": "y" * (config.MAX_BODY_BYTES + 10)}).encode()
    status, payload = raw_chunked_post(live_server, "/v1/quotes", oversize)
    assert status == 413
    assert str(config.MAX_BODY_BYTES) in json.loads(payload)["detail"]


def test_unknown_route_is_404_and_wrong_method_405(live_server) -> None:
    assert_problem(requests.get(f"{live_server.url}/v2/quotes", timeout=10), 404)
    assert_problem(requests.delete(f"{live_server.url}/livez", timeout=10), 405)
    wrong = requests.get(f"{live_server.url}/v1/quotes", timeout=10)
    assert_problem(wrong, 405)
    assert "POST" in wrong.headers["Allow"]


def test_still_serving_after_the_catalogue(live_server) -> None:
    response = post(live_server, "/v1/quotes", VALID)
    assert response.status_code == 200
    assert_matches(response.json(), "QuotesResponse")
