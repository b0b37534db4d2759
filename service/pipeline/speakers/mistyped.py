"""Person names the small NER typed as places or organisations. It often does so with names
outside the Anglo tradition ("Mateo Quispe" ORG, "Tshabalala" GPE, "Ferreira-Lima" ORG); a
name the article then treats as a person's is taken back as one."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from service.pipeline.speakers.lexicon import (
    GENERIC_BODIES,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    is_role_head,
)
from service.pipeline.speakers.names import (
    NAME_PARTICLES,
    PRONOUN_WINDOW,
    joins_name,
)

BODY_LABELS = ("ORG", "GPE")
# Last words of places and firms that may open with a first name ("Victoria Falls",
# "Georgia Power", "Orlando Magic" is a team: any word here keeps the body)
PLACE_OR_FIRM_WORDS = GENERIC_BODIES | {
    "falls", "valley", "city", "county", "beach", "springs", "island", "islands", "lake",
    "river", "mountain", "park", "square", "station", "airport", "hospital", "clinic",
    "school", "college", "academy", "health", "energy", "power", "motors", "holdings",
    "capital", "partners", "media", "news", "press", "times", "post", "records", "studios",
    "inc", "ltd", "llc", "plc", "co", "corp", "sa", "ag", "gmbh", "magic", "brand", "foods",
    "research", "business", "systems", "brothers", "electric", "chemical", "operations",
}


def word_count(run: list[Token]) -> int:
    """Words as written: "Ferreira-Lima" is one."""
    return 1 + sum(1 for t in run[:-1] if t.whitespace_)


def first_named_bodies(doc: Doc, first_names: Mapping[str, str]) -> list[list[Token]]:
    """ORG/GPE spans that read as a person's full name and act as a person's: two to four
    capitalised words, the first a given name of the first-name lexicon ("Mateo Quispe"), or
    one such word just before a one-word span ("Dolores" + "Ferreira-Lima"); none a place's
    or firm's word; the subject of a speech verb, in apposition with a role ("the first
    violinist, Mateo Quispe,"), or the subject the next he or she of the first name's gender
    can refer to. Names alone would take "Edison Research" and "Dow Chemical"."""
    runs = []
    for ent in doc.ents:
        if ent.label_ not in BODY_LABELS:
            continue
        run = list(ent)
        if word_count(run) == 1 and ent.start and _untagged_capital(doc[ent.start - 1]):
            run = [doc[ent.start - 1], *run]
        words = [t for t in run if not joins_name(doc, t.i)]  # the hyphens are no words
        gender = first_names.get(words[0].lower_)
        if gender is None or not 2 <= word_count(run) <= 4 or not all(
            t.is_title or t.lower_ in NAME_PARTICLES for t in words
        ) or any(t.lower_.rstrip(".") in PLACE_OR_FIRM_WORDS for t in words) or _next_is_firm(ent):
            continue
        if _acts_as_person(ent.root) or _referred_by(doc, ent, gender, first_names):
            runs.append(run)
    return runs


def referred_bodies(doc: Doc, first_names: Mapping[str, str]) -> list[list[Token]]:
    """A lone name word tagged ORG/GPE, the subject of a verb, that the next he or she
    (within PRONOUN_WINDOW tokens) can only refer to: no person of that pronoun's gender is
    named before the pronoun ("Tshabalala was already in the dressing room ... he said")."""
    return [list(ent) for ent in doc.ents if ent.label_ in BODY_LABELS
            and word_count(list(ent)) == 1 and _referred_by(doc, ent, None, first_names)]


def _acts_as_person(root: Token) -> bool:
    """The subject of a speech verb, or in apposition with a role noun, either way round."""
    if root.dep_ == "nsubj" and root.head.lower_ in SPEECH_VERBS:
        return True
    if root.dep_ == "appos" and is_role_head(root.head.text):
        return True
    return any(c.dep_ == "appos" and is_role_head(c.text) for c in root.children)


def _referred_by(doc: Doc, ent: Span, gender: str | None, first_names: Mapping[str, str]) -> bool:
    """The span, a verb's subject and no place ("in Ferreira"), is what the next he or she
    (of `gender` when given) can only refer to: no person of its gender named before it."""
    if ent.root.dep_ != "nsubj" or _after_locative(doc, ent) or not all(
        t.is_title or joins_name(doc, t.i) for t in ent
    ):
        return False
    pronoun = next((t for t in doc[ent.end : ent.end + PRONOUN_WINDOW]
                    if t.lower_ in ("he", "she") and t.tag_ == "PRP"), None)
    return pronoun is not None and gender in (None, PRONOUN_GENDER[pronoun.lower_]) and (
        not _rival_before(doc, pronoun, first_names))


def _untagged_capital(tok: Token) -> bool:
    return tok.ent_type_ == "" and tok.is_title and tok.tag_ == "NNP" and tok.whitespace_ != ""


def _next_is_firm(ent: Span) -> bool:
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_.rstrip(".") in PLACE_OR_FIRM_WORDS


def _after_locative(doc: Doc, ent: Span) -> bool:
    """The word stands somewhere as the object of a preposition ("in Ferreira"): a place."""
    key = ent.text.lower()
    return any(e.text.lower() == key and e.root.dep_ == "pobj" for e in doc.ents)


def _rival_before(doc: Doc, pronoun: Token, first_names: Mapping[str, str]) -> bool:
    """A PERSON named before the pronoun whose first name does not contradict its gender."""
    gender = PRONOUN_GENDER[pronoun.lower_]
    return any(e.label_ == "PERSON" and first_names.get(e[0].lower_, gender) == gender
               for e in doc.ents if e.start < pronoun.i)
