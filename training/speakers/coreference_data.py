"""Antecedent-ranking instances from GUM, built by the served code: the document is parsed by
the service's spaCy pipeline, its entity table built by ArticleEntities, each anaphor's
candidates and features taken from service/pipeline/speakers/antecedents.py. The gold says
which candidates are right: a candidate entity is right when one of its mentions before the
anaphor lies in the anaphor's GUM cluster (the smallest GUM mention around the mention's
last token)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from service.pipeline.document import Document
from service.pipeline.speakers.antecedents import Anaphor, candidates, features
from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.discourse import in_quotes
from service.pipeline.speakers.lexicon import PLURAL_PRONOUNS, PRONOUN_GENDER, is_role_head
from service.pipeline.speakers.roles import assign_roles
from training.corpora.gum import GumDocument

ANAPHOR_PRONOUNS = (set(PRONOUN_GENDER) | {"it", "its"} | PLURAL_PRONOUNS) - {
    "we", "us", "our",
}
REFERENT_TYPES = {"person", "organization"}


@dataclass
class Instance:
    doc: str
    kind: str  # pronoun | description
    gender: str | None
    rows: np.ndarray  # candidates x features, nearest candidate first
    gold: np.ndarray  # bool per candidate


def parse(nlp: Language, gum: GumDocument) -> Doc:
    """GUM's own tokens (no re-tokenisation), tagged, parsed and NER'd by the served model."""
    return nlp(Doc(nlp.vocab, words=gum.words, spaces=gum.spaces))


def entity_table(doc: Doc, first_names: Mapping[str, str]) -> ArticleEntities:
    """The entity table the served code builds for a parsed text (quotation marks found by
    paragraph as in the service)."""
    return ArticleEntities(doc, first_names=first_names,
                           quoted=partial(in_quotes, Document(doc.text, doc)))


def token_clusters(gum: GumDocument) -> list[str | None]:
    """Per token, the cluster of the smallest GUM mention around it."""
    best: list[tuple[int, str] | None] = [None] * len(gum.words)
    for m in gum.mentions:
        for i in range(m.start, m.end):
            cur = best[i]
            if cur is None or m.end - m.start < cur[0]:
                best[i] = (m.end - m.start, m.cluster)
    return [b[1] if b else None for b in best]


def anaphors(gum: GumDocument, doc: Doc) -> Iterator[tuple[int, str]]:
    """(head token, cluster) of GUM's third-person pronouns and definite role descriptions
    ("the minister") that refer to a person or an organisation."""
    for m in gum.mentions:
        if m.type not in REFERENT_TYPES:
            continue
        first = doc[m.start]
        if m.end - m.start == 1 and first.lower_ in ANAPHOR_PRONOUNS:
            yield m.start, m.cluster
        elif 1 < m.end - m.start <= 4 and first.lower_ == "the":
            head = doc[m.end - 1]
            if head.tag_ in ("NN", "NNS") and is_role_head(head.text):
                yield head.i, m.cluster


def instances(
    nlp: Language, gum: GumDocument, first_names: Mapping[str, str]
) -> Iterator[Instance]:
    """One instance per anaphor with at least one candidate (right or not)."""
    doc = parse(nlp, gum)
    ents = entity_table(doc, first_names)
    assign_roles(ents)
    clusters = token_clusters(gum)
    for at, cluster in anaphors(gum, doc):
        cands = candidates(ents, at)
        if not cands:
            continue
        gold = np.array([
            any(clusters[m.end - 1] == cluster for m in ents.mentions_before(at, 400)
                if m.entity is ent)
            for ent in cands
        ])
        anaphor = Anaphor.of(doc[at])
        yield Instance(gum.name, anaphor.kind, anaphor.gender, features(ents, anaphor, cands), gold)


def gap_snippets(
    nlp: Language, path: Path, first_names: Mapping[str, str]
) -> Iterator[tuple[dict[str, str], ArticleEntities, Anaphor | None]]:
    """Each GAP row (Wikipedia snippet, pronoun, names A and B) with the entity table the
    served code builds for it and its pronoun as an anaphor (None where the offsets miss)."""
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            doc = nlp(row["Text"])
            ents = entity_table(doc, first_names)
            assign_roles(ents)
            off = int(row["Pronoun-offset"])
            span = doc.char_span(off, off + len(row["Pronoun"]), alignment_mode="expand")
            yield row, ents, (Anaphor.of(span[0]) if span is not None else None)


def gap_instances(nlp: Language, path: Path, first_names: Mapping[str, str]) -> Iterator[Instance]:
    """GAP pronouns and their candidates; right are those that refer to the name GAP marks
    coreferent. Snippets where neither A nor B is the referent give no positive and are
    skipped by the trainer."""
    for row, ents, anaphor in gap_snippets(nlp, path, first_names):
        cands = candidates(ents, anaphor.head.i) if anaphor is not None else []
        if anaphor is None or not cands:
            continue
        right = [(row[k], int(row[f"{k}-offset"])) for k in ("A", "B")
                 if row[f"{k}-coref"].upper() == "TRUE"]
        gold = np.array([any(refers_to(ents, e, n, o) for n, o in right) for e in cands])
        rows = features(ents, anaphor, cands)
        yield Instance(row["ID"], "pronoun", anaphor.gender, rows, gold)


def refers_to(ents: ArticleEntities, ent: Entity, name: str, start: int) -> bool:
    """The entity has a mention at the name's character offsets or holds all its words."""
    span = ents.doc.char_span(start, start + len(name), alignment_mode="expand")
    at_offsets = span is not None and any(ents.entity_at(t.i) is ent for t in span)
    return at_offsets or {w.lower() for w in name.split()} <= ent.words
