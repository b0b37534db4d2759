"""Added latency of the stance step per (quote, target) pair, by batching strategy.

    python -m bench.stance_latency [--gold ../shared/eval/seeds.gold.json] [--threads 1]

Quotes are the hand-annotated seed quotes (real news-quote lengths); targets mimic a request's
1-8 targets. Compares one predict call per pair with one call per document, and the ONNX batch
size (windows per run) within a call. Prints a table of milliseconds per pair (median of
--repeat runs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from service.pipeline.stance.model import StanceModel

TARGETS = ["Huawei", "the US ban", "5G networks", "China", "tariffs", "Google", "Trump", "trade"]


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=Path("../shared/eval/seeds.gold.json"))
    ap.add_argument("--model", type=Path, default=Path("models/stance"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = [[q["text"] for q in d["quotes"]] for d in json.loads(args.gold.read_text())]
    n_quotes = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {n_quotes} quotes, threads={args.threads}")
    print("| strategy | targets | ONNX batch | pairs | ms/pair |")
    print("|---|---|---|---|---|")
    for n_targets in (1, 8):
        pairs_of = [[(t, q) for q in d for t in TARGETS[:n_targets]] for d in docs]
        total = sum(len(p) for p in pairs_of)
        for batch in (8, 32, 64, 128):
            model = StanceModel(args.model, threads=args.threads, batch_size=batch)
            model.predict(pairs_of[0][:2])  # warm-up
            s = timed(lambda m=model, ps=pairs_of: [m.predict(p) for p in ps], args.repeat)
            print(
                f"| one call per document | {n_targets} | {batch} | {total} | "
                f"{1000 * s / total:.1f} |"
            )
        one = [p for ps in pairs_of for p in ps]
        s = timed(lambda m=model, ps=one: [m.predict([p]) for p in ps], 1)
        print(f"| one call per pair | {n_targets} | - | {total} | {1000 * s / total:.1f} |")


if __name__ == "__main__":
    main()
