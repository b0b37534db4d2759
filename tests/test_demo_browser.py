"""The demo page and /docs in headless chromium, against the app served from a thread with a
scripted pipeline: markup in the article stays text, offsets count code points, problems are
shown, the API key is sent, /docs lists every route. (Real-model runs: test_demo_live.py.)"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from typing import Any

import pytest
import requests
import yaml

from service import create_app
from service.config import MAX_TEXT_CHARS, REPO_ROOT, Config
from service.pipeline.types import Quote, Speaker, Stance
from tests.support.browser import serve
from tests.support.demo_page import (
    details,
    expected_details,
    highlighted,
    marked,
    open_demo,
    quote_texts,
    submit,
)
from tests.support.doubles import ScriptedPipeline
from tests.support.handmade import attribution

KEY = "browser-key-7"
# An astral character first (two UTF-16 units, one code point), then markup everywhere: in the
# text around the quote, inside it, in the speaker's mention, name and role and in a target.
MARKUP = (
    '\U0001f600 <script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">\n'
    "\"<b>Not bold</b> & <img src=y onerror='window.pwned = 3'>,\" said <i>Ana</i> López."
)


def markup_quote() -> Quote:
    found = attribution(
        MARKUP, "\"<b>Not bold</b> & <img src=y onerror='window.pwned = 3'>,\"",
        source="<i>Ana</i> López", cue="said",
    )
    speaker = Speaker("<i>Ana</i> López", "person", found.source, "<u>teacher</u>")
    stance = Stance("<script>t()</script>", "request", "oppose", 0.5)
    return Quote(found, "direct", speaker, [stance])


def app_for(pipeline: ScriptedPipeline, **settings: Any):
    app = create_app(Config(**settings), pipeline=pipeline)
    app.extensions["quotes_loader"].thread.join(timeout=10)
    return app


def test_markup_stays_text_and_inert(page) -> None:
    dialogs: list[str] = []

    def refuse(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    with serve(app_for(ScriptedPipeline([markup_quote()]))) as url:
        open_demo(page, url)
        submit(page, MARKUP, targets="<script>t()</script>")
        answer = requests.post(f"{url}/v1/quotes", json={
            "text": MARKUP, "targets": ["<script>t()</script>"]}, timeout=30).json()
        (quote,) = answer["quotes"]
        assert page.text_content("#article") == MARKUP
        assert quote_texts(page) == {"q1": highlighted(quote)}
        assert marked(page, "mention", "q1") == "<i>Ana</i> López"
        page.click('[data-quote="q1"]')
        assert details(page) == expected_details(quote)
        assert page.text_content("#speakers .name") == "<i>Ana</i> López"
        # Nothing from the text became an element, ran, or fetched anything.
        assert page.evaluate("document.querySelectorAll('img, b, i, u').length") == 0
        assert page.evaluate("document.scripts.length") == 1  # demo.js (article.js: an import)
        assert page.evaluate("window.pwned") is None and dialogs == []
        page.click("#tab-json")
        assert json.loads(page.text_content("#json")) == answer
    assert page.problems == []


def problem_shown(page) -> tuple[str, str]:
    page.wait_for_selector("#problem:not([hidden])")
    return page.text_content("#problem-title"), page.text_content("#problem-detail")


@pytest.mark.parametrize(("body", "status"), [
    ({"text": "x" * (MAX_TEXT_CHARS + 1)}, 413),
    ({"text": "She said yes.", "targets": [f"t{i}" for i in range(9)]}, 422),
    ({"text": "She said yes.", "title": "t" * 1001}, 422),
], ids=["413-text", "422-targets", "422-title"])
def test_problems_show_title_and_detail(page, body: dict, status: int) -> None:
    with serve(app_for(ScriptedPipeline())) as url:
        open_demo(page, url)
        submit(page, body["text"], body.get("title", ""), ", ".join(body.get("targets", [])))
        problem = requests.post(f"{url}/v1/quotes", json=body, timeout=30).json()
    assert problem["status"] == status
    assert problem_shown(page) == (f"{status} {problem['title']}", problem["detail"])
    fields = page.locator("#problem-errors li").all_text_contents()
    assert fields == [f"{k}: {' '.join(v)}" for k, v in problem.get("errors", {}).items()]
    assert page.is_hidden("#result")


def test_loading_models_show_503_with_retry(page) -> None:
    gate = threading.Event()  # the scripted models never finish loading during the test
    app = create_app(Config(ready_wait_seconds=0), pipeline=ScriptedPipeline(gate=gate))
    try:
        with serve(app) as url:
            open_demo(page, url)
            submit(page, "She said yes.")
            response = requests.post(f"{url}/v1/quotes", json={"text": "x"}, timeout=30)
    finally:
        gate.set()
    title, detail = problem_shown(page)
    assert title == "503 Service Unavailable"
    assert detail == f"{response.json()['detail']} Retry in {response.headers['Retry-After']} s."


def test_api_key_is_asked_for_and_sent(page) -> None:
    with serve(app_for(ScriptedPipeline([markup_quote()]), api_keys=(KEY,))) as url:
        open_demo(page, url)
        submit(page, MARKUP)
        assert problem_shown(page)[0] == f"401 {HTTPStatus(401).phrase}"
        submit(page, MARKUP, key=KEY)
        page.wait_for_selector("#result:not([hidden])")
        assert page.is_hidden("#problem")
        assert list(quote_texts(page)) == ["q1"]


def documented_paths() -> list[str]:
    return list(yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))["paths"])


def listed_paths(page) -> list[str]:
    page.wait_for_selector(".opblock-summary-path")
    return page.eval_on_selector_all(
        ".opblock-summary-path", "nodes => nodes.map(node => node.textContent.trim())"
    )


def test_docs_list_every_route(page) -> None:
    with serve(app_for(ScriptedPipeline())) as url:
        page.goto(f"{url}/docs")
        assert listed_paths(page) == documented_paths()
    assert page.problems == []  # Swagger UI runs under the page's CSP


def test_docs_take_the_key(page) -> None:
    with serve(app_for(ScriptedPipeline(), api_keys=(KEY,))) as url:
        page.goto(f"{url}/docs")
        page.wait_for_selector("text=Failed to load API definition")
        page.fill("#key", KEY)
        page.click("#key-form button")
        assert listed_paths(page) == documented_paths()
