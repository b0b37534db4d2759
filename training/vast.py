"""Reader for the VAST zero-shot stance corpus (Allaway & McKeown, EMNLP 2020)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "vast"
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
