"""Score a served stance model folder (StanceModel.predict) on VAST: macro-F1 overall, zero-shot.

    python -m training.stance.evaluate_stance --data ../shared/data/vast --model models/stance
    python -m training.stance.evaluate_stance --model runs/stance/fp32  # fp32, same code path

Rows are sorted by text and sent 64 at a time, so a text's targets share a call as a
document's quotes do in the service.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

from service.pipeline.stance.model import STANCE_LABELS, StanceModel
from training.corpora.vast import DEFAULT_DIR, read_vast
from training.stance.metrics import report


def evaluate(model: StanceModel, data: Path, split: str, chunk: int = 64, limit: int = 0) -> dict:
    rows = sorted(read_vast(data, split), key=lambda r: r.text)
    rows = rows[:limit] if limit else rows
    pred = []
    for i in tqdm(range(0, len(rows), chunk), desc=f"stance {split}"):
        out = model.predict([(r.topic, r.text) for r in rows[i : i + chunk]])
        pred += [STANCE_LABELS.index(label) for label, _ in out]
    return {"rows": len(rows), **report(rows, np.array(pred))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--model", type=Path, default=Path("models/stance"))
    ap.add_argument("--split", default="test")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="first N rows only (smoke runs)")
    args = ap.parse_args()
    model = StanceModel(args.model, threads=args.threads)
    t0 = time.time()
    result = {
        "model": str(args.model),
        "precision": model.meta.get("precision"),
        "split": args.split,
        **evaluate(model, args.data, args.split, limit=args.limit),
        "seconds": round(time.time() - t0),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
