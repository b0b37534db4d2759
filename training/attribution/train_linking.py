"""Fit the link scorer (models/attribution/linking.json) on PolNeAR train; choose its
thresholds and report its link accuracy against the nearest-span rule on dev.

The tagger marks spans on each article; every content the tagger marks that overlaps a gold
relation's content gives one choice among the cues near it (the right one overlaps the gold
cue; none may be right), and the cue it should take (or the content itself, without one)
gives one choice among the sources near it. A logistic regression over
`link_features.FEATURES` scores each candidate; a choice takes the best candidate when its
probability reaches the threshold, which dev chooses.

    python -m training.attribution.train_linking --model models/attribution \
        --out models/attribution/linking.json
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from tqdm import tqdm

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.attribution.link_candidates import ArticleSpans
from service.pipeline.attribution.link_features import FEATURES
from service.pipeline.attribution.link_scorer import KINDS, feature_rows
from service.pipeline.attribution.model import AttributionModel
from service.pipeline.document import Document
from service.pipeline.nlp import parse
from training.corpora.polnear import DEFAULT_DIR, Article, read_split

THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 15)]
SEED = 13


@dataclass
class Choice:
    """One link decision: candidate rows (nearest first) and which of them are right."""

    rows: np.ndarray
    right: list[bool]


@dataclass
class Choices:
    by_kind: dict[str, list[Choice]] = field(
        default_factory=lambda: {k: [] for k in KINDS})


def _overlaps(span: LabelledSpan, frags: list[tuple[int, int]]) -> bool:
    return any(span.start < e and s < span.end for s, e in frags)


def _choice(spans: ArticleSpans, anchor: LabelledSpan, kind: str,
            gold: list[tuple[int, int]]) -> Choice | None:
    near = spans.candidates(anchor, kind)
    if not near:
        return None
    return Choice(feature_rows(spans, anchor, near), [_overlaps(c, gold) for c in near])


def article_choices(article: Article, spans: ArticleSpans, into: Choices) -> None:
    """Add the cue and source choices of one article's tagged spans: a cue choice per marked
    content, a source choice per relation (the cue serving would link, taught by the gold:
    the nearest candidate cue that overlaps the gold cue, else the content itself)."""
    sourced: set[int] = set()
    for content in spans.of("CONTENT"):
        index, rel = next(((k, r) for k, r in enumerate(article.relations)
                           if _overlaps(content, [f for m in r.content
                                                  for f in article.mentions[m].fragments])),
                          (-1, None))
        if rel is None:
            continue
        gold_cue = article.mentions[rel.cue].fragments if rel.cue in article.mentions else []
        cue_choice = _choice(spans, content, "CUE", gold_cue)
        anchor = content
        if cue_choice is not None:
            into.by_kind["CUE"].append(cue_choice)
            right = [c for c in spans.candidates(content, "CUE") if _overlaps(c, gold_cue)]
            anchor = right[0] if right else content
        if rel.source in article.mentions and index not in sourced:
            sourced.add(index)
            gold_source = article.mentions[rel.source].fragments
            source_choice = _choice(spans, anchor, "SOURCE", gold_source)
            if source_choice is not None:
                into.by_kind["SOURCE"].append(source_choice)


def collect(model: AttributionModel, articles: list[Article]) -> Choices:
    choices = Choices()
    for article in tqdm(articles, desc="tagging and parsing"):
        document = Document(article.text, doc=parse(article.text))
        article_choices(article, ArticleSpans(document, model.tag(document)), choices)
    return choices


def fit(choices: list[Choice]) -> np.ndarray:
    x = np.concatenate([c.rows for c in choices])
    y = np.concatenate([c.right for c in choices])
    lr = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False, random_state=SEED)
    lr.fit(x, y)
    return lr.coef_[0]


def accuracy(choices: list[Choice], weights: np.ndarray | None, threshold: float) -> float:
    """Share of choices decided right: a right candidate taken, or none when none is right.
    Without weights: the nearest candidate the tagger marked (the rule the scorer replaced)."""
    good = 0
    tagged = FEATURES.index("parsed")
    for c in choices:
        if weights is None:
            marked = np.flatnonzero(c.rows[:, tagged] == 0)
            pick: int | None = int(marked[0]) if len(marked) else None
        else:
            probs = 1 / (1 + np.exp(-c.rows @ weights))
            top = int(probs.argmax())
            pick = top if probs[top] >= threshold else None
        good += c.right[pick] if pick is not None else not any(c.right)
    return good / max(1, len(choices))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--model", type=Path, default=Path("models/attribution"),
                    help="the tagger whose spans are linked")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=0, help="articles per split (0: all)")
    args = ap.parse_args()
    model = AttributionModel(args.model, threads=2)
    train = collect(model, read_split(args.data, "train")[: args.limit or None])
    dev = collect(model, read_split(args.data, "dev")[: args.limit or None])
    spec: dict = {"features": list(FEATURES), "trained_on": "PolNeAR train",
                  "tagger": f"{model.meta['name']} {model.meta['version']}"}
    for kind in KINDS:
        weights = fit(train.by_kind[kind])
        best = max(THRESHOLDS, key=lambda t: accuracy(dev.by_kind[kind], weights, t))
        spec[kind] = {
            "weights": [round(float(w), 6) for w in weights], "threshold": best,
            "train_choices": len(train.by_kind[kind]), "dev_choices": len(dev.by_kind[kind]),
            "dev_accuracy": round(100 * accuracy(dev.by_kind[kind], weights, best), 1),
            "dev_accuracy_nearest": round(100 * accuracy(dev.by_kind[kind], None, 0), 1),
        }
        print(kind, {k: v for k, v in spec[kind].items() if k != "weights"})
    args.out.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
