"""Optional API keys (QUOTES_API_KEYS): Bearer auth on every route but probes and metrics."""

from __future__ import annotations

import logging

import pytest

from service.auth import key_is_valid
from tests.support.doubles import ScriptedPipeline

KEYS = ("alpha-key-1", "beta-key-2")


@pytest.fixture
def client(make_client):
    return make_client(ScriptedPipeline(), api_keys=KEYS)


@pytest.mark.parametrize("path", ["/v1/info", "/openapi.yaml", "/nowhere"])
def test_routes_need_a_key(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.json["request_id"] == response.headers["X-Request-ID"]


def test_quotes_need_a_valid_key(client) -> None:
    body = {"text": "She said yes."}
    assert client.post("/v1/quotes", json=body).status_code == 401
    wrong = client.post("/v1/quotes", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "invalid_token" in wrong.headers["WWW-Authenticate"]
    basic = client.post("/v1/quotes", json=body, headers={"Authorization": "Basic alpha-key-1"})
    assert basic.status_code == 401
    for key in KEYS:
        ok = client.post("/v1/quotes", json=body, headers={"Authorization": f"Bearer {key}"})
        assert ok.status_code == 200


@pytest.mark.parametrize("path", ["/livez", "/readyz", "/metrics"])
def test_probes_and_metrics_stay_open(client, path: str) -> None:
    assert client.get(path).status_code == 200


def test_keys_are_off_by_default(make_client) -> None:
    assert make_client(ScriptedPipeline()).get("/v1/info").status_code == 200


def test_keys_never_logged(client, caplog) -> None:
    with caplog.at_level(logging.DEBUG):
        client.get("/v1/info", headers={"Authorization": "Bearer alpha-key-1"})
        client.get("/v1/info", headers={"Authorization": "Bearer wrong-secret-9"})
    logged = caplog.text + repr([vars(r) for r in caplog.records])
    assert "alpha-key-1" not in logged and "wrong-secret-9" not in logged


def test_key_comparison() -> None:
    assert key_is_valid("beta-key-2", KEYS)
    assert not key_is_valid("beta-key-", KEYS) and not key_is_valid("", KEYS)
    assert not key_is_valid("ünïcode", KEYS)
