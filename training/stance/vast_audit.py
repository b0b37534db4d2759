"""Audit VAST's duplicate inputs: (text, topic) pairs that carry more than one label.

    python -m training.stance.vast_audit --data ../shared/data/vast

Most synthetic-neutral rows (type_idx 4) repeat, character for character, the text and topic of
a pro or con row. A model sees one input and gives one answer, so no model can be right on both
rows. This prints, per split, how many rows are such duplicates, and on test the macro-F1 of two
reference answers that no trained model beats on them:
- a perfect reader: the pro/con label wherever a pair has one, neutral only where neutral is
  the pair's only label (stance read right, every duplicate neutral row lost);
- an oracle that knows which pairs were copied as neutral and answers neutral for them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from service.pipeline.stance.model import STANCE_LABELS
from training.corpora.vast import DEFAULT_DIR, VastRow, labels_by_pair, read_vast, single_label
from training.stance.metrics import f1_per_label, macro_f1


def reference_scores(rows: list[VastRow]) -> dict[str, dict[str, float]]:
    """Macro-F1 (and F1 per label) of the perfect reader and of the copy oracle."""
    by_pair = labels_by_pair(rows)
    gold = np.array([STANCE_LABELS.index(r.label) for r in rows])

    def score(answer: Callable[[set[str]], str]) -> dict[str, float]:
        pred = np.array([STANCE_LABELS.index(answer(by_pair[(r.text, r.topic)])) for r in rows])
        f1s = f1_per_label(gold, pred)
        return {"macro_f1": round(macro_f1(gold, pred), 4)} | {
            f"f1_{label}": round(f, 4) for label, f in zip(STANCE_LABELS, f1s, strict=True)
        }

    def stance_first(labels: set[str]) -> str:
        return min(sorted(labels), key=lambda label: label == "neutral")  # sorted: stable ties

    def neutral_first(labels: set[str]) -> str:
        return "neutral" if "neutral" in labels else min(labels)

    return {"perfect_reader": score(stance_first), "copy_oracle": score(neutral_first)}


def audit(rows: list[VastRow]) -> dict:
    dup = ~single_label(rows)
    neutral = np.array([r.label == "neutral" for r in rows])
    return {
        "rows": len(rows),
        "pairs": len(labels_by_pair(rows)),
        "rows_of_pairs_with_several_labels": int(dup.sum()),
        "neutral_rows": int(neutral.sum()),
        "neutral_rows_that_repeat_a_pro_or_con_pair": int((dup & neutral).sum()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    args = ap.parse_args()
    for split in ("train", "test"):
        print(split, json.dumps(audit(read_vast(args.data, split))))
    print("test references", json.dumps(reference_scores(read_vast(args.data, "test"))))


if __name__ == "__main__":
    main()
