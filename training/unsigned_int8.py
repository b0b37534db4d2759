"""Store an int8 ONNX model's matrix weights as uint8 so x86 CPUs compute its products exactly.

ONNX Runtime multiplies uint8 activations by int8 weights with VPMADDUBSW on CPUs without
VNNI (AVX2, AVX-512 before Cascade Lake, many AMD EPYCs), which saturates the int16 sum of two
products; with VNNI the sum is exact. The same model thus tags differently by CPU (see
models/attribution/MODEL_CARD.md). Weights q in [-128, 127] with zero point z are stored as
q + 128 with zero point z + 128: the same integer products, (a - za) * (q - z), which ONNX
Runtime's uint8 x uint8 kernels compute without saturation (they widen to 16 bits first;
measured on an AVX2 CPU). Lossless in the integers, the VNNI result; the float parts of the
graph may still differ slightly by CPU.

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
    """Rewrite, in place, the int8 weight initializers (and their int8 zero points) of the
    model's MatMulInteger and QAttention nodes as uint8 shifted by 128; returns how many
    tensors changed (0 for a model already unsigned).

    Raises ValueError, before changing anything, when such a weight has no int8 zero-point
    tensor or when one of the tensors also feeds any other input of any node (its meaning
    there would change); subgraphs are not read, so a model with any is refused."""
    init = {t.name: t for t in model.graph.initializer}
    if any(a.type in (onnx.AttributeProto.GRAPH, onnx.AttributeProto.GRAPHS)
           for node in model.graph.node for a in node.attribute):
        raise ValueError("the model has subgraphs, which this rewrite does not read")
    wanted: set[tuple[str, int]] = set()  # (op type, input position) a shifted tensor may feed
    shift: set[str] = set()
    for node in model.graph.node:
        if node.op_type not in WEIGHT_INPUTS:
            continue
        weight, zero = (node.input[i] if i < len(node.input) else "" for i in WEIGHT_INPUTS[
            node.op_type])
        if weight not in init or init[weight].data_type != TensorProto.INT8:
            continue
        if zero not in init or init[zero].data_type != TensorProto.INT8:
            raise ValueError(f"{node.name}: int8 weight {weight} without an int8 zero point")
        shift |= {weight, zero}
        wanted |= {(node.op_type, i) for i in WEIGHT_INPUTS[node.op_type]}
    for node in model.graph.node:
        for i, name in enumerate(node.input):
            if name in shift and (node.op_type, i) not in wanted:
                raise ValueError(f"{name} also feeds input {i} of {node.op_type} {node.name}")
    for name in shift:
        values = numpy_helper.to_array(init[name]).astype(np.int16) + 128
        init[name].CopyFrom(numpy_helper.from_array(values.astype(np.uint8), name))
    return len(shift)


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
