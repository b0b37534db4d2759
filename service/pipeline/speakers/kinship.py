"""Family descriptions resolved by the family name: "Keith Lamont Scott's wife", "His
ex-wife", "my father" are the one person of the article who shares the owner's surname and
the relation's gender ("Rakeyia Scott", "Ivana Trump", "James Meehan")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.lexicon import GENDERED_NOUNS
from service.pipeline.speakers.names import surname

# Relations that usually share a family name in news copy (not "niece", "cousin", "friend")
KIN_NOUNS = {
    "wife", "husband", "ex-wife", "ex-husband", "widow", "widower", "son", "daughter",
    "mother", "father", "brother", "sister", "stepson", "stepdaughter", "grandson",
    "granddaughter", "grandmother", "grandfather",
}


def owner_of(span: Span) -> Token | None:
    """The possessive that says whose the mention's head is ("Scott's" wife, "His" ex-wife,
    "Her" campaign; the parser may hang it on the "ex" of "ex-wife"), or None."""
    return next((t for t in span if t.dep_ == "poss"), None)


def kin_of(ents: ArticleEntities, owner: Entity, relation: str, at: int) -> Entity | None:
    """The one other person with the owner's family name and no name that says the other
    gender (pronouns are too loose here) who is either first named after the description at
    token `at` ("Scott's wife ... Rakeyia Scott") or stated to be that relative ("His wife,
    Mary Smith"); never one stated to be another relative ("his son Hunter Biden" is no
    "Biden's brother"). None when there is none or more than one."""
    family = surname(owner.name).lower()
    gender = GENDERED_NOUNS.get(relation.removeprefix("ex-"))
    kin = []
    for e in ents.people:
        if e is owner or len(e.name.split()) < 2 or surname(e.name).lower() != family:
            continue
        if gender is not None and e.sure_gender not in (None, gender):
            continue
        stated = e.role_words & KIN_NOUNS
        if stated - {relation} or not (e.first > at or relation in stated):
            continue
        kin.append(e)
    return kin[0] if len(kin) == 1 else None
