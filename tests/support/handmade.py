"""Attributions built by hand for rule tests: spans located by string search, never by
hard-coded offsets, the way the attribution model would mark them."""

from __future__ import annotations

from functools import lru_cache, partial

from service.config import REPO_ROOT
from service.pipeline.document import Document
from service.pipeline.nlp import parse
from service.pipeline.speakers.antecedents import AntecedentModel
from service.pipeline.speakers.coreference import ArticleEntities
from service.pipeline.speakers.discourse import in_quotes
from service.pipeline.speakers.resolver import resolve_speakers
from service.pipeline.types import Attribution, CharSpan, Speaker


def locate(text: str, part: str, near: int = 0) -> CharSpan:
    """The occurrence of `part` nearest to character `near`."""
    starts, i = [], text.find(part)
    while i >= 0:
        starts.append(i)
        i = text.find(part, i + 1)
    assert starts, f"{part!r} not in text"
    start = min(starts, key=lambda s: abs(s - near))
    return CharSpan.of(text, start, start + len(part))


def attribution(
    text: str,
    *contents: str,
    source: str | None = None,
    cue: str | None = None,
    after: str | None = None,
) -> Attribution:
    """Content parts (located in order, after the text `after` when given), with the source
    and cue occurrences nearest to the content."""
    pos = text.index(after) + len(after) if after else 0
    fragments = []
    for part in contents:
        start = text.index(part, pos)
        fragments.append(CharSpan.of(text, start, start + len(part)))
        pos = start + len(part)
    at = fragments[0].start
    return Attribution(
        fragments,
        locate(text, cue, at) if cue else None,
        locate(text, source, at) if source else None,
        1.0,
    )


@lru_cache(maxsize=1)
def coreference_model() -> AntecedentModel:
    return AntecedentModel(REPO_ROOT / "models" / "coreference")


def resolve(text: str, atts: list[Attribution]) -> list[Speaker]:
    """The speakers step on hand-made attributions, with the served coreference model."""
    return resolve_speakers(Document(text, parse(text)), atts, coreference_model())


def article_entities(text: str, atts: list[Attribution]) -> ArticleEntities:
    """The entity table the speakers step leaves on the document for these attributions."""
    document = Document(text, parse(text))
    resolve_speakers(document, atts, coreference_model())
    assert document.entities is not None
    return document.entities


def tagged_entities(text: str, *persons: str) -> ArticleEntities:
    """The entity table of `text` when the NER tags exactly these strings PERSON."""
    doc, spans, at = parse(text), [], 0
    for person in persons:  # each after the one before
        at = text.index(person, at)
        span = doc.char_span(at, at + len(person), "PERSON")
        assert span is not None
        spans.append(span)
        at += len(person)
    doc.ents = spans
    return ArticleEntities(doc, first_names=coreference_model().first_names,
                           quoted=partial(in_quotes, Document(text, doc)))


def people(text: str, *persons: str) -> list[str]:
    return [e.name for e in tagged_entities(text, *persons).people]
