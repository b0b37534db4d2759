"""The bad-input catalogue of issue 7 against gunicorn with the real pipeline, beyond what
test_errors_http.py covers: odd but valid texts get a 200 whose offsets index the text exactly;
invalid bodies get a 4xx problem+json; after every case the server still answers a valid request.
"""

from __future__ import annotations

import json

import pytest
import requests

from service import config
from tests.support.http import (
    VALID,
    assert_consistent,
    assert_offsets_index_the_text,
    assert_problem,
    post,
    raw_chunked_post,
    raw_post,
)
from tests.support.spec_check import assert_matches

TEN_MB = 10 * 1024 * 1024
QUOTE = "The minister said: \u201cWe will not {verb} the bridge,\u201d and left."

# Valid, if odd, articles: each must come back 200 with exact offsets.
ODD_TEXTS = {
    "nul-and-control-chars": "The mayor said\x00 \u201cwe\x01 are\x1b ready\x7f,\u201d she\x0b "
    "said.\x0c\u2028Then\u2029 \x85 she\ufeff left\u200b\u200d.\r\n\t\u201cNo,\u201d\x00 he said.",
    "one-word-100k": "x" * config.MAX_TEXT_CHARS,
    "quotation-marks-100k": '"' * config.MAX_TEXT_CHARS,
    "curly-quotation-marks-100k": "\u201c\u201d\u2018\u2019" * (config.MAX_TEXT_CHARS // 4),
    "unbalanced-and-nested-quotes": (
        "\u201cThe report says \u2018we \u201cfailed\u201d badly\u2019, and I agree,\u201d said "
        "Ana Ruiz, the mayor. \u201cThis one never closes, she said. \"Straight \u201cand "
        "curly\" mixed\u201d quotes,\" he added. \u2019Reversed\u2018 marks, \u201d closing "
        "first \u201c. \u00abGuillemets \u2039inside\u203a\u00bb, said Marie Dupont. \"\"\"\"."
    ),
    "only-punctuation": "?!.,;:\u2014\u2026\u00ab\u00bb()[]{}\"'\u201c\u201d-_/\\*&%$#@" * 40,
    "right-to-left": (
        "\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 \u00ab\u0633\u0646\u0628\u0646"
        "\u064a \u0627\u0644\u062c\u0633\u0631\u00bb \u064a\u0648\u0645 \u0627\u0644\u0623\u062d"
        "\u062f. \u05d4\u05e9\u05e8 \u05d0\u05de\u05e8: \"\u05e0\u05d1\u05e0\u05d4 \u05d0\u05ea "
        "\u05d4\u05d2\u05e9\u05e8\". \u200fMixed \u202eoverride\u202c text. "
        + QUOTE.format(verb="sell")
    ),
    "cjk": (
        "\u5e02\u957f\u8bf4\uff1a\u201c\u6865\u5c06\u5728\u4e94\u6708\u5f00\u653e\u3002\u201d "
        "\u5927\u81e3\u306f\u300c\u6a4b\u3092\u58f2\u3089\u306a\u3044\u300d\u3068\u8ff0\u3079"
        "\u305f\u3002 \ub300\ud1b5\ub839\uc740 \"\ub2e4\ub9ac\ub97c \uc5f4 \uac83\"\uc774\ub77c"
        "\uace0 \ub9d0\ud588\ub2e4. " + QUOTE.format(verb="close")
    ),
    "emoji-and-combining-marks": (
        "Zoe\u0308 Nun\u0303ez \U0001f680 said: \u201cWe\u0301 will \U0001f469\U0001f3fd\u200d"
        "\U0001f4bb build it \U0001f1fa\U0001f1f8\U0001f1e8\U0001f1f3 to\u0336g\u0336e\u0336"
        "ther,\u201d and Z\u0351\u0358a\u0300\u0317l\u031bgo\u0489 agreed. "
        + QUOTE.format(verb="move")
    ),
}


@pytest.fixture(autouse=True)
def still_serving(live_server):
    """After each case, the server answers a valid request."""
    yield
    response = post(live_server, "/v1/quotes", VALID)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("text", ODD_TEXTS.values(), ids=ODD_TEXTS.keys())
def test_odd_text_gets_exact_offsets(live_server, text: str) -> None:
    body = {"text": text, "title": text[:50], "targets": ["the bridge", text[:20]]}
    # Worst-case texts take seconds; the server's own timeout bounds this wait.
    response = requests.post(f"{live_server.url}/v1/quotes", json=body, timeout=240)
    assert response.status_code == 200, response.text
    result = response.json()
    assert_matches(result, "QuotesResponse")
    assert_offsets_index_the_text(result, text)
    assert_consistent(result)


@pytest.mark.parametrize("data", [
    b'{"text": "raw NUL \x00 inside a JSON string"}',
    b'{"text": "raw newline \n inside a JSON string"}',
    b'{"text": "overlong UTF-8 \xc0\xaf"}',
    b'{"text": "surrogate encoded in UTF-8 \xed\xa0\x80"}',
    b'{"text": "cut UTF-8 \xe2\x80"}',
    b'{"text": "one", "text": "duplicate key ok?"} trailing',
    '{"text": "ok", "title": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001,
], ids=["raw-nul", "raw-newline", "overlong-utf8", "cesu-surrogate", "cut-utf8",
        "trailing-data", "deeply-nested-object"])
def test_malformed_body_is_400(live_server, data: bytes | str) -> None:
    assert_problem(post(live_server, "/v1/quotes", data=data), 400)


def escaped(value: str) -> str:
    """A JSON string literal with every non-ASCII code point written as \\u escapes."""
    return json.dumps(value, ensure_ascii=True)


@pytest.mark.parametrize(("data", "field"), [
    ('{"text": "ok", "title": "\\udc00 low surrogate"}', "title"),
    ('{"text": "ok", "id": "\\ud83d"}', "id"),
    ('{"text": "ok", "targets": ["fine", "\\ude80\\ud83d reversed pair"]}', "targets.1"),
    ('{"text": "ok", "id": null}', "id"),
    ('{"text": "ok", "title": null}', "title"),
    ('{"text": "ok", "targets": null}', "targets"),
    ('{"text": "ok", "targets": [null]}', "targets.0"),
    ('{"text": 1.5e308}', "text"),
    ('{"text": true}', "text"),
    ('{"text": {"text": "nested"}}', "text"),
    ('{"text": ["list", "of", "strings"]}', "text"),
    ('{"text": "ok", "title": ' + "[" * 200 + "]" * 200 + "}", "title"),
    ("null", "_schema"),
    ("42", "_schema"),
], ids=["surrogate-title", "surrogate-id", "reversed-pair-target", "null-id", "null-title",
        "null-targets", "null-target", "number-text", "bool-text", "object-text", "list-text",
        "nested-title", "null-body", "number-body"])
def test_wrong_types_and_surrogates_are_422(live_server, data: str, field: str) -> None:
    problem = assert_problem(post(live_server, "/v1/quotes", data=data), 422)
    assert field in problem["errors"], problem


@pytest.mark.parametrize(("documents", "field"), [
    ([VALID, None], "documents.1"),
    ([VALID, {"text": 7}], "documents.1.text"),
    ([{"text": "ok", "targets": [f"t{i}" for i in range(9)]}], "documents.0.targets"),
    ([VALID, {"text": "\udfff"}], "documents.1.text"),
], ids=["null-document", "number-text", "nine-targets", "lone-surrogate"])
def test_bad_documents_in_a_batch_are_422(live_server, documents: list, field: str) -> None:
    data = json.dumps({"documents": documents})  # escapes the lone surrogate as \udfff
    problem = assert_problem(post(live_server, "/v1/quotes/batch", data=data), 422)
    assert field in problem["errors"], problem


def test_escaped_surrogate_pair_is_one_code_point(live_server) -> None:
    text = "\U0001f680 " + QUOTE.format(verb="sell")
    response = post(live_server, "/v1/quotes", data='{"text": ' + escaped(text) + "}")
    assert response.status_code == 200, response.text
    assert_offsets_index_the_text(response.json(), text)


@pytest.mark.parametrize("content_type", [
    "application/xml", "multipart/form-data; boundary=x", "application/octet-stream",
    "text/json",
])
def test_other_content_types_are_415(live_server, content_type: str) -> None:
    response = post(live_server, "/v1/quotes", VALID, headers={"Content-Type": content_type})
    assert_problem(response, 415)


def test_ten_megabyte_body_is_413(live_server) -> None:
    data = json.dumps({"text": "x" * TEN_MB})
    assert_problem(post(live_server, "/v1/quotes", data=data), 413)
    status, payload = raw_chunked_post(live_server, "/v1/quotes", data.encode())
    assert status == 413 and json.loads(payload)["status"] == 413


def test_ten_megabyte_body_with_its_length_is_read_to_the_413(live_server) -> None:
    # A plain client sends the whole body before it reads: it must not be reset mid-send.
    data = json.dumps({"text": "x" * TEN_MB}).encode()
    head, payload = raw_post(live_server, "/v1/quotes", data)
    assert head.split()[1] == b"413"
    assert b"content-type: application/problem+json" in head.lower()
    assert str(config.MAX_BODY_BYTES) in json.loads(payload)["detail"]
