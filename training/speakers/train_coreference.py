"""Train the antecedent ranker on GUM train (commercially usable genres) and GAP development,
write
models/coreference/model.json; print its accuracy on GUM dev and test (news and interview,
and all commercial genres) beside the nearest-compatible-candidate rule.

    python -m training.speakers.train_coreference --gum ../shared/data/gum

Accuracy: of the anaphors whose referent is among the candidates, the share where the
top-scoring candidate is right.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from service.pipeline.nlp import load_nlp
from service.pipeline.speakers.antecedents import FEATURES
from service.pipeline.speakers.gender import load_first_names
from training.corpora.gum import COMMERCIAL_GENRES, DEFAULT_DIR, read_split
from training.speakers.coreference_data import Instance, gap_instances, instances

GAP_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "gap"
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "coreference"
VERSION = "1.1.0"
C = 1.0  # inverse L2 strength, chosen on GUM dev (see the model card)
EVAL_GENRES = ("news", "interview")


def collect_gap(gap_dir: Path, split: str) -> list[Instance]:
    names = load_first_names(MODEL_DIR)
    return list(gap_instances(load_nlp(), gap_dir / f"gap-{split}.tsv", names))


def collect(gum_dir: Path, split: str, genres: tuple[str, ...]) -> list[Instance]:
    nlp, names = load_nlp(), load_first_names(MODEL_DIR)
    out: list[Instance] = []
    for doc in read_split(gum_dir, split, genres):
        out += instances(nlp, doc, names)
    return out


def answerable(data: list[Instance]) -> list[Instance]:
    return [x for x in data if x.gold.any()]


def fit(train: list[Instance], c: float) -> LogisticRegression:
    rows = np.vstack([x.rows for x in answerable(train)])
    gold = np.concatenate([x.gold for x in answerable(train)])
    return LogisticRegression(C=c, max_iter=2000).fit(rows, gold)


def accuracy(data: list[Instance], score) -> tuple[float, int]:
    """(share of answerable anaphors whose best candidate is right, how many)."""
    usable = answerable(data)
    right = sum(bool(x.gold[int(np.argmax(score(x.rows)))]) for x in usable)
    return right / max(len(usable), 1), len(usable)


def nearest_compatible(rows: np.ndarray) -> np.ndarray:
    """The rule baseline: the nearest candidate without a gender or number clash."""
    col = {name: k for k, name in enumerate(FEATURES)}
    clash = rows[:, col["gender_clash"]] + rows[:, col["they_to_person"]]
    return -np.arange(len(rows)) - 100 * clash


def report(name: str, data: list[Instance], model: LogisticRegression) -> str:
    learned, n = accuracy(data, lambda r: model.decision_function(r))
    rule, _ = accuracy(data, nearest_compatible)
    kinds = {k: accuracy([x for x in data if x.kind == k], lambda r: model.decision_function(r))
             for k in ("pronoun", "description")}
    return (f"{name}: {n} of {len(data)} anaphors have their referent among the candidates; "
            f"of those, learned {learned:.3f} (pronouns {kinds['pronoun'][0]:.3f} "
            f"of {kinds['pronoun'][1]}, descriptions {kinds['description'][0]:.3f} of "
            f"{kinds['description'][1]}), nearest-compatible rule {rule:.3f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gum", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--gap", type=Path, default=GAP_DIR)
    ap.add_argument("--c", type=float, default=C)
    args = ap.parse_args(argv)
    train = collect(args.gum, "train", COMMERCIAL_GENRES)
    gap = collect_gap(args.gap, "development")
    model = fit(train + gap, args.c)
    print(report("GUM train", train, model))
    print(report("GAP development", gap, model))
    print(report("GAP validation", collect_gap(args.gap, "validation"), model))
    for split in ("dev", "test"):
        news = collect(args.gum, split, EVAL_GENRES)
        print(report(f"GUM {split} (news, interview)", news, model))
        print(report(f"GUM {split} (commercial genres)",
                     collect(args.gum, split, COMMERCIAL_GENRES), model))
    meta = {
        "name": "quotes-coreference-antecedents",
        "version": VERSION,
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "trained_on": f"GUM train ({', '.join(COMMERCIAL_GENRES)}) and GAP development; "
        f"C={args.c}",
    }
    (args.out / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'model.json'}")


if __name__ == "__main__":
    main()
