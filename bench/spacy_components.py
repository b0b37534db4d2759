"""How long spaCy and the speaker/role/type rules take on one ~800-word article, and what
disabling spaCy components and routing thinc's matrix products through numpy save (the choices
in service/pipeline/nlp.py).

    .venv/bin/python -m bench.spacy_components [--article PATH] [--runs 15]

Prints the median wall time and the median CPU time (process_time) per configuration: on a
shared machine the CPU time is the steadier figure.
The article defaults to the PolNeAR dev article closest to 800 words.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as in a gunicorn worker

import argparse
import statistics
import time
from pathlib import Path

import spacy

from service.config import REPO_ROOT
from service.pipeline.document import Document
from service.pipeline.nlp import MODEL, load_nlp
from service.pipeline.quote_types import quote_type
from service.pipeline.speakers.antecedents import AntecedentModel
from service.pipeline.speakers.resolver import resolve_speakers
from training.corpora.polnear import DEFAULT_DIR, read_split
from training.corpora.polnear import Article as PolnearArticle

CONFIGS = {
    "all components": [],
    "without lemmatizer": ["lemmatizer"],
    "served components, thinc's BLIS gemm": ["lemmatizer", "attribute_ruler"],
}


def median_ms(fn, runs: int) -> str:
    fn()  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return f"wall {statistics.median(wall):7.1f} ms  cpu {statistics.median(cpu):7.1f} ms"


def quote_types(text: str, atts: list) -> list[str]:
    """The quote-types step as the pipeline runs it: one Document per article."""
    document = Document(text)
    return [quote_type(document, a) for a in atts]


def gold_attributions(article: PolnearArticle):
    from service.pipeline.types import Attribution, CharSpan

    text, out = article.text, []
    for rel in article.relations:
        frags = sorted(f for mid in rel.content for f in article.mentions[mid].fragments)
        if not frags:
            continue
        src = None
        if rel.source:
            fs = article.mentions[rel.source].fragments
            src = CharSpan.of(text, fs[0][0], fs[-1][1])
        out.append(Attribution([CharSpan.of(text, a, b) for a, b in frags], None, src, 1.0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    articles = read_split(args.data_dir, "dev")
    article = min(articles, key=lambda a: abs(len(a.text.split()) - 800))
    text = article.text
    print(f"article: {article.name} ({len(text.split())} words, {len(text)} chars)")
    for name, disabled in CONFIGS.items():
        nlp = spacy.load(MODEL, disable=disabled)
        print(f"  spaCy, {name:45} {median_ms(lambda nlp=nlp: nlp(text), args.runs)}")
    nlp = load_nlp()
    doc = nlp(text)
    atts = gold_attributions(article)
    coreference = AntecedentModel(REPO_ROOT / "models" / "coreference")
    rules = median_ms(lambda: resolve_speakers(Document(text, doc), atts, coreference), args.runs)
    types = median_ms(lambda: quote_types(text, atts), args.runs)
    served = median_ms(lambda: nlp(text), args.runs)
    print(f"  {'spaCy as served (numpy gemm, line-break starts)':52} {served}")
    print(f"  {f'resolve_speakers, {len(atts)} gold attributions':52} {rules}")
    print(f"  {f'quote_type, {len(atts)} gold attributions':52} {types}")


if __name__ == "__main__":
    main()
