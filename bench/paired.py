"""Paired latency run: this checkout's pipeline against an earlier commit's, in turns, on the
same ~800-word PolNeAR dev articles, one ONNX thread, so that both see the same machine load.

    python -m bench.paired --baseline a88317a --rounds 3
    python -m bench.paired --baseline bb7687c --target "the economy"   # the targets path

Each round runs the baseline, then this checkout, in fresh processes (a git worktree of the
baseline in a temporary folder, sharing this venv); each process times Pipeline.analyse on the
articles (after one warm-up) and the p50 over all rounds is printed per side.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.articles import by_size, dev_texts
from service.config import REPO_ROOT

TIMER = """
import json, sys, time
from service.pipeline import Pipeline
job = json.load(sys.stdin)
texts, targets = job["texts"], job["targets"]
pipeline = Pipeline("models", threads=1)
pipeline.analyse(texts[0], targets=targets)
times = []
for text in texts:
    start = time.perf_counter()
    pipeline.analyse(text, targets=targets)
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps(times))
"""


def timings(checkout: Path, texts: list[str], targets: list[str] | None) -> list[float]:
    job = json.dumps({"texts": texts, "targets": targets})
    done = subprocess.run([sys.executable, "-c", TIMER], cwd=checkout, input=job,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", required=True, help="git commit to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--articles", type=int, default=5)
    ap.add_argument("--target", action="append", dest="targets",
                    help="a stance target for every quote (the request's `targets`); repeatable")
    args = ap.parse_args(argv)
    texts = by_size(dev_texts())["800 words"][: args.articles]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", str(base), args.baseline],
                       cwd=REPO_ROOT, check=True, capture_output=True)
        try:
            sides: dict[str, list[float]] = {"baseline": [], "this checkout": []}
            for _ in range(args.rounds):
                sides["baseline"] += timings(base, texts, args.targets)
                sides["this checkout"] += timings(REPO_ROOT, texts, args.targets)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO_ROOT,
                           check=True)
    p50 = {k: statistics.median(v) for k, v in sides.items()}
    for name, value in p50.items():
        print(f"{name:14} p50 {value:7.1f} ms over {len(sides[name])} analyses")
    print(f"ratio {p50['this checkout'] / p50['baseline']:.3f} ({args.baseline} = 1)")


if __name__ == "__main__":
    main()
