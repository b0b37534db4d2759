"""Load test (issue 7): a constant arrival rate against gunicorn with 2 workers and the real
models, a mix of short (~200 words), typical (~800 words) and maximal (100,000-character)
PolNeAR dev articles; then a phase above capacity, where requests must queue or be refused
with 429/503 problem+json, never be lost.

    .venv/bin/python -m bench.load [--rate 2] [--seconds 300] [--overload 3] \
        [--overload-seconds 30] [--url http://127.0.0.1:8000] [--json runs/load.json]

Without --url it starts gunicorn itself (the command of `make serve`, on a free port). Latency
counts from the moment a request was due to leave, so client-side queueing is included.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from bench.articles import by_size, dev_texts, maximal
from bench.loadgen import Mix, open_loop, summary, table
from tests.support.server import start_server, stop_server
from training.corpora.polnear import DEFAULT_DIR

# Of every 200 requests: 1 maximal, 80 typical, 119 short, spread out.
SCHEDULE = ["maximal" if i == 100 else "typical" if i % 5 in (1, 3) else "short"
            for i in range(200)]


def mixes(data_dir: Path) -> tuple[Mix, Mix]:
    texts = dev_texts(data_dir)
    sizes = by_size(texts)
    classes = {"short": sizes["200 words"], "typical": sizes["800 words"],
               "maximal": [maximal(texts)]}
    # Above capacity: typical articles only, so the overload is steady, not lumpy.
    return Mix(SCHEDULE, classes), Mix(["typical"], classes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=2.0,
                    help="requests per second, steady (about half the measured capacity)")
    ap.add_argument("--seconds", type=float, default=300.0)
    ap.add_argument("--overload", type=float, default=3.0,
                    help="overload rate as a multiple of the 2-worker capacity for typical "
                    "articles measured at the end of the steady phase")
    ap.add_argument("--overload-seconds", type=float, default=30.0)
    ap.add_argument("--url", help="an already running server (default: start one)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--json", type=Path, help="write the summaries here")
    args = ap.parse_args()

    steady_mix, overload_mix = mixes(args.data_dir)
    server = None
    if args.url is None:
        log = Path(tempfile.mkdtemp(prefix="quotes-load-")) / "gunicorn.log"
        server = start_server(log, workers=args.workers)
        print(f"gunicorn, {args.workers} workers, at {server.url} (log {log})")
    url = args.url if server is None else server.url
    try:
        steady = summary(open_loop(url, steady_mix, args.rate, args.seconds))
        typical = steady["latency_ms_by_class"]["typical"]["p50"] / 1000
        capacity = args.workers / typical  # typical articles per second, all workers busy
        overload_rate = args.overload * capacity
        print(f"steady phase done; overload at {overload_rate:.1f}/s "
              f"({args.overload} x {capacity:.1f}/s)")
        over = summary(open_loop(url, overload_mix, overload_rate, args.overload_seconds))
    finally:
        if server is not None:
            stop_server(server)
    phases = {f"steady {args.rate:g}/s, {args.seconds:g} s": steady,
              f"overload {overload_rate:.1f}/s, {args.overload_seconds:g} s": over}
    print(table(phases))
    for name, s in phases.items():
        print(f"\n{name}: latency of 2xx by class (ms):")
        for kind, lat in s["latency_ms_by_class"].items():
            print(f"  {kind:8} n={lat['n']:5} p50={lat['p50']:8.0f} p95={lat['p95']:8.0f} "
                  f"p99={lat['p99']:8.0f} max={lat['max']:8.0f}")
        if s["lost"]:
            print(f"  LOST: {s['lost_errors']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(phases, indent=2), encoding="utf-8")
    if any(s["lost"] or s["other_status"] for s in phases.values()):
        raise SystemExit("requests were lost or answered with an unexpected status")


if __name__ == "__main__":
    main()
