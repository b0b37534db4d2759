"""Errors by kind: the kind alone decides status, problem type and headers."""

from __future__ import annotations

import threading
from http import HTTPStatus

import pytest

from service import create_app, errors
from service.api.spec import DOCUMENTED_PROBLEMS
from service.config import Config
from service.errors import RETRY_AFTER_SECONDS, Kind
from tests.support.doubles import ScriptedPipeline


def test_every_kind_has_one_status_and_every_documented_status_a_kind() -> None:
    assert set(errors.STATUS) == set(Kind)
    assert len(set(errors.STATUS.values())) == len(Kind)
    assert set(DOCUMENTED_PROBLEMS) <= {int(status) for status in errors.STATUS.values()}


@pytest.mark.parametrize(("error", "status", "type_"), [
    (errors.malformed("x"), 400, "about:blank"),
    (errors.unauthorized("x"), 401, "urn:quotes:problem:unauthorized"),
    (errors.too_large("x"), 413, "urn:quotes:problem:request-too-large"),
    (errors.unsupported_media_type("x"), 415, "about:blank"),
    (errors.invalid({"text": ["bad"]}), 422, "urn:quotes:problem:validation-error"),
    (errors.not_ready("x"), 503, "urn:quotes:problem:not-ready"),
])
def test_helpers_take_status_and_type_from_the_kind(error, status: int, type_: str) -> None:
    assert error.status == status and errors.problem_type(error.kind) == type_


def test_invalid_names_each_field_in_the_detail() -> None:
    error = errors.invalid({"documents.2.text": ["Too long.", "Blank."], "id": ["Not a str."]})
    assert error.detail == (
        "The request is invalid. documents.2.text: Too long. Blank.; id: Not a str."
    )
    assert error.errors == {"documents.2.text": ["Too long.", "Blank."], "id": ["Not a str."]}


def test_unauthorized_challenges_and_says_when_the_key_is_wrong() -> None:
    assert errors.unauthorized("x").headers == {"WWW-Authenticate": 'Bearer realm="quotes"'}
    wrong = errors.unauthorized("x", invalid_token=True).headers["WWW-Authenticate"]
    assert wrong == 'Bearer realm="quotes", error="invalid_token"'


def test_every_not_ready_answer_has_the_one_retry_after(make_client) -> None:
    gate = threading.Event()
    app = create_app(Config(ready_wait_seconds=0), pipeline=ScriptedPipeline(gate=gate))
    loading = app.test_client()
    try:
        answers = [loading.get("/readyz"), loading.post("/v1/quotes", json={"text": "Hi."})]
    finally:
        gate.set()
    failed = make_client(ScriptedPipeline(error=RuntimeError("no model")))
    answers += [failed.get("/readyz"), failed.post("/v1/quotes", json={"text": "Hi."})]
    for answer in answers:
        assert answer.status_code == HTTPStatus.SERVICE_UNAVAILABLE
        assert answer.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert answer.json and answer.json["type"] == "urn:quotes:problem:not-ready"


def test_werkzeug_errors_become_our_kinds(make_client) -> None:
    client = make_client(ScriptedPipeline())
    wrong_method = client.get("/v1/quotes")
    assert wrong_method.status_code == 405 and "POST" in wrong_method.headers["Allow"]
    assert wrong_method.json and wrong_method.json["type"] == "about:blank"
    missing = client.get("/v2")
    assert missing.status_code == 404
    assert missing.json and "openapi.yaml" in missing.json["detail"]
