"""Descriptions of an organisation resolved to its name ("A House panel voted ... The House
Oversight and Government Reform Committee", "the appeals court" -> "U.S. Court of Appeals"):
the organisation of the article whose name holds the description's head noun, or a noun of
the same class (a panel is a committee)."""

from __future__ import annotations

from service.pipeline.speakers.coreference import ArticleEntities, Entity

# Head nouns whose bodies are named with other nouns
BODY_CLASSES = {
    "panel": {"panel", "committee", "subcommittee", "commission"},
    "committee": {"committee", "subcommittee", "panel"},
}
SEARCH_MENTIONS = 80  # mentions back from the description where its body may be named


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
