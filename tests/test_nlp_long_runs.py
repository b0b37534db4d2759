"""spaCy's tokenizer is quadratic in a token's length; nlp.BoundedTokenizer cuts runs without
whitespace longer than MAX_RUN first, and the Doc still holds the text exactly."""

from __future__ import annotations

import pytest

from service.pipeline.nlp import MAX_RUN, BoundedTokenizer, load_nlp

TEXTS = {
    "quotation-marks": '"' * 100_000,
    "one-word": "x" * 100_000,
    "runs-between-prose": 'He said "' + "\u201c" * 250 + " and  then\n" + "ab" * 400
    + " she said. \u201cYes.\u201d  ",
    "run-at-the-end": "Ana Ruiz said: " + "!" * (MAX_RUN + 1),
    "ordinary": "Ana Ruiz, the mayor, said the bridge would open in May.",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_doc_holds_the_text_and_long_runs_are_cut(text: str) -> None:
    doc = load_nlp()(text)
    assert doc.text == text
    assert all(len(token) <= MAX_RUN for token in doc)
    assert [t.idx for t in doc] == sorted(t.idx for t in doc)
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_ordinary_text_is_tokenized_as_by_spacy() -> None:
    nlp = load_nlp()
    text = TEXTS["ordinary"] + " " + "y" * MAX_RUN
    bounded = nlp.tokenizer
    assert isinstance(bounded, BoundedTokenizer)
    assert [t.text for t in nlp(text)] == [t.text for t in bounded.tokenizer(text)]
