"""ONNX Runtime sessions and tokenizers for the committed models (no torch at serving time)."""

from __future__ import annotations

import json
from pathlib import Path

import onnxruntime as ort
from tokenizers import Tokenizer


def load_session(path: Path, threads: int = 1) -> ort.InferenceSession:
    """Open an ONNX model for CPU inference with a fixed number of intra-op threads.

    The service passes INFERENCE_THREADS (service/config.py says why its default is 2).
    """
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # idle intra-op threads sleep instead of spinning: a spinning pool takes the core that
    # spaCy's parse (run beside the tagger) and the other workers need
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def load_tokenizer(path: Path) -> Tokenizer:
    """Load a tokenizer.json with truncation and padding off (callers window the text)."""
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def load_meta(model_dir: Path) -> dict:
    """Read a model folder's meta.json: name, version and the settings it was trained with."""
    return json.loads((Path(model_dir) / "meta.json").read_text(encoding="utf-8"))
