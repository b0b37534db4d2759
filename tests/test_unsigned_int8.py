"""training/unsigned_int8.py: uint8-stored weights give the exact int8 products on every CPU,
and the served models are stored that way."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from service.config import REPO_ROOT
from training.unsigned_int8 import WEIGHT_INPUTS, to_unsigned

K, N = 64, 8


def matmul_integer(weights: np.ndarray, zero: np.ndarray) -> onnx.ModelProto:
    """A uint8 activation times a stored int8 weight matrix, as quantize_dynamic writes it."""
    node = helper.make_node("MatMulInteger", ["a", "w", "", "wz"], ["y"])
    graph = helper.make_graph(
        [node], "g", [helper.make_tensor_value_info("a", TensorProto.UINT8, [1, K])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [1, N])],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(zero, "wz")])
    # (IR version 9: what the ONNX Runtime of the service reads)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)


def run(model: onnx.ModelProto, a: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"a": a})[0]


def test_products_are_exact_where_pairs_of_int8_products_overflow_int16() -> None:
    # 255 * -128 twice is -65,280: past int16, where CPUs without VNNI saturate an int8 weight
    rng = np.random.default_rng(0)
    weights = np.where(rng.random((K, N)) < 0.5, -128, 127).astype(np.int8)
    zero = np.array([0, 1, -1, 3, 0, 0, -2, 5], dtype=np.int8)
    a = np.full((1, K), 255, dtype=np.uint8)
    exact = a.astype(np.int64) @ (weights.astype(np.int64) - zero.astype(np.int64))
    model = matmul_integer(weights, zero)
    assert to_unsigned(model) == 2
    stored = {t.name: t.data_type for t in model.graph.initializer}
    assert stored == {"w": TensorProto.UINT8, "wz": TensorProto.UINT8}
    assert np.array_equal(run(model, a), exact)
    assert to_unsigned(model) == 0  # already unsigned: nothing to do


def test_a_weight_shared_with_another_kind_of_node_is_refused() -> None:
    model = matmul_integer(np.ones((K, N), dtype=np.int8), np.zeros(N, dtype=np.int8))
    model.graph.node.append(helper.make_node("DequantizeLinear", ["w", "s"], ["d"]))
    with pytest.raises(ValueError, match="also feeds"):
        to_unsigned(model)
    assert all(t.data_type == TensorProto.INT8 for t in model.graph.initializer)  # untouched


@pytest.mark.parametrize("name", ["attribution", "stance"])
def test_served_models_store_no_int8_matrix_weights(name: str) -> None:
    model = onnx.load(str(REPO_ROOT / "models" / name / "model.onnx"))
    init = {t.name: t.data_type for t in model.graph.initializer}
    weights = [node.input[i] for node in model.graph.node if node.op_type in WEIGHT_INPUTS
               for i in WEIGHT_INPUTS[node.op_type]]
    assert weights and all(init[w] == TensorProto.UINT8 for w in weights)
    # the table's positions are the weights' and their zero points' (quantize_dynamic's names)
    zeros = [node.input[WEIGHT_INPUTS[node.op_type][1]] for node in model.graph.node
             if node.op_type in WEIGHT_INPUTS]
    assert all(w.endswith("_quantized") for w in weights[::2])
    assert all(z.endswith("_zero_point") for z in zeros)
