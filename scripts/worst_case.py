"""Time the pipeline on the largest texts the API accepts, to size gunicorn's timeout.

python scripts/worst_case.py [--models models]

Two 100,000-character texts on one intra-op thread, as a gunicorn worker runs them: ordinary
prose with a few quotes, and a quote-dense text (a quote every ~25 characters), the worst case
for speakers and stance.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # as service/gunicorn_conf.py sets it

from service.config import MAX_TEXT_CHARS, REPO_ROOT
from service.pipeline import Pipeline

PROSE = (
    "The city council met on Tuesday to discuss the budget for the coming year. Members "
    "debated road repairs, school funding and the new library, and the mayor, Ana Ruiz, said "
    "the plan would be ready in spring. "
)
DENSE = "“We will win,” she said. "


def fill(unit: str) -> str:
    return (unit * (MAX_TEXT_CHARS // len(unit) + 1))[:MAX_TEXT_CHARS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default=str(REPO_ROOT / "models"))
    args = parser.parse_args()
    pipeline = Pipeline(args.models, threads=1)
    pipeline.warm_up()
    for label, text in (("prose", fill(PROSE)), ("quote-dense", fill(DENSE))):
        started = time.perf_counter()
        quotes = pipeline.analyse(text, targets=["the budget"])
        seconds = time.perf_counter() - started
        print(f"{label:12s} {len(text)} chars {len(quotes):5d} quotes {seconds:6.1f} s", flush=True)


if __name__ == "__main__":
    main()
