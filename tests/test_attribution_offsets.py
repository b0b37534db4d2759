"""Offsets from the real attribution model index the text exactly as sent, whatever it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.attribution.model import AttributionModel
from service.pipeline.document import Document
from service.pipeline.nlp import load_nlp

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "attribution"
BASE = (
    "The mayor, Anna Kowalski, said the new bridge would open next spring. "
    "\u201cWe have waited long enough,\u201d she told reporters. "
    "Critics argued that the cost was too high."
)
VARIANTS = {
    "curly quotes": BASE,
    "straight quotes": BASE.replace("\u201c", '"').replace("\u201d", '"'),
    "guillemets": BASE.replace("\u201c", "\u00ab").replace("\u201d", "\u00bb"),
    "emoji": "\U0001f680\U0001f525 " + BASE.replace("bridge", "bridge \U0001f309"),
    "combining marks": BASE.replace("Anna", "Ana\u0301").replace("mayor", "mayo\u0308r"),
    "CRLF newlines": BASE.replace(". ", ".\r\n\r\n"),
    "non-Latin scripts": "\u5e02\u957f\u8bf4\u3002 "
    + BASE
    + " \u0645\u0631\u062d\u0628\u0627 \u0928\u092e\u0938\u094d\u0924\u0947.",
}


def parsed(text: str) -> Document:
    """The document with spaCy's parse, which the linker reads."""
    return Document(text, doc=load_nlp()(text))


@pytest.fixture(scope="module")
def model() -> AttributionModel:
    return AttributionModel(MODEL_DIR)


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_every_span_indexes_the_text_exactly(model: AttributionModel, text: str):
    quotes = model.find(parsed(text))
    assert quotes, "the model finds the quotes of this plain news text"
    for quote in quotes:
        for span in [*quote.fragments, quote.cue, quote.source]:
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text
                assert span.text == span.text.strip()
        assert 0.0 <= quote.confidence <= 1.0
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_a_long_article_is_windowed_and_keeps_quotes_after_the_first_window(model):
    text = " ".join(VARIANTS["straight quotes"] for _ in range(30))  # ~30 windows of tokens
    quotes = model.find(parsed(text))
    assert quotes[-1].start > len(text) // 2
    assert all(text[f.start : f.end] == f.text for q in quotes for f in q.fragments)


def test_text_without_words_gives_no_quotes(model):
    assert model.find(parsed(" \n\t ")) == []
    assert model.find(parsed("\u2026 !!! \u201c\u201d")) == []
