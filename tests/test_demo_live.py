"""The demo page in headless chromium against gunicorn with the real models: for each example
article, the highlights, every quote's details, the speakers panel and the JSON tab show what
the API answers for the same request; markup sent to the real pipeline stays text.

DEMO_SCREENSHOT=docs/demo.png (`make screenshot`) keeps the page's screenshot on the first
example, as shown in the README.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import requests

from service.config import REPO_ROOT
from tests.support.demo_page import (
    details,
    expected_details,
    highlighted,
    lowest_contrast,
    marked,
    open_demo,
    quote_texts,
    submit,
)

EXAMPLES = json.loads(
    (REPO_ROOT / "service" / "static" / "demo" / "examples.json").read_text(encoding="utf-8")
)


def speaker_classes(page) -> dict[str, list[str]]:
    """Quote id -> the speaker colour classes on its highlighted parts."""
    return page.eval_on_selector_all("#article [data-quote]", """nodes => {
        const found = {};
        for (const node of nodes) {
            const colours = [...node.classList].filter(name => name.startsWith("speaker-"));
            found[node.dataset.quote] = [...new Set([...(found[node.dataset.quote] || []),
                                                     ...colours])];
        }
        return found;
    }""")


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[e["name"] for e in EXAMPLES])
def test_example_shows_what_the_api_answers(live_server, page, tmp_path: Path, index: int) -> None:
    example = EXAMPLES[index]
    body = {"text": example["text"], "title": example["title"], "targets": example["targets"]}
    answer = requests.post(f"{live_server.url}/v1/quotes", json=body, timeout=60).json()
    assert answer["quotes"], "an example without quotes shows nothing"

    open_demo(page, live_server.url)
    page.select_option("#example", str(index))
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])")

    quotes = answer["quotes"]
    assert quote_texts(page) == {quote["id"]: highlighted(quote) for quote in quotes}
    colour = {q: f"speaker-{i % 8}" for i, s in enumerate(answer["speakers"])
              for q in s["quote_ids"]}
    assert speaker_classes(page) == {q["id"]: [colour[q["id"]]] if q["id"] in colour else []
                                     for q in quotes}
    for quote in quotes:
        start = page.locator(f'#article .q-start[data-quote="{quote["id"]}"]')
        assert start.get_attribute("class").split()[:2] == ["q", quote["type"]]
        assert marked(page, "cue", quote["id"]) == (quote["cue"] or {"text": ""})["text"]
        mention = quote["speaker"]["mention"]
        assert marked(page, "mention", quote["id"]) == (mention or {"text": ""})["text"]
        start.click()
        assert details(page) == expected_details(quote)
    # WCAG AAA (7:1) for every highlighted stretch as rendered, one quote selected.
    assert lowest_contrast(page, "#article span") >= 7

    if index == 0:  # the README's screenshot, a direct quote selected
        page.click('#article .q-start.direct')
        keep = os.environ.get("DEMO_SCREENSHOT")
        page.locator("#result").screenshot(path=keep or tmp_path / "demo.png")

    # Keyboard: from the Article tab, Tab reaches the first quote and Enter selects it.
    page.focus("#tab-article")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert details(page) == expected_details(quotes[0])

    rows = page.locator("#speakers button")
    assert rows.locator(".name").all_text_contents() == [s["name"] for s in answer["speakers"]]
    for row, speaker in zip(rows.all(), answer["speakers"], strict=True):
        count = len(speaker["quote_ids"])
        role = speaker["role"] or "no role found"
        assert row.locator(".meta").text_content() == (
            f"{role} · {count} quote{'' if count == 1 else 's'}")
        row.click()
        picked = page.eval_on_selector_all(
            "#article .picked", "nodes => [...new Set(nodes.map(node => node.dataset.quote))]")
        assert picked == speaker["quote_ids"]
        assert lowest_contrast(page, "#article span") >= 7

    page.click("#tab-json")
    assert json.loads(page.text_content("#json")) == answer
    assert page.problems == []


def test_markup_through_the_real_models_stays_text(live_server, page) -> None:
    text = ('<script>window.pwned = 1</script> "<img src=x onerror="window.pwned = 2"> is not '
            'a picture," said Ana López, a teacher at the <b>city</b> school.')
    open_demo(page, live_server.url)
    submit(page, text)
    page.wait_for_selector("#result:not([hidden])")
    assert page.text_content("#article") == text
    assert page.evaluate("document.querySelectorAll('#article *:not(span)').length") == 0
    assert page.evaluate("window.pwned") is None
    assert page.problems == []
