"""Request ids, JSON request logs and Prometheus metrics, over HTTP against 2 gunicorn workers."""

from __future__ import annotations

import json
import re
import uuid

import requests
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.parser import text_string_to_metric_families


def metric(server, name: str, **labels: str) -> float:
    text = requests.get(f"{server.url}/metrics", timeout=10).text
    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total


def test_request_id_is_echoed_sanitised_and_bounded(live_server) -> None:
    def echo(value: str | None) -> str:
        headers = {} if value is None else {"X-Request-ID": value}
        return requests.get(f"{live_server.url}/livez", headers=headers, timeout=10) \
            .headers["X-Request-ID"]

    assert echo("client-42.a:b") == "client-42.a:b"
    assert echo("evil\"}<script>\tid") == "evilscriptid"
    assert echo("z" * 500) == "z" * 64
    assert re.fullmatch(r"[0-9a-f]{32}", echo(None))
    assert re.fullmatch(r"[0-9a-f]{32}", echo("<>{}"))
    assert echo(None) != echo(None)


def test_one_json_log_line_per_request_without_article_text(live_server) -> None:
    request_id = f"log-{uuid.uuid4().hex}"
    secret = f"Zebracorn{uuid.uuid4().hex[:8]}"
    text = f"“{secret} will rise,” the analyst {secret} said."
    response = requests.post(f"{live_server.url}/v1/quotes", json={"text": text, "title": secret},
                             headers={"X-Request-ID": request_id}, timeout=60)
    assert response.status_code == 200
    lines = live_server.log_lines()
    assert all(line.startswith("{") for line in lines if request_id in line)
    entries = [json.loads(line) for line in lines if line.startswith("{")]
    mine = [e for e in entries if e.get("request_id") == request_id]
    assert len(mine) == 1
    entry = mine[0]
    assert entry["status"] == 200 and entry["route"] == "/v1/quotes"
    assert entry["latency_ms"] >= 0 and entry["characters"] == len(text)
    assert not any(secret in line for line in lines)


def test_metrics_content_type_names_its_charset_once(live_server) -> None:
    content_type = requests.get(f"{live_server.url}/metrics", timeout=10).headers["Content-Type"]
    assert content_type == CONTENT_TYPE_LATEST
    assert content_type.count("charset") == 1


def test_metrics_are_summed_over_workers(live_server) -> None:
    before = metric(live_server, "quotes_http_requests_total", route="/v1/info", status="200")
    for _ in range(20):
        assert requests.get(f"{live_server.url}/v1/info", timeout=10).status_code == 200
    after = metric(live_server, "quotes_http_requests_total", route="/v1/info", status="200")
    assert after - before == 20


def test_quote_requests_record_inference_metrics(live_server) -> None:
    before = metric(live_server, "quotes_document_characters_count")
    text = "“Rates will fall,” the banker said."
    response = requests.post(f"{live_server.url}/v1/quotes/batch",
                             json={"documents": [{"text": text}, {"text": text}]}, timeout=60)
    assert response.status_code == 200
    assert float(response.headers["X-Inference-Time"]) >= 0
    assert metric(live_server, "quotes_document_characters_count") - before == 2
    assert metric(live_server, "quotes_inference_seconds_count") >= 2
    latency = metric(live_server, "quotes_http_request_duration_seconds_count",
                     route="/v1/quotes/batch", status="200")
    assert latency >= 1
