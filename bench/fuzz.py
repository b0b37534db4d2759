"""`make fuzz`: the full contract fuzzing (issues 7, 12), at least 1,000 generated requests.

    .venv/bin/python -m bench.fuzz [--examples 520] [--report runs/fuzz.json]

Runs tests/test_fuzz_contract.py (schemathesis, every check, every phase: coverage, generated,
stateful; gunicorn with 2 workers and the real models) with more examples per route than the
suite's fast profile, then prints how many requests each route, generation mode (valid /
invalid data) and phase received, and how long it took.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

MIN_REQUESTS = 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=520, help="hypothesis examples per route")
    ap.add_argument("--report", type=Path, default=Path("runs/fuzz.json"))
    args = ap.parse_args()
    args.report.parent.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"FUZZ_MAX_EXAMPLES": str(args.examples), "FUZZ_WORKERS": "2",
                        "FUZZ_REPORT": str(args.report.resolve())}
    started = time.monotonic()
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_fuzz_contract.py"], env=env, check=False,
    )
    seconds = time.monotonic() - started
    report = json.loads(args.report.read_text(encoding="utf-8"))
    for route, count in report["requests"].items():
        print(f"{count:6}  {route}")
    print(f"{report['total']:6}  generated requests in all, in {seconds:.0f} s "
          "(server start included)")
    if tests.returncode:
        raise SystemExit("the contract fuzzing found failures (see above)")
    print("0 failures")
    if report["total"] < MIN_REQUESTS:
        raise SystemExit(f"only {report['total']} requests; raise --examples")


if __name__ == "__main__":
    main()
