"""Family descriptions resolved by the family name: "Keith Lamont Scott's wife", "His
ex-wife", "my father" are the one person of the article who shares the owner's surname and
the relation's gender ("Rakeyia Scott", "Ivana Trump", "James Meehan")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.lexicon import GENDERED_NOUNS

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


def kin_of(ents: ArticleEntities, owner: Entity, relation: str) -> Entity | None:
    """The one other person named anywhere in the article with the owner's family name and
    no name that says the other gender (pronouns are too loose here); None when there is
    none or more than one."""
    family = owner.name.split()[-1].lower()
    gender = GENDERED_NOUNS.get(relation.removeprefix("ex-"))
    kin = [e for e in ents.people if e is not owner and len(e.name.split()) > 1
           and e.name.split()[-1].lower() == family
           and (gender is None or e.sure_gender in (None, gender))]
    return kin[0] if len(kin) == 1 else None
