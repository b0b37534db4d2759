"""Learned antecedent ranking: which of the article's people or organisations a pronoun
("she", "its") or a description ("the minister") refers to.

A mention-ranking model: every candidate entity mentioned before the anaphor gets a feature
vector (gender and number agreement, first-name gender through the entity's gender, the
description's match with the entity's role, sentence distance, recency rank, salience,
syntactic role of the candidate's and the anaphor's mentions, the clause that governs the
anaphor) and a logistic score; the best-scoring candidate wins. Weights are learned on GUM
(training/speakers/train_coreference.py) and read from models/coreference/model.json; only
numpy runs here.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from service.pipeline.speakers.coreference import ArticleEntities, Entity, EntityMention
from service.pipeline.speakers.gender import load_first_names
from service.pipeline.speakers.lexicon import (
    CLIPPED,
    GENDERED_NOUNS,
    ORG_NOUNS,
    PLURAL_NOUN_TAGS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    ROLE_CLASSES,
    SPELLED_OUT,
    SUBJECT_DEPS,
    THING_PRONOUNS,
    is_role_head,
)

OBJECT_DEPS = ("dobj", "iobj", "pobj", "dative")
MAX_SENTENCES = 4  # how far back a candidate's latest mention may lie
MAX_CANDIDATES = 8  # the most recently mentioned entities only
SALIENCE_MENTIONS = 400  # mentions counted back from the anaphor for an entity's salience
FEATURES = (
    "gender_agree", "gender_clash", "person", "personal_to_person", "it_to_org",
    "they_to_org", "they_to_person", "description", "role_match",
    "sent_0", "sent_1", "sent_2", "sent_3plus", "rank_0", "rank_1", "rank_2", "rank_3plus",
    "candidate_subject", "anaphor_subject", "both_subjects", "governs_anaphor",
    "binds_object", "log_mentions", "first_person_of_article",
)


def within(tokens: tuple[int, int], i: int) -> bool:
    """Token i lies in tokens [start, end)."""
    return tokens[0] <= i < tokens[1]


@dataclass(frozen=True)
class Anaphor:
    """The mention to resolve: its head token, kind and what it tells of its referent."""

    head: Token
    kind: str  # pronoun | description
    gender: str | None  # m | f | None
    plural: bool
    # tokens [start, end) whose mentions it does not read: a speaker pronoun's own quoted
    # words before it ("“... vote for Hillary,” she said" is not Hillary talking)
    unseen: tuple[int, int] = (0, 0)

    def reads(self, m: EntityMention) -> bool:
        """Whether mention `m` lies outside the unseen tokens."""
        return not within(self.unseen, m.start)

    @classmethod
    def of(cls, head: Token) -> Anaphor:
        word = head.lower_
        if word in PRONOUN_GENDER or word in PLURAL_PRONOUNS or word in THING_PRONOUNS:
            return cls(head, "pronoun", PRONOUN_GENDER.get(word), word in PLURAL_PRONOUNS)
        return cls(head, "description", GENDERED_NOUNS.get(word), head.tag_ in PLURAL_NOUN_TAGS)


def candidates(ents: ArticleEntities, at: int, unseen: tuple[int, int] = (0, 0)) -> list[Entity]:
    """Entities mentioned before token `at` within MAX_SENTENCES, most recent first, by their
    mentions outside the `unseen` tokens [start, end); not a one-word name written only as
    the modifier of a thing ("the Nyamuleke sawmill")."""
    floor = ents.sentence_of(at) - MAX_SENTENCES - unseen_breaks(ents, unseen)
    out: list[Entity] = []
    for m in ents.mentions_before(at, limit=80):
        if ents.sentence_of(m.start) < floor or len(out) == MAX_CANDIDATES:
            break
        if within(unseen, m.start):
            continue
        if m.entity not in out and not names_a_thing(ents, m):
            out.append(m.entity)
    return out


def unseen_breaks(ents: ArticleEntities, unseen: tuple[int, int]) -> int:
    """Sentence breaks inside the unseen tokens: a long quote's own sentences put no distance
    between its speaker, named before it, and the pronoun after it."""
    start, end = unseen
    return ents.sentence_of(end - 1) - ents.sentence_of(start) if end > start else 0


def names_a_thing(ents: ArticleEntities, m: EntityMention) -> bool:
    """A person's one-word name, named once, as the compound modifier of a common noun
    that is no office ("the Nyamuleke sawmill"; not "the Obama administration", a full
    name or one the article names again)."""
    head = ents.doc[m.end - 1]
    thing = head.head
    return (m.entity.type == "person" and m.entity.named <= 1
            and len(m.entity.name.split()) == 1 and head.dep_ == "compound"
            and thing.tag_ in ("NN", "NNS") and not is_role_head(thing.text)
            and thing.lower_ not in ORG_NOUNS)


def agreeing_people(ents: ArticleEntities, anaphor: Anaphor) -> list[Entity]:
    """The people among the anaphor's candidates that agree with it, most recent first."""
    return [e for e in candidates(ents, anaphor.head.i, anaphor.unseen)
            if e.type == "person" and agrees(anaphor, e)]


def features(ents: ArticleEntities, anaphor: Anaphor, cands: list[Entity]) -> np.ndarray:
    """One row of FEATURES per candidate (cands in recency order, nearest first; each with a
    mention the anaphor reads among the SALIENCE_MENTIONS before it)."""
    at, doc = anaphor.head.i, ents.doc
    word = anaphor.head.lower_
    governors = governing_subjects(anaphor.head)
    first_person = next((e for e in ents.people), None)
    anaphor_subject = float(anaphor.head.dep_ in SUBJECT_DEPS)
    skipped = unseen_breaks(ents, anaphor.unseen)
    # one pass over the mentions before the anaphor: each entity's latest one and its count
    latest: dict[int, EntityMention] = {}
    count: Counter[int] = Counter()
    for m in ents.mentions_before(at, limit=SALIENCE_MENTIONS):
        if anaphor.reads(m):
            latest.setdefault(id(m.entity), m)
            count[id(m.entity)] += 1
    rows = []
    for rank, ent in enumerate(cands):
        last = latest[id(ent)]
        head = doc[last.end - 1]
        sent_gap = ents.sentence_of(at) - ents.sentence_of(last.start) - (
            skipped if last.start < anaphor.unseen[0] else 0)
        gender = ent.gender
        known = gender is not None and anaphor.gender is not None
        person = ent.type == "person"
        subject = float(head.dep_ in SUBJECT_DEPS or doc[last.start].dep_ in SUBJECT_DEPS)
        f = {
            "gender_agree": float(known and gender == anaphor.gender),
            "gender_clash": float(known and gender != anaphor.gender),
            "person": float(person),
            "personal_to_person": float(person and word in PRONOUN_GENDER),
            "it_to_org": float(not person and word in ("it", "its")),
            "they_to_org": float(not person and anaphor.plural),
            "they_to_person": float(person and anaphor.plural),
            "description": float(anaphor.kind == "description"),
            "role_match": float(anaphor.kind == "description" and role_match(word, ent)),
            f"sent_{min(sent_gap, 3)}{'plus' if sent_gap >= 3 else ''}": 1.0,
            f"rank_{min(rank, 3)}{'plus' if rank >= 3 else ''}": 1.0,
            "candidate_subject": subject,
            "anaphor_subject": anaphor_subject,
            "both_subjects": subject * anaphor_subject,
            "governs_anaphor": float(any(ents.entity_at(t.i) is ent for t in governors)),
            "binds_object": float(
                anaphor.head.dep_ in OBJECT_DEPS
                and any(ents.entity_at(t.i) is ent for t in governors[:1])
            ),
            "log_mentions": math.log1p(count[id(ent)]),
            "first_person_of_article": float(ent is first_person),
        }
        rows.append([f.get(name, 0.0) for name in FEATURES])
    return np.asarray(rows, dtype=np.float64).reshape(len(cands), len(FEATURES))


def agrees(anaphor: Anaphor, ent: Entity) -> bool:
    """No clash of gender ("she" and a man), kind ("he" and an organisation) or number and
    animacy ("they", "it" or "the judges" and one person)."""
    if anaphor.gender is not None and ent.gender not in (None, anaphor.gender):
        return False
    if ent.type == "person" and (anaphor.plural or (
        anaphor.kind == "pronoun" and anaphor.gender is None
    )):
        # unless nothing says it is a person (no he or she, no given name), as with a firm
        # the NER typed a person: "Politifact ... they", "Baillie Gifford ... it added"
        unsure = ent.gender is None and ent.sure_gender is None
        return unsure and (len(ent.name.split()) == 1 or anaphor.head.lower_ in ("it", "its"))
    return ent.type == "person" or anaphor.gender is None


def governing_subjects(tok: Token) -> list[Token]:
    """Subjects of the verbs above the anaphor inside its sentence, nearest verb first
    ("Meng said she hopes": Meng governs "she")."""
    out, node = [], tok
    while node.head.i != node.i:
        node = node.head
        out += [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i != tok.i]
    return out


def role_match(word: str, ent: Entity) -> bool:
    """A description's head names the entity's stated role ("the spokeswoman", "the
    executive" for a CEO), or a clipping of it ("the vet" for a Chief Veterinary Officer)."""
    singular = word[:-1] if word.endswith("s") and word[:-1] in ROLE_CLASSES else word
    spelled = {SPELLED_OUT[w] for w in ent.role_words if w in SPELLED_OUT}  # the word itself
    clipped = bool(ent.role_words & CLIPPED.get(singular, set()))
    return clipped or singular in spelled or bool(
        ent.role_words & (ROLE_CLASSES.get(singular, set()) | {singular}))


class AntecedentModel:
    """The learned scorer and its first-name lexicon, loaded once from models/coreference/
    (model.json: weights per feature name, bias, version; first_names.tsv).

    Raises ValueError when model.json was trained on other features."""

    def __init__(self, model_dir: Path | str) -> None:
        meta = json.loads((Path(model_dir) / "model.json").read_text(encoding="utf-8"))
        if tuple(meta["features"]) != FEATURES:
            raise ValueError(f"{model_dir}/model.json was trained on other features")
        self.meta = meta
        self.weights = np.asarray(meta["weights"], dtype=np.float64)
        self.bias = float(meta["bias"])
        self.first_names = load_first_names(model_dir)

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """Probability that each candidate is the antecedent (logistic over the features)."""
        return 1.0 / (1.0 + np.exp(-(rows @ self.weights + self.bias)))

    def rank(self, ents: ArticleEntities, anaphor: Anaphor, cands: list[Entity]
             ) -> list[tuple[Entity, float]]:
        """(candidate, probability), best first."""
        if not cands:
            return []
        p = self.scores(features(ents, anaphor, cands))
        return sorted(zip(cands, p.tolist(), strict=True), key=lambda cp: -cp[1])

    def best(self, ents: ArticleEntities, anaphor: Anaphor, cands: list[Entity]
             ) -> tuple[Entity, float] | None:
        """The highest-scoring candidate and its probability; None without candidates."""
        ranked = self.rank(ents, anaphor, cands)
        return ranked[0] if ranked else None
