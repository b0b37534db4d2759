"""Reader for the VAST zero-shot stance corpus (Allaway & McKeown, EMNLP 2020)."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "vast"
# VAST's labels mapped onto the service's stance labels.
LABELS = {"pro": "support", "con": "oppose", "neutral": "neutral"}


@dataclass(frozen=True)
class VastRow:
    text: str
    topic: str
    label: str  # support | oppose | neutral
    seen: bool  # the topic also occurs in train (seen=1); seen=0 rows are zero-shot


def read_vast(data_dir: str | Path, split: str) -> list[VastRow]:
    """Rows of one split ("train", "dev" or "test") in file order."""
    path = Path(data_dir) / f"{split}.csv"
    with path.open(newline="", encoding="utf-8") as f:
        return [
            VastRow(r["text"], r["topic"], LABELS[r["label"]], r["seen"] == "1")
            for r in csv.DictReader(f)
        ]


def labels_by_pair(rows: list[VastRow]) -> dict[tuple[str, str], set[str]]:
    """The labels each (text, topic) pair carries: most synthetic-neutral rows repeat the
    text and topic of a pro or con row (training/stance/vast_audit.py counts them)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        out[(r.text, r.topic)].add(r.label)
    return out


def single_label(rows: list[VastRow]) -> np.ndarray:
    """Mask of the rows whose (text, topic) carries one label among these rows."""
    by_pair = labels_by_pair(rows)
    return np.array([len(by_pair[(r.text, r.topic)]) == 1 for r in rows])
