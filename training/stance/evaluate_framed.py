"""Stance through the API: sentences framed as a speaker's quote, their topic as the target.

    python -m training.stance.evaluate_framed --vast ../shared/data/vast --rows 600
    python -m training.stance.evaluate_framed --news training/gold/stance_news_dev.json

Each item becomes one POST /v1/quotes (the real app, in process) of the text
`Alex Morgan said: “<sentence>”` with `targets: [<target>]`; the stance of the quote that
covers most of the sentence is the prediction. An item whose sentence no quote covers counts
as a wrong answer (predicted "none"), so the figure also pays for quotes the service misses.
VAST rows: a seeded sample of the repaired test split. News items: PolNeAR dev quotes (content
spans) with a target and a label annotated here (training/gold/STANCE_NEWS_README.md).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import numpy as np
from tqdm import tqdm

from service import create_app
from service.config import Config
from service.pipeline import Pipeline
from service.pipeline.stance.model import STANCE_LABELS
from training.corpora.news_stance import read_news_stance
from training.corpora.polnear import DEFAULT_DIR as POLNEAR_DIR
from training.corpora.vast import DEFAULT_DIR as VAST_DIR
from training.corpora.vast import read_vast
from training.stance.metrics import f1_per_label

LEAD = "Alex Morgan said: \u201c"
# inner double quotation marks would end the framed quote early
INNER_MARKS = str.maketrans({'"': "'", "\u201c": "\u2018", "\u201d": "\u2019"})
MISSED = len(STANCE_LABELS)  # the label index of "no quote covers the sentence"


def frame(sentence: str) -> tuple[str, int, int]:
    """The framed text and the sentence's character span in it."""
    body = " ".join(sentence.translate(INNER_MARKS).split())
    return f"{LEAD}{body}\u201d", len(LEAD), len(LEAD) + len(body)


def predict(client, sentence: str, target: str) -> int:
    text, start, end = frame(sentence)
    reply = client.post("/v1/quotes", json={"text": text, "targets": [target]})
    if reply.status_code != 200:
        raise RuntimeError(f"POST /v1/quotes answered {reply.status_code}: {reply.get_data()!r}")
    quotes = reply.get_json()["quotes"]

    def covered(q: dict) -> int:
        return max(0, min(end, q["end"]) - max(start, q["start"]))

    best = max(quotes, key=covered, default=None)
    if best is None or covered(best) == 0 or not best["stance"]:
        return MISSED
    return STANCE_LABELS.index(best["stance"][0]["label"])


def vast_items(data: Path, rows: int, seed: int) -> list[tuple[str, str, str]]:
    test = read_vast(data, "test")
    return [(r.text, r.topic, r.label) for r in random.Random(seed).sample(test, rows)]


def news_items(gold: Path, polnear: Path) -> list[tuple[str, str, str]]:
    return [(r.text, r.topic, r.label) for r in read_news_stance(gold, polnear, "dev")]


def score(gold: list[str], pred: list[int]) -> dict:
    y = np.array([STANCE_LABELS.index(g) for g in gold])
    p = np.array(pred)
    f1s = f1_per_label(y, p)
    return {
        "items": len(gold),
        "macro_f1": round(float(np.mean(f1s)), 4),
        **{f"f1_{label}": round(f, 4) for label, f in zip(STANCE_LABELS, f1s, strict=True)},
        "no_quote_found": int((p == MISSED).sum()),
        "predicted": dict(Counter(STANCE_LABELS[k] if k < MISSED else "none" for k in pred)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--vast", type=Path, nargs="?", const=VAST_DIR, help="VAST folder")
    src.add_argument("--news", type=Path, help="news stance gold JSON")
    ap.add_argument("--polnear", type=Path, default=POLNEAR_DIR)
    ap.add_argument("--rows", type=int, default=600, help="VAST test rows sampled")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--models", type=Path, default=Path("models"))
    args = ap.parse_args()
    items = (vast_items(args.vast, args.rows, args.seed) if args.vast
             else news_items(args.news, args.polnear))
    app = create_app(Config(models_dir=args.models), pipeline=Pipeline(args.models))
    client = app.test_client()
    pred = [predict(client, s, t) for s, t, _ in tqdm(items, desc="framed quotes")]
    print(json.dumps({"models": str(args.models), **score([g for *_, g in items], pred)}))


if __name__ == "__main__":
    main()
