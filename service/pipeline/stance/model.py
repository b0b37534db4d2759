"""Stance of a quote toward a target: support, oppose or neutral (VAST / SemEval-2016 sense).

A MiniLM cross-encoder fine-tuned on VAST (ONNX, int8) reads "[CLS] target [SEP] quote [SEP]"
and classifies the pair. Quotes longer than the model's window are split into overlapping
windows, each with the target in front, whose class probabilities are averaged. The windows of
all pairs of one call are sorted by length and batched, so a document's pairs take few, little
padded ONNX runs. Only onnxruntime, tokenizers and numpy run here (training/stance/train_stance.py
trains the model, training/stance/export_stance.py exports it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Encoding

from service.pipeline.onnx_model import load_meta, load_session, load_tokenizer

STANCE_LABELS = ("support", "oppose", "neutral")  # VAST pro / con / neutral, in the logits' order
MAX_TARGET_TOKENS = 32  # longer targets are cut (VAST topics have at most 34 tokens)
MAX_PADDING = 0.2  # a batch of windows holds at most 20% padding tokens


class PairEncoder:
    """Tokenizes (target, quote) pairs into windows of at most max_len tokens: the target is
    cut to MAX_TARGET_TOKENS, the quote into windows overlapping by stride tokens. Training
    uses it too, so the model learns on exactly the inputs it is served."""

    def __init__(self, path: Path, max_len: int, stride: int) -> None:
        if max_len - 3 - MAX_TARGET_TOKENS <= stride:  # [CLS] target [SEP] quote [SEP]
            raise ValueError(f"max_len {max_len} leaves no room for a stride of {stride}")
        self.plain = load_tokenizer(path)
        self.pairs = load_tokenizer(path)
        self.pairs.enable_truncation(max_len, stride=stride, strategy="only_second")

    def cut_target(self, target: str) -> str:
        """The target's text up to its MAX_TARGET_TOKENS-th token."""
        offsets = self.plain.encode(target, add_special_tokens=False).offsets
        return (
            target[: offsets[MAX_TARGET_TOKENS - 1][1]]
            if len(offsets) > MAX_TARGET_TOKENS
            else target
        )

    def encode(self, pairs: Sequence[tuple[str, str]]) -> list[list[Encoding]]:
        """Per pair, its windows (the first, then the overflowing ones)."""
        cut = {t: self.cut_target(t) for t in {t for t, _ in pairs}}
        encodings = self.pairs.encode_batch([(cut[t], q) for t, q in pairs])
        return [[e, *e.overflowing] for e in encodings]


def batch_arrays(windows: Sequence[Encoding]) -> dict[str, np.ndarray]:
    """The ONNX inputs for windows, zero-padded to the longest."""
    n = max(len(w.ids) for w in windows)
    feed = {
        k: np.zeros((len(windows), n), np.int64)
        for k in ("input_ids", "attention_mask", "token_type_ids")
    }
    for row, w in enumerate(windows):
        feed["input_ids"][row, : len(w.ids)] = w.ids
        feed["attention_mask"][row, : len(w.ids)] = 1
        feed["token_type_ids"][row, : len(w.ids)] = w.type_ids
    return feed


class StanceModel:
    """Loads the cross-encoder once; predicts the stance of (target, quote text) pairs."""

    def __init__(self, model_dir: str | Path, threads: int = 1, batch_size: int = 64) -> None:
        model_dir = Path(model_dir)
        self.meta = load_meta(model_dir)
        if tuple(self.meta.get("labels", ())) != STANCE_LABELS or "max_len" not in self.meta:
            raise ValueError(
                f"{model_dir} holds no cross-encoder stance model over {STANCE_LABELS}"
            )
        self.encoder = PairEncoder(
            model_dir / "tokenizer.json", self.meta["max_len"], self.meta["stride"]
        )
        self.session = load_session(model_dir / "model.onnx", threads)
        self.batch_size = batch_size

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, float]]:
        """(label, confidence) per (target, quote text) pair: the label with the highest
        probability, averaged over the quote's windows."""
        if not pairs:
            return []
        owner, windows = [], []
        for p, wins in enumerate(self.encoder.encode(pairs)):
            owner += [p] * len(wins)
            windows += wins
        probs = np.empty((len(windows), len(STANCE_LABELS)))
        for idx in self.batches([len(w.ids) for w in windows]):
            probs[idx] = self.probabilities([windows[k] for k in idx])
        pooled = np.zeros((len(pairs), len(STANCE_LABELS)))
        np.add.at(pooled, np.asarray(owner), probs)
        pooled /= np.bincount(owner, minlength=len(pairs))[:, None]
        best = pooled.argmax(1)
        return [(STANCE_LABELS[k], float(pooled[p, k])) for p, k in enumerate(best)]

    def batches(self, lengths: Sequence[int]) -> list[list[int]]:
        """Window indices in ascending length, cut into batches of at most batch_size rows
        whose padding adds at most MAX_PADDING of their tokens (one ONNX run each)."""
        out: list[list[int]] = [[]]
        tokens = 0
        for k in sorted(range(len(lengths)), key=lengths.__getitem__):
            batch, n = out[-1], lengths[k]  # n: the longest so far, all rows pad to it
            if batch and (
                len(batch) == self.batch_size
                or (len(batch) + 1) * n > (1 + MAX_PADDING) * (tokens + n)
            ):
                out.append([])
                batch, tokens = out[-1], 0
            batch.append(k)
            tokens += n
        return out

    def probabilities(self, windows: Sequence[Encoding]) -> np.ndarray:
        """Class probabilities (softmax of the logits) for a batch of windows."""
        logits = self.session.run(None, batch_arrays(windows))[0].astype(np.float64)
        e = np.exp(logits - logits.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)
