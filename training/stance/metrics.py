"""Macro-F1 over support/oppose/neutral for VAST rows, overall and by seen / zero-shot topics."""

from __future__ import annotations

import numpy as np

from service.pipeline.stance.model import STANCE_LABELS
from training.corpora.vast import VastRow, single_label


def f1_per_label(gold: np.ndarray, pred: np.ndarray) -> list[float]:
    f1s = []
    for c in range(len(STANCE_LABELS)):
        tp = np.sum((pred == c) & (gold == c))
        denom = np.sum(pred == c) + np.sum(gold == c)
        f1s.append(float(2 * tp / denom) if denom else 0.0)
    return f1s


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    return float(np.mean(f1_per_label(gold, pred)))


def report(rows: list[VastRow], pred: np.ndarray) -> dict[str, float]:
    """Macro-F1 on all rows, zero-shot rows (seen=0), few-shot rows (seen=1: the topic occurs
    in train) and the rows whose (text, topic) carries one label (no duplicate with another
    label), then F1 per label on all rows; pred holds label indices."""
    gold = np.array([STANCE_LABELS.index(r.label) for r in rows])
    seen = np.array([r.seen for r in rows])
    out = {"all": macro_f1(gold, pred)}
    if (~seen).any():
        out["zero_shot"] = macro_f1(gold[~seen], pred[~seen])
    if seen.any() and (~seen).any():
        out["few_shot"] = macro_f1(gold[seen], pred[seen])
    one = single_label(rows)
    if one.any():
        out["single_label"] = macro_f1(gold[one], pred[one])
    f1s = f1_per_label(gold, pred)
    out |= {f"f1_{label}": f for label, f in zip(STANCE_LABELS, f1s, strict=True)}
    return {k: round(v, 4) for k, v in out.items()}
