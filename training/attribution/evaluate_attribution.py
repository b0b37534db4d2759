"""Score the served attribution model on a PolNeAR split with the field's metrics.

    python -m training.attribution.evaluate_attribution --data ../shared/data/polnear --split dev

Exact-match P/R/F1 per span type (after trimming whitespace and punctuation at both
ends), token-overlap P/R/F1 (a prediction counts if it overlaps a still unmatched
gold span), attribution accuracy (share of matched quotes whose source overlaps the
gold source), content recall by quote type and exact content P/R/F1 by quote type (each
contiguous span once, gold typed by its own quotation marks, predictions by theirs).
"""

from __future__ import annotations

import argparse
import json
import string
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from service.pipeline.attribution.model import AttributionModel
from service.pipeline.document import Document
from service.pipeline.nlp import parse
from service.pipeline.quote_types import quote_type
from service.pipeline.types import Attribution, CharSpan
from training.corpora.polnear import DEFAULT_DIR, Article, read_split

TYPES = ("SOURCE", "CUE", "CONTENT")
QUOTE_TYPES = ("direct", "mixed", "indirect")
_STRIP = set(string.whitespace + string.punctuation + "\u201c\u201d\u2018\u2019\u2014\u2013")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def gold_spans(article: Article) -> dict[str, set[tuple[int, int]]]:
    spans: dict[str, set[tuple[int, int]]] = {t: set() for t in TYPES}
    for mention in article.mentions.values():
        for start, end in mention.fragments:
            span = trim(article.text, start, end)
            if span[1] > span[0]:
                spans[mention.type.upper()].add(span)
    return spans


def predicted_spans(text: str, quotes: list[Attribution]) -> dict[str, set[tuple[int, int]]]:
    spans: dict[str, set[tuple[int, int]]] = {t: set() for t in TYPES}
    for quote in quotes:
        for kind, parts in (
            ("CONTENT", quote.fragments),
            ("CUE", [quote.cue]),
            ("SOURCE", [quote.source]),
        ):
            trimmed = (trim(text, p.start, p.end) for p in parts if p is not None)
            spans[kind].update(s for s in trimmed if s[1] > s[0])  # as gold: no empty spans
    return spans


def overlap_matches(pred: set, gold: set) -> int:
    """Greedy one-to-one matching of overlapping spans."""
    used: set = set()
    hits = 0
    for p in sorted(pred):
        for g in sorted(gold):
            if g not in used and p[0] < g[1] and g[0] < p[1]:
                used.add(g)
                hits += 1
                break
    return hits


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "p": round(100 * p, 1),
        "r": round(100 * r, 1),
        "f1": round(200 * p * r / (p + r), 1) if p + r else 0.0,
    }


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < b[1] and b[0] < a[1] for b in spans)


def content_by_type(
    text: str, typed: list[tuple[str, Attribution]]
) -> dict[str, set[tuple[int, int]]]:
    """Trimmed content fragments per quote type, from (quote type, quote) pairs."""
    out: dict[str, set[tuple[int, int]]] = {k: set() for k in QUOTE_TYPES}
    for kind, quote in typed:
        spans = (trim(text, f.start, f.end) for f in quote.fragments)
        out[kind].update(s for s in spans if s[1] > s[0])
    return out


def score_links(article: Article, quotes: list[Attribution], counts: Counter) -> None:
    """Count matched quotes, those with the right source, recall by quote type, and exact
    content matches by quote type (gold typed by its own marks, predictions by theirs)."""
    document = Document(article.text)
    gold_quotes = [
        Attribution([CharSpan.of(article.text, *f) for m in rel.content
                     for f in article.mentions[m].fragments], None, None, 1.0)
        for rel in article.relations
    ]
    gold_kinds = [quote_type(document, q) for q in gold_quotes]
    gold_typed = content_by_type(article.text, list(zip(gold_kinds, gold_quotes, strict=True)))
    pred_typed = content_by_type(article.text, [(quote_type(document, q), q) for q in quotes])
    for kind in QUOTE_TYPES:
        counts[f"{kind}_gold"] += len(gold_typed[kind])
        counts[f"{kind}_pred"] += len(pred_typed[kind])
        counts[f"{kind}_exact"] += len(gold_typed[kind] & pred_typed[kind])
    for rel, gold_quote, kind in zip(article.relations, gold_quotes, gold_kinds, strict=True):
        frags = [(f.start, f.end) for f in gold_quote.fragments]
        counts[f"gold_{kind}"] += 1
        match = next(
            (q for q in quotes if any(_overlaps((f.start, f.end), frags) for f in q.fragments)),
            None,
        )
        if match is None:
            continue
        counts[f"found_{kind}"] += 1
        if rel.source is None or rel.source not in article.mentions:
            continue
        counts["matched_with_source"] += 1
        gold_source = article.mentions[rel.source].fragments
        if match.source is not None and _overlaps(
            (match.source.start, match.source.end), gold_source
        ):
            counts["source_right"] += 1


def evaluate(model: AttributionModel, articles: list[Article]) -> dict:
    counts: Counter = Counter()
    for article in tqdm(articles, desc="evaluating"):
        # the linker reads the parse
        quotes = model.find(Document(article.text, doc=parse(article.text)))
        gold, pred = gold_spans(article), predicted_spans(article.text, quotes)
        for t in TYPES:
            counts[f"{t}_gold"] += len(gold[t])
            counts[f"{t}_pred"] += len(pred[t])
            counts[f"{t}_exact"] += len(gold[t] & pred[t])
            counts[f"{t}_overlap"] += overlap_matches(pred[t], gold[t])
        score_links(article, quotes, counts)
    report: dict = {}
    for t in TYPES:
        n_pred, n_gold = counts[f"{t}_pred"], counts[f"{t}_gold"]
        report[t.lower()] = {
            "exact": prf(counts[f"{t}_exact"], n_pred, n_gold),
            "overlap": prf(counts[f"{t}_overlap"], n_pred, n_gold),
            "n_gold": n_gold,
            "n_pred": n_pred,
        }
    report["attribution_accuracy"] = round(
        100 * counts["source_right"] / max(1, counts["matched_with_source"]), 1
    )
    report["recall_by_type"] = {
        k: round(100 * counts[f"found_{k}"] / max(1, counts[f"gold_{k}"]), 1)
        for k in QUOTE_TYPES
    }
    report["content_exact_by_type"] = {
        k: prf(counts[f"{k}_exact"], counts[f"{k}_pred"], counts[f"{k}_gold"]) | {
            "n_gold": counts[f"{k}_gold"]}
        for k in QUOTE_TYPES
    }
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--model", type=Path, default=Path("models/attribution"))
    ap.add_argument("--stride", type=int, help="override the model's window stride")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    model = AttributionModel(args.model, threads=args.threads)
    if args.stride:
        model.stride = args.stride
    articles = read_split(args.data, args.split)[: args.limit or None]
    print(json.dumps(evaluate(model, articles), indent=2))


if __name__ == "__main__":
    main()
