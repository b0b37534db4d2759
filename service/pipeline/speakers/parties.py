"""The US party of a description and of a person, as the article states it, to tell which
candidate "The GOP nominee" or "The Republican" is (not the Libertarian one)."""

from __future__ import annotations

from collections.abc import Iterable

from service.pipeline.speakers.coreference import ArticleEntities, Entity

# the words that name a party, in a description, a stated role or before a name
PARTY_WORDS = {"gop": "republican", "republican": "republican", "democratic": "democratic",
               "democrat": "democratic", "libertarian": "libertarian"}


def party_of(words: Iterable[str]) -> str | None:
    """The one party the lower-case words name; None with none or several."""
    named = {PARTY_WORDS[w] for w in words if w in PARTY_WORDS}
    return named.pop() if len(named) == 1 else None


def stated_parties(ents: ArticleEntities, ent: Entity) -> set[str]:
    """The parties of the person's stated roles ("Republican presidential nominee") and of
    the words written right before the person's names ("Republican Donald Trump")."""
    out = {PARTY_WORDS[w] for w in ent.role_words if w in PARTY_WORDS}
    return out | {PARTY_WORDS[w] for m in ents.mentions if m.entity is ent and m.start > 0
                  if (w := ents.doc[m.start - 1].lower_) in PARTY_WORDS}
