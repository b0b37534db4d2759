"""Where wrong speakers come from: resolution or linking.

For every found gold quote of the given speaker gold sets, the predicted speaker's mention is
compared with the gold source span. A mention on the source whose speaker is wrong is a
resolution error (the speakers step); a mention elsewhere, or none, is a linking error (the
attribution tagger and link scorer chose another source or none). Resolution errors are
counted by gold and predicted speaker type.

    python -m training.speakers.error_sources --models runs/models-train-only \
        --gold training/gold/speakers_dev --gold training/gold/speakers_heldout ...
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from training.corpora.polnear import DEFAULT_DIR as POLNEAR_DIR
from training.speakers.evaluate_seeds import Row, pipeline_analyser, score
from training.speakers.evaluate_speakers import load_dev_gold


def origin(row: Row) -> str:
    """"on source", "elsewhere" or "none": where the predicted mention lies against the gold
    source span [start, end)."""
    mention = ((row.pred or {}).get("speaker") or {}).get("mention") or {}
    start, end = row.gold["source"]
    if mention.get("start") is None:
        return "none"
    return "on source" if mention["start"] < end and start < mention["end"] else "elsewhere"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", type=Path, default=Path("models"))
    ap.add_argument("--polnear", type=Path, default=POLNEAR_DIR)
    ap.add_argument("--gold", type=Path, action="append", required=True)
    args = ap.parse_args(argv)
    analyse = pipeline_analyser(args.models)
    counts: Counter[tuple[str, bool]] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    for gold in args.gold:
        docs, texts = load_dev_gold(gold, args.polnear)
        for row in score(docs, {d: analyse(d, t) for d, t in texts.items()}):
            if not row.found:
                continue
            where = origin(row)
            counts[where, row.speaker_ok] += 1
            if where == "on source" and not row.speaker_ok:
                predicted = ((row.pred or {}).get("speaker") or {}).get("type", "unknown")
                kinds[row.gold["speaker_type"], predicted] += 1
    for where in ("on source", "elsewhere", "none"):
        print(f"mention {where}: right {counts[where, True]}, wrong {counts[where, False]}")
    print("wrong on source, gold type -> predicted type:")
    for (gold_type, predicted), n in kinds.most_common():
        print(f"  {gold_type} -> {predicted}: {n}")


if __name__ == "__main__":
    main()
