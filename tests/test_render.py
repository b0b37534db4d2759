"""Quote objects -> response JSON: ids, fragments, speakers list, model."""

from __future__ import annotations

from typing import get_args

import pytest
import yaml

from service.api.render import document_result, render_batch, render_document
from service.config import REPO_ROOT
from service.pipeline.types import Attribution, CharSpan, Quote, Speaker, Stance
from service.schemas import QuoteSchema, SpeakerSchema, SpeakerSummarySchema, StanceSchema
from service.vocabulary import QuoteType, SpeakerType, StanceLabel, TargetSource

ARTICLE = "“We will win,” she said, “and soon.” Ren Zhengfei said trade helps. They said no."
MODEL = {"name": "attribution-tagger", "version": "1.2"}


def span(needle: str, occurrence: int = 0) -> CharSpan:
    start = -1
    for _ in range(occurrence + 1):
        start = ARTICLE.index(needle, start + 1)
    return CharSpan.of(ARTICLE, start, start + len(needle))


def quote(fragments: list[CharSpan], name: str | None, kind: str = "person",
          role: str | None = None,
          source: CharSpan | None = None) -> Quote:
    return Quote(
        attribution=Attribution(fragments, cue=span("said"), source=source, confidence=0.87654),
        type="direct",
        speaker=Speaker(name=name, type=kind if name else "unknown", mention=source, role=role),
        stance=[Stance("trade", "request", "support", 0.912345)],
    )


def test_interrupted_quote_has_outer_extent_and_fragments() -> None:
    first, second = span("We will win,"), span("and soon.")
    body = render_document("doc-1", ARTICLE, [quote([first, second], "Meng Wanzhou")], MODEL)
    rendered = body["quotes"][0]
    assert (rendered["start"], rendered["end"]) == (first.start, second.end)
    assert rendered["text"] == ARTICLE[first.start:second.end]
    assert [f["text"] for f in rendered["fragments"]] == ["We will win,", "and soon."]
    assert body["id"] == "doc-1" and body["model"] == MODEL


def test_single_part_quote_has_no_fragments_and_plain_floats() -> None:
    body = render_document(None, ARTICLE, [quote([span("trade helps")], "Ren Zhengfei")], MODEL)
    rendered = body["quotes"][0]
    assert "fragments" not in rendered
    assert rendered["confidence"] == 0.8765 and rendered["stance"][0]["confidence"] == 0.9123
    assert rendered["cue"] == {"text": "said", "start": span("said").start,
                               "end": span("said").end}
    assert body["id"] is None


def test_quotes_sorted_and_numbered_speakers_grouped_in_first_quote_order() -> None:
    ren = quote([span("trade helps")], "Ren Zhengfei", role="founder of Huawei",
                source=span("Ren Zhengfei"))
    meng_1 = quote([span("We will win,")], "Meng Wanzhou")
    meng_2 = quote([span("and soon.")], "Meng Wanzhou", role="CFO")
    nobody = quote([span("no")], None)
    body = render_document("x", ARTICLE, [nobody, ren, meng_2, meng_1], MODEL)
    assert [q["id"] for q in body["quotes"]] == ["q1", "q2", "q3", "q4"]
    assert [q["start"] for q in body["quotes"]] == sorted(q["start"] for q in body["quotes"])
    assert body["speakers"] == [
        {"name": "Meng Wanzhou", "type": "person", "role": "CFO", "quote_ids": ["q1", "q2"]},
        {"name": "Ren Zhengfei", "type": "person", "role": "founder of Huawei",
         "quote_ids": ["q3"]},
    ]
    assert body["quotes"][3]["speaker"] == {"name": None, "type": "unknown", "mention": None,
                                            "role": None}


def test_same_name_with_another_type_is_another_speaker() -> None:
    person = quote([span("We will win,")], "Huawei", kind="person")
    company = quote([span("trade helps")], "Huawei", kind="organization")
    body = render_document(None, ARTICLE, [person, company], MODEL)
    assert [(s["name"], s["type"]) for s in body["speakers"]] == [
        ("Huawei", "person"), ("Huawei", "organization")]


def test_a_batch_is_its_documents_rendered_one_by_one() -> None:
    quotes = [quote([span("trade helps")], "Ren Zhengfei"), quote([span("no")], None)]
    one = render_document("a", ARTICLE, quotes, MODEL)
    batch = render_batch([document_result("a", ARTICLE, quotes, MODEL)] * 2)
    assert batch == {"results": [one, one]}


@pytest.mark.parametrize(("schema", "field", "alias"), [
    (QuoteSchema, "type", QuoteType),
    (SpeakerSchema, "type", SpeakerType),
    (SpeakerSummarySchema, "type", SpeakerType),
    (StanceSchema, "label", StanceLabel),
    (StanceSchema, "target_source", TargetSource),
])
def test_enums_come_from_the_vocabulary(schema, field: str, alias: object) -> None:
    validator = schema().fields[field].validators[0]
    assert tuple(validator.choices) == get_args(alias)
    spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    component = spec["components"]["schemas"][schema.__name__.removesuffix("Schema")]
    documented = component["properties"][field]
    assert tuple(documented["enum"]) == get_args(alias)
