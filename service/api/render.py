"""Pipeline output (Quote objects) -> the JSON document of the API (issue 2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # importing service.pipeline loads spaCy and ONNX Runtime: the loader's job
    from service.pipeline.types import Quote, Span


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def _quote(quote_id: str, text: str, quote: Quote) -> dict[str, Any]:
    attribution = quote.attribution
    start, end = attribution.start, attribution.end
    body: dict[str, Any] = {
        "id": quote_id,
        "type": quote.type,
        "text": text[start:end],  # the outer extent, interruptions included
        "start": start,
        "end": end,
    }
    if len(attribution.fragments) > 1:
        body["fragments"] = [_span(part) for part in attribution.fragments]
    speaker = quote.speaker
    body["cue"] = _span(attribution.cue)
    body["speaker"] = {
        "name": speaker.name,
        "type": speaker.type,
        "mention": _span(speaker.mention),
        "role": speaker.role,
    }
    body["stance"] = [
        {
            "target": stance.target,
            "target_source": stance.target_source,
            "label": stance.label,
            "confidence": round(float(stance.confidence), 4),
        }
        for stance in quote.stance
    ]
    body["confidence"] = round(float(attribution.confidence), 4)
    return body


def _speakers(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per resolved (name, type), in order of first quote; unnamed speakers left out."""
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for quote in quotes:
        speaker = quote["speaker"]
        if speaker["name"] is None:
            continue
        key = (speaker["name"], speaker["type"])
        entry = entries.setdefault(
            key, {"name": key[0], "type": key[1], "role": None, "quote_ids": []}
        )
        entry["quote_ids"].append(quote["id"])
        if entry["role"] is None:
            entry["role"] = speaker["role"]
    return list(entries.values())


def render_document(
    doc_id: str | None, text: str, quotes: list[Quote], model: dict[str, str]
) -> dict[str, Any]:
    ordered = sorted(quotes, key=lambda q: (q.attribution.start, q.attribution.end))
    rendered = [_quote(f"q{i}", text, quote) for i, quote in enumerate(ordered, start=1)]
    return {
        "id": doc_id,
        "model": {"name": str(model["name"]), "version": str(model["version"])},
        "quotes": rendered,
        "speakers": _speakers(rendered),
    }
