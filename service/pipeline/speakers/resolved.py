"""A source mention resolved (the speaker's name, type and entity, and the paragraph where
it was last heard), and what the resolution steps need of the resolver they are part of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc

from service.pipeline.document import Document
from service.pipeline.speakers.antecedents import Anaphor, AntecedentModel
from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.mentions import SourceMention
from service.pipeline.types import Attribution

GROUPS = ("organization", "other")


@dataclass
class Resolved:
    name: str | None
    type: str
    entity: Entity | None = None
    para: int = -1


UNKNOWN = Resolved(None, "unknown")


def of_entity(ent: Entity | None) -> Resolved:
    if ent is None:
        return UNKNOWN
    return Resolved(ent.name, ent.type, ent)


class MentionResolver(Protocol):
    """The resolver as its pronominal and nominal steps see it (resolver.SpeakerResolver)."""

    document: Document
    doc: Doc
    ents: ArticleEntities
    coreference: AntecedentModel
    author: Entity | None

    def resolve_phrase(self, start: int, end: int, att: Attribution, near: Resolved | None
                       ) -> Resolved: ...

    def pronoun(self, m: SourceMention, att: Attribution, near: Resolved | None
                ) -> Resolved: ...

    def owner(self, m: SourceMention, att: Attribution, near: Resolved | None
              ) -> Entity | None: ...

    def agreeing_before(self, anaphor: Anaphor) -> list[Entity]: ...

    def people_listed(self, at: int) -> tuple[int, int] | None: ...

    def named_later(self, m: SourceMention, headline: bool = False) -> Entity | None: ...

    def ranked_at(self, ent: Entity, anaphor: Anaphor) -> bool: ...
