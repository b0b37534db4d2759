"""Windowing and BIO decoding of the attribution model, on hand-made label sequences."""

from __future__ import annotations

import numpy as np
import pytest

from service.pipeline.attribution.decoding import (
    BIO_LABELS,
    LABEL_ID,
    LabelledSpan,
    decode_spans,
    viterbi,
)
from service.pipeline.attribution.windows import merge_windows, window_bounds


def one_hot(labels: list[str], strength: float = 5.0) -> np.ndarray:
    logits = np.zeros((len(labels), len(BIO_LABELS)), dtype=np.float32)
    for i, label in enumerate(labels):
        logits[i, LABEL_ID[label]] = strength
    return logits


def test_windows_cover_every_token_with_the_requested_overlap():
    bounds = window_bounds(1000, 254, 190)
    assert bounds[0] == (0, 254) and bounds[-1][1] == 1000
    assert all(end - start == 254 for start, end in bounds)
    covered = set().union(*(range(s, e) for s, e in bounds))
    assert covered == set(range(1000))
    assert window_bounds(10, 254, 190) == [(0, 10)]


def test_merge_takes_each_token_from_the_window_where_it_is_most_central():
    n, size, stride = 30, 10, 5
    bounds = window_bounds(n, size, stride)
    # each window's output says which window produced it
    outputs = [np.full((e - s, 1), float(i)) for i, (s, e) in enumerate(bounds)]
    merged = merge_windows(bounds, outputs, n)[:, 0]
    assert merged[0] == 0 and merged[-1] == len(bounds) - 1  # document edges are no cut
    for token in range(n):
        window = bounds[int(merged[token])]
        assert window[0] <= token < window[1]
        margin = min(token - window[0] if window[0] else n, window[1] - 1 - token
                     if window[1] < n else n)
        others = [min(token - s if s else n, e - 1 - token if e < n else n)
                  for s, e in bounds if s <= token < e]
        assert margin == max(others)


def test_quote_crossing_a_window_boundary_comes_out_whole():
    # a content span of 12 tokens straddles the cut between two windows; each window
    # sees only part of it, and the part after the cut starts with I- (as at serving)
    labels = ["O"] * 8 + ["B-CONTENT"] + ["I-CONTENT"] * 11 + ["O"] * 10
    n, size, stride = len(labels), 14, 8
    full = one_hot(labels)
    bounds = window_bounds(n, size, stride)
    assert any(s < 8 < e < 20 for s, e in bounds)  # some window cuts the span
    merged = merge_windows(bounds, [full[s:e] for s, e in bounds], n)
    offsets = [(2 * i, 2 * i + 1) for i in range(n)]
    spans = decode_spans(" " * 2 * n, merged, offsets, list(range(n)))
    assert spans == [LabelledSpan("CONTENT", 16, 39, spans[0].score)]


def test_viterbi_never_starts_a_span_with_an_inside_label():
    # an isolated I-CUE after O is illegal: the best legal path replaces it
    logits = one_hot(["O", "I-CUE", "O"])
    logits[1, LABEL_ID["B-CUE"]] = 4.0
    path = [BIO_LABELS[i] for i in viterbi(logits)]
    assert path == ["O", "B-CUE", "O"]


def test_decode_labels_whole_words_from_their_first_subword():
    text = "Smithson said it"
    # tokens: smith ##son said it -> words 0 0 1 2
    offsets = [(0, 5), (5, 8), (9, 13), (14, 16)]
    word_ids = [0, 0, 1, 2]
    logits = one_hot(["B-SOURCE", "O", "B-CUE", "B-CONTENT"])  # ##son's own label is ignored
    spans = decode_spans(text, logits, offsets, word_ids)
    assert [(s.type, text[s.start:s.end]) for s in spans] == [
        ("SOURCE", "Smithson"), ("CUE", "said"), ("CONTENT", "it")]


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2029"])
def test_decode_never_lets_a_span_cross_a_line_break(brk):
    text = f"Lee said the plan{brk}is dead"
    words = ["Lee", "said", "the", "plan", "is", "dead"]
    offsets = [(text.index(w), text.index(w) + len(w)) for w in words]
    labels = ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT"]
    spans = decode_spans(text, one_hot(labels), offsets, list(range(len(words))))
    assert [(s.type, text[s.start:s.end]) for s in spans] == [
        ("SOURCE", "Lee"), ("CUE", "said"), ("CONTENT", "the plan"), ("CONTENT", "is dead")]
