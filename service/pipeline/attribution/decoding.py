"""Token labels -> labelled character spans, with BIO-constrained (Viterbi) decoding."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from service.pipeline.text import LINE_BREAK

SPAN_TYPES = ("SOURCE", "CUE", "CONTENT")
BIO_LABELS = ("O",) + tuple(f"{p}-{t}" for t in SPAN_TYPES for p in ("B", "I"))
LABEL_ID = {label: i for i, label in enumerate(BIO_LABELS)}


@dataclass(frozen=True)
class LabelledSpan:
    type: str  # SOURCE | CUE | CONTENT
    start: int
    end: int
    score: float  # mean probability of the decoded labels


def _allowed_transitions() -> np.ndarray:
    """allowed[i, j]: label j may follow label i (I-X only after B-X or I-X)."""
    allowed = np.ones((len(BIO_LABELS), len(BIO_LABELS)), dtype=bool)
    for j, label in enumerate(BIO_LABELS):
        if label.startswith("I-"):
            kind = label[2:]
            allowed[:, j] = False
            allowed[LABEL_ID[f"B-{kind}"], j] = allowed[LABEL_ID[f"I-{kind}"], j] = True
    return allowed


_TRANSITION = np.where(_allowed_transitions(), 0.0, -np.inf)
_START = np.array([-np.inf if label.startswith("I-") else 0.0 for label in BIO_LABELS])
# after a line break any label may end, but none continues: annotated spans stay within
# one paragraph (3 of PolNeAR's 23,287 train contents cross a newline)
_RESTART = np.broadcast_to(_START, _TRANSITION.shape)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def viterbi(logprobs: np.ndarray, restarts: np.ndarray | None = None) -> np.ndarray:
    """Return the best label path under the BIO constraints for [n, len(BIO_LABELS)] scores.

    At positions where `restarts` is true a new span must begin (no I- label).
    """
    n = len(logprobs)
    if n == 0:
        return np.zeros(0, dtype=int)
    back = np.zeros((n, len(BIO_LABELS)), dtype=np.int64)
    score = _START + logprobs[0]
    for i in range(1, n):
        cand = score[:, None] + (_RESTART if restarts is not None and restarts[i] else _TRANSITION)
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logprobs[i]
    path = np.zeros(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


def word_starts(word_ids: list[int | None]) -> np.ndarray:
    """Indices of the first sub-token of each word (tokens without a word id are skipped)."""
    starts, last = [], None
    for i, word in enumerate(word_ids):
        if word is not None and word != last:
            starts.append(i)
        last = word
    return np.array(starts, dtype=np.int64)


def decode_spans(
    text: str, logits: np.ndarray, offsets: list[tuple[int, int]], word_ids: list[int | None]
) -> list[LabelledSpan]:
    """Decode per-token logits into character spans of `text`, labelling whole words.

    A word takes the label of its first sub-token; its span runs to the end of
    its last sub-token, so spans never cut a word in two, nor cross a line break.
    """
    firsts = word_starts(word_ids)
    if len(firsts) == 0:
        return []
    logprobs = log_softmax(logits[firsts].astype(np.float64))
    word_end = np.append(firsts[1:], len(offsets)) - 1  # last sub-token of each word
    restarts = np.zeros(len(firsts), dtype=bool)
    for w in range(1, len(firsts)):
        gap = text[offsets[word_end[w - 1]][1] : offsets[firsts[w]][0]]
        restarts[w] = LINE_BREAK.search(gap) is not None
    path = viterbi(logprobs, restarts)
    probs = np.exp(logprobs[np.arange(len(path)), path])
    spans: list[LabelledSpan] = []
    open_kind, open_first = None, 0
    for w in range(len(path) + 1):
        label = BIO_LABELS[path[w]] if w < len(path) else "O"
        if open_kind is not None and label != f"I-{open_kind}":
            first_tok, last_tok = firsts[open_first], word_end[w - 1]
            score = float(probs[open_first:w].mean())
            spans.append(
                LabelledSpan(open_kind, offsets[first_tok][0], offsets[last_tok][1], score)
            )
            open_kind = None
        if label.startswith("B-"):
            open_kind, open_first = label[2:], w
    return spans
