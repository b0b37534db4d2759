"""quotes-batch --input articles.jsonl --output quotes.jsonl [--address HOST:PORT] ...

Progress (documents, rate, time left) goes to stderr; the run's figures, as one JSON object,
to the last line of stdout (Ray may print notes on lost workers before it). Run it again with
the same output to resume."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from service.batch.job import Settings, run, summary_json
from service.config import Config


def parse_args(argv: list[str] | None = None) -> Settings:
    parser = argparse.ArgumentParser(
        prog="quotes-batch",
        description="POST /v1/quotes over every document of a file, on Ray Data. Input: JSONL "
        "(one {id, text, title?, targets?} a line), Parquet or CSV with those columns. Output: "
        "JSONL or Parquet, one result or per-document problem per id; ids already there are "
        "skipped (resume).",
    )
    parser.add_argument("--input", type=Path, required=True, help=".jsonl, .parquet or .csv")
    parser.add_argument("--output", type=Path, required=True,
                        help=".jsonl, or .parquet (a directory of part files)")
    parser.add_argument("--address", help="Ray cluster (default: RAY_ADDRESS, else local Ray)")
    parser.add_argument("--actors", type=int, help="pipeline actors (default: CPUs // threads)")
    parser.add_argument("--threads", type=int, default=1,
                        help="ONNX Runtime threads per actor, and CPUs it reserves (default 1)")
    parser.add_argument("--batch-size", type=int, default=8, help="documents per actor call")
    parser.add_argument("--models-dir", type=Path, default=Config.from_env().models_dir,
                        help="the same on every node (default: MODELS_DIR, else ./models)")
    args = parser.parse_args(argv)
    if args.threads < 1 or args.batch_size < 1 or (args.actors is not None and args.actors < 1):
        parser.error("--actors, --threads and --batch-size must be at least 1")
    if not args.input.is_file():
        parser.error(f"no such input file: {args.input}")
    return Settings(args.input, args.output, args.models_dir, args.address, args.actors,
                    args.threads, args.batch_size)


def main(argv: list[str] | None = None) -> int:
    settings = parse_args(argv)
    if importlib.util.find_spec("ray") is None:  # the serving install (and image) has no Ray
        print("quotes-batch needs Ray: pip install 'quotes[batch]' (README, Scaling out)",
              file=sys.stderr)
        return 2
    try:
        summary = run(settings)
    except ValueError as exc:  # unknown input/output format
        print(f"quotes-batch: {exc}", file=sys.stderr)
        return 2
    print(summary_json(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
