"""Store an int8 ONNX model's matrix weights as uint8 so every x86 CPU computes it exactly.

ONNX Runtime multiplies uint8 activations by int8 weights with VPMADDUBSW on CPUs without
VNNI (AVX2, AVX-512 before Cascade Lake, many AMD EPYCs), which saturates the int16 sum of two
products; with VNNI the sum is exact. The same model thus tags differently by CPU (see
models/attribution/MODEL_CARD.md). Weights q in [-128, 127] with zero point z are stored as
q + 128 with zero point z + 128: the same integer products, (a - za) * (q - z), which ONNX
Runtime's uint8 x uint8 kernels compute without saturation on every CPU. Lossless: the output is
the exact int8 arithmetic the model was quantised for (the VNNI result).

    python -m training.unsigned_int8 models/attribution/model.onnx [more.onnx ...]  # in place
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper

# op type -> (weight input, weight zero-point input), by the ONNX / contrib op schemas
WEIGHT_INPUTS = {"MatMulInteger": (1, 3), "QAttention": (1, 7)}


def to_unsigned(model: onnx.ModelProto) -> int:
    """Rewrite, in place, the int8 weight initializers (and their zero points) of the model's
    MatMulInteger and QAttention nodes as uint8 shifted by 128; returns how many tensors
    changed (0 for a model already unsigned).

    Raises ValueError when such a weight has no zero-point initializer or also feeds another
    kind of node (its meaning there would change)."""
    init = {t.name: t for t in model.graph.initializer}
    users: dict[str, set[str]] = {}
    for node in model.graph.node:
        for name in node.input:
            users.setdefault(name, set()).add(node.op_type)
    shifted: set[str] = set()
    for node in model.graph.node:
        if node.op_type not in WEIGHT_INPUTS:
            continue
        weight, zero = (node.input[i] if i < len(node.input) else "" for i in WEIGHT_INPUTS[
            node.op_type])
        if weight not in init or init[weight].data_type != TensorProto.INT8:
            continue
        if zero not in init:
            raise ValueError(f"{node.name}: int8 weight {weight} without a zero-point tensor")
        for name in (weight, zero):
            if not users[name] <= WEIGHT_INPUTS.keys():
                raise ValueError(f"{name} also feeds {sorted(users[name])}")
            if name not in shifted:
                values = numpy_helper.to_array(init[name]).astype(np.int16) + 128
                init[name].CopyFrom(numpy_helper.from_array(values.astype(np.uint8), name))
                shifted.add(name)
    return len(shifted)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", type=Path, nargs="+", help="int8 ONNX files, rewritten in place")
    args = ap.parse_args(argv)
    for path in args.models:
        model = onnx.load(str(path))
        changed = to_unsigned(model)
        if changed:
            onnx.save(model, str(path))
        print(f"{path}: {changed} tensors made uint8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
