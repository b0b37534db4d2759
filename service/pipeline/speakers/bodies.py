"""Descriptions of an organisation resolved to its name ("A House panel voted ... The House
Oversight and Government Reform Committee", "the appeals court" -> "U.S. Court of Appeals"):
the organisation of the article whose name holds the description's head noun, or a noun of
the same class (a panel is a committee); a bare "the company", "the newspaper" is the one
organisation just named, and "the campaign" the campaign of the person just named."""

from __future__ import annotations

from collections.abc import Callable

from service.pipeline.speakers.coreference import ArticleEntities, Entity, EntityMention

# Head nouns whose bodies are named with other nouns
BODY_CLASSES = {
    "panel": {"panel", "committee", "subcommittee", "commission"},
    "committee": {"committee", "subcommittee", "panel"},
}
SEARCH_MENTIONS = 80  # mentions back from the description where its body may be named
# a bare "the <noun>" of these is an organisation the sentence before may name without it
# ("reported by The Washington Post. The newspaper has also ..."); not "the agency", which
# a bank or company just named is not
RECENT_ORG_NOUNS = {"company", "firm", "bank", "corporation", "newspaper", "paper"}
# a newspaper is an organisation whose name has one of the words newspapers are named with
# (a bare "the newspaper" after "Boeing" is not Boeing)
NEWSPAPER_WORDS = {"post", "times", "news", "journal", "tribune", "herald", "gazette", "globe",
                   "chronicle", "telegraph", "guardian", "daily", "press", "observer", "register",
                   "star", "sun", "mail", "courier", "examiner", "inquirer", "record"}
CAMPAIGN_SENTENCES = 4  # how far back "the campaign" may look for the campaign it names
CANDIDATES = {"candidate", "nominee", "contender", "hopeful", "challenger", "incumbent"}


def named_body(ents: ArticleEntities, head: str, modifiers: set[str], at: int
               ) -> Entity | None:
    """The nearest organisation named before token `at` whose name holds `head`, or a noun
    of its class when it also holds one of the description's capitalised `modifiers` (lower
    case: "House" of "A House panel" for the "House Oversight ... Committee"; a bare "the
    panel" is no committee), else the first such named after it (a headline's description
    is named in the story); None when the article names none."""
    kinds = BODY_CLASSES.get(head, set()) if modifiers else set()

    def fits(ent: Entity) -> bool:
        words = set(ent.name.lower().split())
        return ent.type == "organization" and (head in words or bool(
            kinds & words and modifiers & words))

    before = (x.entity for x in ents.mentions_before(at, SEARCH_MENTIONS) if fits(x.entity))
    after = (x.entity for x in ents.mentions_after(at) if fits(x.entity))
    return next(before, None) or next(after, None)


def named_lately(ents: ArticleEntities, at: int, fits: Callable[[EntityMention], bool]
                 ) -> Entity | None:
    """The one entity with a mention that `fits` in the sentence of token `at` or the one
    before, up to `at`; None with none or several."""
    sent = ents.sentence_of(at)
    named = {id(x.entity): x.entity for x in ents.mentions_before(at, 20)
             if ents.sentence_of(x.start) >= sent - 1 and fits(x)}
    return next(iter(named.values())) if len(named) == 1 else None


def recent_org(ents: ArticleEntities, head: str, at: int) -> Entity | None:
    """The one organisation (the NER's ORG, never a place) named in the sentence of token
    `at` or the one before, up to `at`, that a bare "the <head>" can be (a newspaper by its
    name's words); None with none or several."""
    newspaper = head in ("newspaper", "paper")

    def fits(x: EntityMention) -> bool:
        words = set(x.entity.name.lower().split())
        return ents.doc[x.start].ent_type_ == "ORG" and x.entity.type == "organization" and (
            not newspaper or bool(NEWSPAPER_WORDS & words))

    return named_lately(ents, at, fits)


def campaign_owner(ents: ArticleEntities, at: int) -> Entity | None:
    """Whose campaign a bare "the campaign" at token `at` is: the person owning the latest
    campaign named in its sentence or the CAMPAIGN_SENTENCES before ("Donald Trump's
    presidential campaign"), else the one person named in the sentence before or its own,
    when a stated role makes them a candidate ("Hillary Clinton plans ... The campaign
    says"); None otherwise."""
    first = ents.sentences[max(ents.sentence_of(at) - CAMPAIGN_SENTENCES, 0)].start
    for tok in reversed(ents.doc[first:at]):
        if tok.lower_ == "campaign":
            owners = [e for c in tok.children if c.dep_ in ("poss", "compound")
                      if (e := ents.entity_at(c.i)) is not None and e.type == "person"]
            if owners:
                return owners[0]
    person = named_lately(ents, at, lambda x: x.entity.type == "person")
    # only a candidate runs a campaign ("A man in the crowd, X, shouted" does not)
    return person if person is not None and person.role_words & CANDIDATES else None
