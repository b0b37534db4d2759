"""Gender evidence for the article's people: honorifics, first names (the US Social Security
Administration's baby names, models/coreference/first_names.tsv) and the pronouns of their
own clauses. Each is a vote; the entity's gender is the majority."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from service.pipeline.speakers.lexicon import HONORIFICS, PRONOUN_GENDER
from service.pipeline.speakers.names import is_name_token, word_key

if TYPE_CHECKING:
    from service.pipeline.speakers.coreference import Entity, EntityMention

# a first name given to 90 % of one sex outweighs one pronoun of a reported clause ("Warren
# asked Stumpf whether he ...")
FIRST_NAME_VOTES = 2
# clauses a pronoun inside does not tie to the subject above them (complements do: "X said
# she hopes")
OTHER_CLAUSES = {"conj", "advcl", "relcl", "acl", "parataxis", "ROOT"}
OBJECT_DEPS = {"dobj", "dative", "pobj", "iobj"}


def majority(votes: Counter) -> str | None:
    """The gender with the most votes; None without votes or on a tie."""
    (top, n), *rest = votes.most_common(2) or [(None, 0)]
    return None if top is None or (rest and rest[0][1] == n) else top


def honorific_gender(doc: Doc, i: int) -> str | None:
    """The gender of an honorific right before token i ("Mr." -> "m"), if any."""
    return HONORIFICS.get(doc[i - 1].lower_) if i > 0 else None


class FirstNames(dict[str, str]):
    """Lower-case first name -> "m" | "f". The lexicon is written without accents, so a
    lookup ignores them: "lucía" finds "lucia", "élodie" "elodie"."""

    def __missing__(self, key: str) -> str:
        plain = without_accents(key)
        if plain == key:
            raise KeyError(key)
        return self[plain]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (
            dict.__contains__(self, key) or dict.__contains__(self, without_accents(key)))

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default


def without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def load_first_names(model_dir: Path | str) -> FirstNames:
    """first_names.tsv of the coreference model: lower-case first name -> "m" | "f" (from the
    US Social Security Administration's baby names; see models/coreference/MODEL_CARD.md)."""
    rows = (Path(model_dir) / "first_names.tsv").read_text(encoding="utf-8").splitlines()
    return FirstNames(row.split("\t") for row in rows if row)


def vote_first_names(
    doc: Doc, people: list[Entity], mentions: list[EntityMention], first_names: Mapping[str, str]
) -> None:
    """A name's first word tells a likely gender (FIRST_NAME_VOTES: an honorific, 3, or
    pronouns in the article outweigh it). Not when the article calls the person by that
    word alone and never by the last one: news repeats surnames, so it is a surname
    written first ("Lei Jun", "Lei"); "Hillary" beside "Clinton" is still a first name."""
    alone = {(id(m.entity), word_key(doc[m.start])) for m in mentions
             if m.end - m.start == 1}
    after_names = {word_key(t) for t in doc[1:] if is_name_token(doc[t.i - 1])}
    for ent in people:
        first, *rest = ent.name.lower().split()
        surname_first = bool(rest) and (id(ent), first) in alone and (
            id(ent), rest[-1].replace("\u2019", "'")) not in alone
        # a lone word the article writes after another name is a surname ("Hillary
        # Clinton" ... "Clinton", though boys are named Clinton); "Melanie" alone is not
        lone_surname = not rest and first in after_names
        if first in first_names and not surname_first and not lone_surname:
            ent.gender_votes[first_names[first]] += FIRST_NAME_VOTES
            ent.name_votes[first_names[first]] += FIRST_NAME_VOTES


def vote_pronoun_gender(doc: Doc, token_entity: Mapping[int, Entity]) -> None:
    """A he/she (his/her, not an object's him/her) inside the clause whose subject is a
    person is evidence of that person's gender ("Meng said she hopes", "Ham explained why he
    backs Trump"); one in a coordinated, adverbial or relative clause ("Trump waved, and she
    switched off the TV", "X called Y a disgrace after she spoke", "X spoke to Y, who began
    his speech") is not."""
    for tok in doc:
        if tok.lower_ not in PRONOUN_GENDER or tok.tag_[:3] != "PRP":
            continue
        if tok.dep_ in OBJECT_DEPS and not tok.lower_.endswith("self"):
            continue  # "X lent her his boat": an object is someone else, unless reflexive
        node = tok
        while node.dep_ not in OTHER_CLAUSES or node is tok:
            verb = node.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                            and c.i < tok.i), None)
            # the subject, or the name in apposition to it ("Her neighbour, X, lent")
            named = [subject, *(c for c in subject.children if c.dep_ == "appos")] if (
                subject is not None) else []
            ent = next((e for c in named if (e := token_entity.get(c.i)) is not None), None)
            if ent is not None and ent.type == "person":
                ent.gender_votes[PRONOUN_GENDER[tok.lower_]] += 1
                break
            if subject is not None or verb.i == node.i:  # the nearest clause with a subject
                break  # owns it ("X said to Y, who began his speech": not X's "his")
            node = verb
