"""Pipeline output (Quote objects) -> the response documents, dumped by service/schemas.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from service.schemas import BatchResponseSchema, QuotesResponseSchema

if TYPE_CHECKING:  # importing service.pipeline loads spaCy and ONNX Runtime: the loader's job
    from service.pipeline.types import Quote

QUOTES_RESPONSE = QuotesResponseSchema()
BATCH_RESPONSE = BatchResponseSchema()


@dataclass(frozen=True)
class NumberedQuote:
    """A pipeline quote with what the response adds: its id (q1, q2, ... in text order) and
    its text, the outer extent with any interruptions included."""

    id: str
    text: str
    quote: Quote


@dataclass
class SpeakerSummary:
    """One resolved (name, type): its first stated role and its quotes' ids."""

    name: str
    type: str
    role: str | None = None
    quote_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentResult:
    """What QuotesResponseSchema dumps for one article."""

    id: str | None
    model: dict[str, str]
    quotes: list[NumberedQuote]
    speakers: list[SpeakerSummary]


def _speakers(quotes: list[NumberedQuote]) -> list[SpeakerSummary]:
    """One entry per resolved (name, type), in order of first quote; unnamed speakers left out."""
    entries: dict[tuple[str, str], SpeakerSummary] = {}
    for numbered in quotes:
        speaker = numbered.quote.speaker
        if speaker.name is None:
            continue
        entry = entries.setdefault(
            (speaker.name, speaker.type), SpeakerSummary(speaker.name, speaker.type)
        )
        entry.quote_ids.append(numbered.id)
        if entry.role is None:
            entry.role = speaker.role
    return list(entries.values())


def document_result(
    doc_id: str | None, text: str, quotes: list[Quote], model: dict[str, str]
) -> DocumentResult:
    """The quotes of `text` in text order, numbered, with the speakers they group into."""
    ordered = sorted(quotes, key=lambda q: (q.attribution.start, q.attribution.end))
    numbered = [
        NumberedQuote(f"q{i}", text[q.attribution.start : q.attribution.end], q)
        for i, q in enumerate(ordered, start=1)
    ]
    return DocumentResult(doc_id, model, numbered, _speakers(numbered))


def render(result: DocumentResult) -> dict[str, Any]:
    """The JSON object of POST /v1/quotes (QuotesResponse in openapi.yaml)."""
    return QUOTES_RESPONSE.dump(result)


def render_document(
    doc_id: str | None, text: str, quotes: list[Quote], model: dict[str, str]
) -> dict[str, Any]:
    """render(document_result(...)), for callers outside the API (training/evaluate_seeds.py)."""
    return render(document_result(doc_id, text, quotes, model))


def render_batch(results: list[DocumentResult]) -> dict[str, Any]:
    """The JSON object of POST /v1/quotes/batch (BatchResponse in openapi.yaml)."""
    return BATCH_RESPONSE.dump({"results": results})
