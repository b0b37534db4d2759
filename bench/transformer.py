"""The attribution transformer alone: ONNX Runtime int8 (as served) or the torch fp32 checkpoint,
run through the serving class (AttributionModel: same tokens, windows, batches, one intra-op
thread). Prints JSON: milliseconds per 1,000 wordpieces and the process's peak RSS. One engine
per process, so that the peak memory is that engine's.

    .venv/bin/python -m bench.transformer --engine onnx [--model models/attribution]
    .venv/bin/python -m bench.transformer --engine torch --checkpoint runs/attribution
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("OMP_NUM_THREADS", "1")  # as service/gunicorn_conf.py sets it

from bench.articles import by_size, dev_texts
from bench.procs import peak_rss_mb
from service.pipeline.attribution import model as attribution
from service.pipeline.attribution.casing import case_shapes
from service.pipeline.text import encoder_view
from training.corpora.polnear import DEFAULT_DIR


class TorchSession:
    """ONNX Runtime's session interface over a torch checkpoint, so that AttributionModel runs
    it unchanged (benchmark only: serving installs no torch)."""

    INPUTS = ("input_ids", "attention_mask", "token_type_ids")

    def __init__(self, checkpoint: Path) -> None:
        import torch
        from transformers import BertForTokenClassification

        torch.set_num_threads(1)
        self.torch = torch
        self.model = BertForTokenClassification.from_pretrained(checkpoint).eval()

    def get_inputs(self) -> list[SimpleNamespace]:
        return [SimpleNamespace(name=name) for name in self.INPUTS]

    def run(self, _outputs: object, feed: dict) -> list:
        with self.torch.inference_mode():
            tensors = {k: self.torch.from_numpy(v) for k, v in feed.items()}
            return [self.model(**tensors).logits.numpy()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", choices=["onnx", "torch"], required=True)
    ap.add_argument("--model", type=Path, default=Path("models/attribution"))
    ap.add_argument("--checkpoint", type=Path, default=Path("runs/attribution"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    args = ap.parse_args()
    if args.engine == "torch":

        def torch_session(path: Path, threads: int = 1) -> TorchSession:
            return TorchSession(args.checkpoint)

        attribution.load_session = torch_session
    model = attribution.AttributionModel(args.model, threads=1)
    texts = [group[0] for group in by_size(dev_texts(args.data_dir)).values()]
    encodings = [model.tokenizer.encode(encoder_view(t), add_special_tokens=False) for t in texts]
    inputs = [(e.ids, case_shapes(t, e)) for t, e in zip(texts, encodings, strict=True)]
    model.logits(*inputs[0])  # warm-up
    seconds = 0.0
    for article in inputs:
        runs = []
        for _ in range(args.runs):
            started = time.perf_counter()
            model.logits(*article)
            runs.append(time.perf_counter() - started)
        seconds += statistics.median(runs)
    wordpieces = sum(len(ids) for ids, _ in inputs)
    precision = "fp32" if args.engine == "torch" else model.meta.get("precision", "")
    print(json.dumps({
        "engine": f"{args.engine} {precision}",
        "wordpieces": wordpieces,
        "ms_per_1000_wordpieces": round(seconds / wordpieces * 1e6, 1),
        "peak_rss_mb": peak_rss_mb(os.getpid()),
    }))


if __name__ == "__main__":
    main()
