"""Stance of a quote toward a target: support, oppose or neutral (VAST / SemEval-2016 sense).

A frozen MiniLM encoder (ONNX, int8) turns the target and the quote, each on its own, into
contextual token states; a small trained interaction model (head.onnx: two transformer layers
over [target tokens; quote tokens]) reads both and classifies the pair. Quote states are computed
once per quote and shared by all its targets; quotes longer than the encoder's window are split
into overlapping windows whose class probabilities are averaged. Only onnxruntime, tokenizers
and numpy run here (training/train_stance.py trains and exports the head).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

LABELS = ("support", "oppose", "neutral")
QUOTE_WINDOW = 256  # tokens per encoder window (MiniLM was trained at 256)
TARGET_WINDOW = 32  # targets are short; longer ones are cut
STRIDE = 32  # token overlap between consecutive quote windows


def _session(path: Path, threads: int) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def _pad(rows: Sequence[np.ndarray], dtype=np.float32) -> tuple[np.ndarray, np.ndarray]:
    """Stack variable-length rows (n_i x ...) into a zero-padded batch and its 0/1 mask."""
    n = max(len(r) for r in rows)
    out = np.zeros((len(rows), n, *rows[0].shape[1:]), dtype=dtype)
    mask = np.zeros((len(rows), n), dtype=np.int64)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
        mask[i, : len(r)] = 1
    return out, mask


class TokenEncoder:
    """Contextual token states of the frozen encoder, one array per window of each text."""

    def __init__(self, onnx_path: Path, tokenizer_path: Path, threads: int = 1) -> None:
        self.session = _session(onnx_path, threads)
        self.tokenizers: dict[int, Tokenizer] = {}
        for window in (QUOTE_WINDOW, TARGET_WINDOW):
            tok = Tokenizer.from_file(str(tokenizer_path))  # one per window: thread-safe
            tok.no_padding()
            tok.enable_truncation(window, stride=STRIDE if window == QUOTE_WINDOW else 0)
            self.tokenizers[window] = tok

    def encode(
        self, texts: Sequence[str], window: int, batch_size: int = 64, all_windows: bool = True
    ) -> list[list[np.ndarray]]:
        """Per text, the (tokens x 384) states of each window (only the first unless
        all_windows); windows of all texts are batched by length to keep padding small."""
        owner, pieces = [], []
        for i, enc in enumerate(self.tokenizers[window].encode_batch(list(texts))):
            for e in (enc, *enc.overflowing) if all_windows else (enc,):
                owner.append(i)
                pieces.append(np.asarray(e.ids, dtype=np.int64))
        states: list[np.ndarray | None] = [None] * len(pieces)
        order = sorted(range(len(pieces)), key=lambda k: len(pieces[k]))
        for b in range(0, len(order), batch_size):
            idx = order[b : b + batch_size]
            ids, mask = _pad([pieces[k] for k in idx], np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for row, k in enumerate(idx):
                states[k] = hidden[row, : len(pieces[k])]
        out: list[list[np.ndarray]] = [[] for _ in texts]
        for i, st in zip(owner, states, strict=True):
            out[i].append(st)
        return out


class StanceModel:
    """Loads the encoder and interaction head once; predicts the stance of (target, quote)."""

    def __init__(self, model_dir: str | Path, threads: int = 1, batch_size: int = 64) -> None:
        model_dir = Path(model_dir)
        self.encoder = TokenEncoder(model_dir / "model.onnx", model_dir / "tokenizer.json", threads)
        self.head = _session(model_dir / "head.onnx", threads)
        self.meta = json.loads((model_dir / "meta.json").read_text())
        self.batch_size = batch_size

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, float]]:
        """(label, confidence) per (target, quote text) pair. Distinct targets and quotes are
        encoded once each in shared batches; the head runs over all (target, window) rows."""
        if not pairs:
            return []
        targets = sorted({t for t, _ in pairs})
        quotes = sorted({q for _, q in pairs})
        t_states = dict(zip(targets, self.encoder.encode(targets, TARGET_WINDOW), strict=True))
        q_states = dict(zip(quotes, self.encoder.encode(quotes, QUOTE_WINDOW), strict=True))
        rows, owner = [], []
        for p, (t, q) in enumerate(pairs):
            for window in q_states[q]:
                rows.append((t_states[t][0], window))
                owner.append(p)
        probs = np.concatenate(
            [
                self.classify(rows[b : b + self.batch_size])
                for b in range(0, len(rows), self.batch_size)
            ]
        )
        pooled = np.zeros((len(pairs), len(LABELS)))
        np.add.at(pooled, np.asarray(owner), probs)
        pooled /= np.bincount(owner, minlength=len(pairs))[:, None]
        best = pooled.argmax(1)
        return [(LABELS[k], float(pooled[p, k])) for p, k in enumerate(best)]

    def classify(self, rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """Class probabilities for (target states, quote states) rows."""
        t, t_mask = _pad([r[0] for r in rows])
        q, q_mask = _pad([r[1] for r in rows])
        logits = self.head.run(
            None, {"target": t, "target_mask": t_mask, "quote": q, "quote_mask": q_mask}
        )[0]
        e = np.exp(logits - logits.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)


# spaCy entity labels that name something a speaker can take a position on (not dates, numbers).
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@lru_cache(maxsize=4096)  # rank_entities compares every mention with every name seen before
def _tokens(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", name.lower()))


def _clean(text: str) -> str:
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", " ".join(text.split())))


def rank_entities(entities: Sequence[tuple[str, str]]) -> list[tuple[str, int]]:
    """Named entities with mention counts, most mentioned first (ties: first mentioned first).

    entities: (text, spaCy label) in document order. A mention whose words all belong to an
    earlier, longer mention of the same label ("Smith" after "John Smith") counts for it.
    """
    counts: dict[str, int] = {}
    label_of: dict[str, str] = {}
    for text, label in entities:
        name = _clean(text)
        if label not in NAMED_LABELS or not _tokens(name):
            continue
        longer = [
            n
            for n in counts
            if label_of[n] == label and _tokens(name) < _tokens(n)  # strict subset
        ]
        key = longer[0] if longer else name
        counts[key] = counts.get(key, 0) + 1
        label_of.setdefault(key, label)
    order = {n: i for i, n in enumerate(counts)}
    return sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))


# Every quote of an article ranks the same entities: once per article, not once per quote
# (518 quotes in 100,000 characters of news took 3 minutes).
@lru_cache(maxsize=8)
def _ranked(entities: tuple[tuple[str, str], ...]) -> tuple[tuple[str, int], ...]:
    return tuple(rank_entities(entities))


def choose_targets(
    targets: Sequence[str] | None,
    title: str | None,
    entities: Sequence[tuple[str, str]],
    speaker_name: str | None,
) -> list[tuple[str, str]]:
    """(target, target_source) pairs for one quote, by the first rule that applies:
    the request's targets ("request"); else the article title ("title"); else the article's
    most-mentioned named entity that is not the quote's own speaker ("entity"); else none."""
    if targets:
        return [(t, "request") for t in targets]
    if title and title.strip():
        return [(" ".join(title.split()), "title")]
    speaker = _tokens(speaker_name or "")
    for name, _ in _ranked(tuple(entities)):
        words = _tokens(name)
        if speaker and (words <= speaker or speaker <= words):
            continue  # the speaker, or a short/long form of the speaker's name
        return [(name, "entity")]
    return []
