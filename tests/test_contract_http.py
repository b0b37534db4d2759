"""The API contract end to end: gunicorn, 2 workers, the real pipeline, short texts."""

from __future__ import annotations

import subprocess
import sys

import requests

from service.config import REPO_ROOT, limits
from tests.support.http import assert_consistent, assert_offsets_index_the_text
from tests.support.spec_check import assert_matches

ARTICLE = (
    "Huawei founder Ren Zhengfei spoke to reporters on Tuesday. "
    "“Trade benefits all sides,” Ren said, “and we still hope to buy US components.” "
    "The executive added that Huawei was open to licensing its 5G technology."
)
# Characters outside the BMP, combining marks, CJK and RTL text before the quote: offsets must
# still count code points of the text as sent.
UNICODE_ARTICLE = "🚀👩🏽‍💻 Ça̧ va? 北京 שלום. " + ARTICLE


def gunicorn_timeout() -> int:
    """The worker timeout the live server runs with, read in a child process because the
    gunicorn config writes to the environment."""
    code = "import runpy; print(runpy.run_path('service/gunicorn_conf.py')['timeout'])"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT,
                         capture_output=True, text=True, check=True).stdout
    return int(out)


def analyse(server, body: dict) -> dict:
    response = requests.post(f"{server.url}/v1/quotes", json=body, timeout=60)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json"
    assert float(response.headers["X-Inference-Time"]) >= 0
    result = response.json()
    assert_matches(result, "QuotesResponse")
    return result


def test_single_article(live_server) -> None:
    result = analyse(live_server, {"text": ARTICLE, "id": "article-1"})
    assert result["id"] == "article-1"
    info = requests.get(f"{live_server.url}/v1/info", timeout=10).json()
    assert result["model"] == info["models"][0]
    assert_offsets_index_the_text(result, ARTICLE)
    assert_consistent(result)
    spoken = ARTICLE.index("Trade benefits")
    assert any(q["start"] <= spoken < q["end"] for q in result["quotes"]), result


def test_offsets_count_code_points_of_the_text_as_sent(live_server) -> None:
    result = analyse(live_server, {"text": UNICODE_ARTICLE})
    assert result["quotes"]
    assert_offsets_index_the_text(result, UNICODE_ARTICLE)
    assert_consistent(result)


def test_targets_and_title_give_stance_entries(live_server) -> None:
    result = analyse(live_server, {"text": ARTICLE, "title": "Huawei wants US trade",
                                   "targets": ["free trade"]})
    assert_offsets_index_the_text(result, ARTICLE)
    for quote in result["quotes"]:
        requested = [s for s in quote["stance"] if s["target_source"] == "request"]
        assert all(s["target"] == "free trade" for s in requested)
        assert all(0.0 <= s["confidence"] <= 1.0 for s in quote["stance"])


def test_without_targets_the_title_then_an_entity_the_quote_names(live_server) -> None:
    title = "Huawei wants US trade"
    titled = analyse(live_server, {"text": ARTICLE, "title": title})["quotes"]
    assert titled
    for quote in titled:
        assert [(s["target"], s["target_source"]) for s in quote["stance"]] == [(title, "title")]
    plain = analyse(live_server, {"text": ARTICLE})["quotes"]
    targets = {q["text"][:12]: [(s["target"], s["target_source"]) for s in q["stance"]]
               for q in plain}
    # the direct quote names the US; the indirect one names only Huawei, the founder's own
    # company, which is no stance target for him
    assert targets == {"“Trade benef": [("US", "entity")], "that Huawei ": []}
    assert 0.0 <= plain[0]["stance"][0]["confidence"] <= 1.0


def test_batch_keeps_order_and_equals_single_calls(live_server) -> None:
    documents = [
        {"id": "a", "text": ARTICLE},
        {"id": "b", "text": "Nothing was said here at all."},
        {"id": "c", "text": UNICODE_ARTICLE, "title": "Ren on trade"},
    ]
    response = requests.post(f"{live_server.url}/v1/quotes/batch",
                             json={"documents": documents}, timeout=120)
    assert response.status_code == 200, response.text
    batch = response.json()
    assert_matches(batch, "BatchResponse")
    assert [r["id"] for r in batch["results"]] == ["a", "b", "c"]
    for document, result in zip(documents, batch["results"], strict=True):
        assert result == analyse(live_server, document)


def test_info_probes_and_spec(live_server) -> None:
    info = requests.get(f"{live_server.url}/v1/info", timeout=10).json()
    assert_matches(info, "Info")
    assert info["ready"] is True and info["models"] and info["limits"] == limits()
    assert requests.get(f"{live_server.url}/livez", timeout=10).json() == {"status": "alive"}
    assert requests.get(f"{live_server.url}/readyz", timeout=10).json() == {"status": "ready"}
    spec = requests.get(f"{live_server.url}/openapi.yaml", timeout=10)
    assert spec.content == (REPO_ROOT / "openapi.yaml").read_bytes()


def test_eight_targets_on_a_long_article_answer_within_the_worker_timeout(live_server) -> None:
    # ~40 quotes x 8 targets: the largest stance workload a client can ask for on a real article.
    # The client waits no longer than gunicorn's TIMEOUT: a killed worker would fail the call.
    text = "\n\n".join([ARTICLE] * 40)
    targets = [f"target {i}" for i in range(7)] + ["US trade"]
    body = {"text": text, "targets": targets}
    response = requests.post(f"{live_server.url}/v1/quotes", json=body, timeout=gunicorn_timeout())
    assert response.status_code == 200, response.text
    quotes = response.json()["quotes"]
    assert len(quotes) >= 40
    for quote in quotes:
        assert [s["target"] for s in quote["stance"]] == targets
        assert {s["target_source"] for s in quote["stance"]} == {"request"}
