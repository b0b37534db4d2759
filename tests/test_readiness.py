"""/livez answers at once; /readyz and the quote routes wait for the models and a warm-up."""

from __future__ import annotations

import subprocess
import sys
import threading

from service import create_app
from service.config import REPO_ROOT, Config
from tests.support.doubles import ScriptedPipeline

PROBLEM = "application/problem+json"


def test_not_ready_until_warm_up_finishes() -> None:
    gate = threading.Event()
    app = create_app(Config(ready_wait_seconds=0), pipeline=ScriptedPipeline(gate=gate))
    client = app.test_client()
    try:
        assert client.get("/livez").status_code == 200
        readyz = client.get("/readyz")
        problem, info = readyz.json, client.get("/v1/info").json
        assert readyz.status_code == 503 and readyz.mimetype == PROBLEM
        assert problem and problem["status"] == 503 and problem["request_id"]
        assert info and info["ready"] is False
        busy = client.post("/v1/quotes", json={"text": "He said so."})
        assert busy.status_code == 503 and busy.headers["Retry-After"]
    finally:
        gate.set()
    app.extensions["quotes_loader"].thread.join(timeout=10)
    assert client.get("/readyz").json == {"status": "ready"}
    info = client.get("/v1/info").json
    assert info and info["models"] == ScriptedPipeline.models
    assert client.post("/v1/quotes", json={"text": "He said so."}).status_code == 200


def test_quote_request_waits_for_loading_models() -> None:
    gate = threading.Event()
    pipeline = ScriptedPipeline(gate=gate)
    client = create_app(Config(ready_wait_seconds=30), pipeline=pipeline).test_client()
    threading.Timer(0.2, gate.set).start()
    response = client.post("/v1/quotes", json={"text": "He said so."})
    assert response.status_code == 200
    assert pipeline.calls == [("He said so.", None, None)]


def test_failed_loading_is_reported_not_hidden(make_client) -> None:
    client = make_client(ScriptedPipeline(error=RuntimeError("model.onnx missing")))
    readyz = client.get("/readyz")
    assert readyz.status_code == 503 and "model.onnx missing" in readyz.json["detail"]
    response = client.post("/v1/quotes", json={"text": "He said so."})
    assert response.status_code == 503 and response.mimetype == PROBLEM
    assert client.get("/livez").status_code == 200


def test_title_and_targets_reach_the_pipeline(make_client) -> None:
    pipeline = ScriptedPipeline()
    client = make_client(pipeline)
    body = {"text": "She said yes.", "title": "Vote", "targets": ["the bill"], "id": "a1"}
    response = client.post("/v1/quotes", json=body)
    assert response.status_code == 200 and response.json["id"] == "a1"
    assert pipeline.calls == [("She said yes.", "Vote", ["the bill"])]
    assert float(response.headers["X-Inference-Time"]) >= 0


def test_app_import_leaves_model_libraries_to_the_loader() -> None:
    # The worker answers /livez while its loader thread imports spaCy and ONNX Runtime.
    code = (
        "import sys; import service.api, service.auth, service.errors, service.observability; "
        "print(sorted({'spacy', 'onnxruntime', 'tokenizers'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
