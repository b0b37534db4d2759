"""Typographic apostrophes: parsed as straight ones (the model learnt those), written as
they stand."""

from __future__ import annotations

from service.pipeline.nlp import parse


def test_a_typographic_apostrophe_in_a_word_is_parsed_as_a_straight_one() -> None:
    text = "Skipper Ruairí O\u2019Dowd-Keane said we\u2019d lost the \u2018vote\u2019."
    curly = parse(text)
    straight = parse("Skipper Ruairí O'Dowd-Keane said we'd lost the \u2018vote\u2019.")
    assert curly.text == text
    assert [(t.idx, len(t)) for t in curly] == [(t.idx, len(t)) for t in straight]
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in curly] == [
        (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in straight]
    # the closing quotation mark is no apostrophe: it stays as written, a token of its own
    assert curly[-2].text == "\u2019"
