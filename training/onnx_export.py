"""ONNX export steps shared by the attribution and stance exports: torch -> fp32 ONNX, fusion of
the BERT kernels, per-channel int8 quantisation with the weights stored as uint8."""

from __future__ import annotations

from pathlib import Path

import onnx
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model

from training.unsigned_int8 import to_unsigned

INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def export_fp32(model: torch.nn.Module, path: Path, logits_axes: dict[int, str]) -> None:
    """Export a BERT-input model with dynamic batch and token axes; logits_axes names the
    output's dynamic axes (per token for a tagger, per row for a classifier)."""
    ids = torch.ones(2, 16, dtype=torch.long)
    dyn = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        model,
        (ids, torch.ones_like(ids), torch.zeros_like(ids)),
        str(path),
        input_names=list(INPUTS),
        output_names=["logits"],
        dynamic_axes={name: dyn for name in INPUTS} | {"logits": logits_axes},
        opset_version=17,
        dynamo=False,
    )


def fuse(raw: Path, out: Path) -> None:
    """Fuse attention / layer norm / GELU so ONNX Runtime runs its fast kernels (MiniLM-L6)."""
    fused = optimize_model(str(raw), model_type="bert", num_heads=12, hidden_size=384)
    fused.save_model_to_file(str(out))


def quantize_int8(fp32: Path, out: Path) -> None:
    """Dynamic int8 quantisation with per-channel weights, then stored as uint8 so that CPUs
    without VNNI compute the same integer products (training/unsigned_int8.py)."""
    quantize_dynamic(
        str(fp32),
        str(out),
        weight_type=QuantType.QInt8,
        per_channel=True,
        # fused contrib ops defeat shape inference; the tensors they feed are fp32
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    model = onnx.load(str(out))
    to_unsigned(model)
    onnx.save(model, str(out))
