"""Score the stance model as served (StanceModel.predict) on VAST: macro-F1 overall, zero-shot.

    python -m training.stance_eval --data ../shared/data/vast --model models/stance [--encoder X]

--encoder swaps the int8 encoder for another ONNX export (e.g. the fp32 one) to measure the cost
of quantisation; everything else is the served code path.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

from service.pipeline.stance import LABELS, StanceModel, TokenEncoder
from training.stance_metrics import report
from training.vast import DEFAULT_DIR, read_vast


def evaluate(model: StanceModel, data: Path, split: str, chunk: int = 64) -> dict:
    rows = sorted(read_vast(data, split), key=lambda r: r.text)  # a text's targets share a call
    pred = []
    for i in tqdm(range(0, len(rows), chunk), desc=f"stance {split}"):
        out = model.predict([(r.topic, r.text) for r in rows[i : i + chunk]])
        pred += [LABELS.index(label) for label, _ in out]
    return report(rows, np.array(pred))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--model", type=Path, default=Path("models/stance"))
    ap.add_argument("--encoder", type=Path, help="ONNX encoder replacing model.onnx")
    ap.add_argument("--split", default="test")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    model = StanceModel(args.model, threads=args.threads)
    if args.encoder:
        model.encoder = TokenEncoder(args.encoder, args.model / "tokenizer.json", args.threads)
    t0 = time.time()
    result = {"split": split_name(args), **evaluate(model, args.data, args.split)}
    result["seconds"] = round(time.time() - t0)
    print(json.dumps(result))


def split_name(args: argparse.Namespace) -> str:
    return f"{args.split} ({(args.encoder or args.model / 'model.onnx').name})"


if __name__ == "__main__":
    main()
