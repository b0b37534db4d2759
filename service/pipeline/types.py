"""Values that flow between the pipeline steps (attribution -> speakers -> types -> stance)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CharSpan:
    """A character span of the article as sent: text == article[start:end]."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: str, start: int, end: int) -> CharSpan:
        return cls(start, end, article[start:end])


@dataclass
class Attribution:
    """One quote found by the attribution model: content parts, cue and source mention."""

    fragments: list[CharSpan]  # content parts in text order; one unless interrupted
    cue: CharSpan | None
    source: CharSpan | None
    confidence: float

    @property
    def start(self) -> int:
        return self.fragments[0].start

    @property
    def end(self) -> int:
        return self.fragments[-1].end


@dataclass
class Speaker:
    """Who said a quote: canonical name, entity type, the mention at this quote, role."""

    name: str | None
    type: str  # person | organization | other | unknown
    mention: CharSpan | None
    role: str | None


@dataclass
class Stance:
    target: str
    target_source: str  # request | title | entity
    label: str  # support | oppose | neutral
    confidence: float


@dataclass
class Quote:
    attribution: Attribution
    type: str  # direct | indirect | mixed
    speaker: Speaker
    stance: list[Stance] = field(default_factory=list)
