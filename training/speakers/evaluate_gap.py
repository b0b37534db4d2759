"""GAP (ambiguous pronoun -> name A / name B) through the served antecedent ranker.

Each snippet is parsed by the service's spaCy pipeline, its entity table built, the pronoun
resolved among the entities mentioned before it; the pick refers to A (B) when it has a
mention at A's (B's) offsets or holds all of A's (B's) name words. F1 over the "coreferent"
decisions for A and B together, as the GAP paper reports it, overall and by the pronoun's
gender (F/M bias ratio).

    python -m training.speakers.evaluate_gap --gap ../shared/data/gap --split test
"""

from __future__ import annotations

import argparse
from pathlib import Path

from service.pipeline.nlp import load_nlp
from service.pipeline.speakers.antecedents import AntecedentModel, candidates
from training.speakers.coreference_data import gap_snippets, refers_to
from training.speakers.train_coreference import GAP_DIR as DEFAULT_DIR
from training.speakers.train_coreference import MODEL_DIR


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(2 * tp + fp + fn, 1)


def evaluate(path: Path, model_dir: Path) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) counts, overall and per pronoun gender."""
    model = AntecedentModel(model_dir)
    counts = {"all": [0, 0, 0], "m": [0, 0, 0], "f": [0, 0, 0]}
    for row, ents, anaphor in gap_snippets(load_nlp(), path, model.first_names):
        pick = None
        if anaphor is not None:
            pick = model.best(ents, anaphor, candidates(ents, anaphor.head.i))
        for key in ("A", "B"):
            gold = row[f"{key}-coref"].upper() == "TRUE"
            said = pick is not None and refers_to(ents, pick[0], row[key],
                                                  int(row[f"{key}-offset"]))
            cell = 0 if gold and said else (1 if said else (2 if gold else None))
            for group in ("all", anaphor.gender if anaphor else None):
                if cell is not None and group in counts:
                    counts[group][cell] += 1
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gap", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--split", default="test", choices=["development", "validation", "test"])
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    args = ap.parse_args(argv)
    counts = evaluate(args.gap / f"gap-{args.split}.tsv", args.model)
    scores = {k: f1(*v) for k, v in counts.items()}
    print(f"GAP {args.split}: F1 {scores['all']:.3f} (M {scores['m']:.3f}, F {scores['f']:.3f}, "
          f"bias F/M {scores['f'] / max(scores['m'], 1e-9):.2f}); tp/fp/fn {counts['all']}")


if __name__ == "__main__":
    main()
