"""Stance step: target-choice rules and the committed model's output contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.stance.model import STANCE_LABELS, StanceModel
from service.pipeline.stance.targets import (
    entity_mentions,
    entity_target,
    given_targets,
    holders,
    rank_entities,
)
from service.pipeline.types import CharSpan, Speaker
from tests.support.handmade import parse

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "stance"

# "Huawei founder Ren Zhengfei said Washington should talk. Ren said Huawei would not ..."
TEXT = (
    "Huawei founder Ren Zhengfei met Washington envoys in 2019. Ren said Huawei and the "
    "European Union would cooperate. Ren praised Washington. Ren said Huawei's sales grew."
)
ENTITIES = [
    (name, label, TEXT.index(name, at), TEXT.index(name, at) + len(name))
    for name, label, at in [
        ("Huawei", "ORG", 0),
        ("Ren Zhengfei", "PERSON", 0),
        ("Washington", "GPE", 0),
        ("2019", "DATE", 0),
        ("Ren", "PERSON", 59),
        ("Huawei", "ORG", 59),
        ("the European Union", "ORG", 0),
        ("Ren", "PERSON", 110),
        ("Washington", "GPE", 110),
        ("Ren", "PERSON", 130),
        ("Huawei's", "ORG", 130),
    ]
]
RANKING = rank_entities(ENTITIES)


def words(text: str) -> list[CharSpan]:
    """The quote's one fragment: the first occurrence of text in TEXT."""
    return [CharSpan.of(TEXT, TEXT.index(text), TEXT.index(text) + len(text))]


def speaker(name: str | None, role: str | None = None) -> Speaker:
    return Speaker(name, "person", None, role)


def test_request_targets_win_over_title():
    got = given_targets(["tariffs", "5G"], "Title here")
    assert got == [("tariffs", "request"), ("5G", "request")]


def test_title_is_the_target_without_request_targets():
    assert given_targets(None, "  US bans  Huawei ") == [("US bans Huawei", "title")]
    assert given_targets([], "Huawei ban") == [("Huawei ban", "title")]
    assert given_targets(None, "  ") == []


def test_ranking_counts_short_forms_and_skips_numbers():
    # "Ren" x3 counts toward "Ren Zhengfei" (4 mentions) ahead of Huawei (3, possessive folded).
    assert RANKING.ranked[:2] == [("Ren Zhengfei", 4), ("Huawei", 3)]
    assert all(name != "2019" for name, _ in RANKING.ranked)


def test_entity_target_is_named_in_the_quote():
    quote = words("Huawei and the European Union would cooperate")
    # both are named; Huawei is mentioned more often in the article
    assert entity_target(RANKING, speaker("Ren Zhengfei"), quote) == [("Huawei", "entity")]
    assert entity_target(RANKING, speaker(None), words("Ren praised Washington")) == [
        ("Ren Zhengfei", "entity")
    ]


def test_entity_target_is_never_the_speaker_nor_the_speakers_organization():
    assert entity_target(RANKING, speaker("Ren"), words("Ren praised Washington")) == [
        ("Washington", "entity")
    ]
    founder = speaker("Ren Zhengfei", "founder of Huawei")
    quote = words("Huawei and the European Union would cooperate")
    assert entity_target(RANKING, founder, quote) == [("European Union", "entity")]


def test_an_entity_the_role_is_about_is_no_affiliation():
    quote = words("Ren praised Washington")
    envoy = speaker("Ren", "ambassador to Washington")  # Washington: where he is posted
    assert entity_target(RANKING, envoy, quote) == [("Washington", "entity")]
    assert entity_target(RANKING, speaker("Ren", "Washington envoy"), quote) == []
    expert = speaker("Dana Moss", "expert on Huawei")
    cooperate = words("Huawei and the European Union would cooperate")
    assert entity_target(RANKING, expert, cooperate) == [("Huawei", "entity")]


def test_no_entity_target_when_the_quote_names_no_other_entity():
    founder = speaker("Ren Zhengfei", "founder of Huawei")
    assert entity_target(RANKING, founder, words("Huawei's sales grew")) == []
    assert entity_target(RANKING, founder, words("would cooperate")) == []
    assert entity_target(rank_entities([("Monday", "DATE", 0, 6)]), speaker(None), []) == []


needs_weights = pytest.mark.skipif(
    not (MODEL_DIR / "model.onnx").exists(), reason="stance weights not committed"
)


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel(MODEL_DIR)


@needs_weights
def test_model_meta_names_a_version(model):
    assert model.meta["name"] == "quotes-stance-minilm" and model.meta["version"]


@needs_weights
def test_labels_and_confidence_range(model):
    long_quote = " ".join(["The ban on the company's equipment is unfair and will hurt us."] * 60)
    pairs = [
        ("the ban", "We fully support the ban; it protects our networks."),
        ("the ban", "The ban violates market principles and must be lifted."),
        ("Huawei", "The weather was mild on Tuesday."),
        ("the ban", long_quote),  # far beyond one encoder window: windowed and pooled
    ]
    out = model.predict(pairs)
    assert len(out) == len(pairs)
    for label, conf in out:
        assert label in STANCE_LABELS
        assert 1 / len(STANCE_LABELS) <= conf <= 1.0


@needs_weights
def test_duplicate_pairs_in_one_call_agree_and_empty_input(model):
    pair = ("nuclear power", "Nuclear plants are the cleanest source of energy we have.")
    a, b = model.predict([pair, ("x", "y"), pair])[::2]
    assert a == b
    assert model.predict([]) == []


@needs_weights
def test_long_targets_and_empty_texts_are_answered(model):
    long_target = " ".join(["the proposed national infrastructure spending bill"] * 30)
    out = model.predict([(long_target, "We back it."), ("the ban", ""), (" ", "Fine.")])
    assert len(out) == 3 and all(label in STANCE_LABELS for label, _ in out)


def test_the_entity_holding_the_position_is_not_its_target():
    text = "China has always opposed the sanctions that Washington imposed on the firms."
    doc = parse(text)
    ranking = rank_entities(entity_mentions(doc))
    quote = [CharSpan.of(text, 0, len(text) - 1)]
    held = holders(doc, ranking, quote)
    assert held == {"China"}
    ministry = Speaker("Ministry of Commerce", "organization", None, None)
    assert entity_target(ranking, ministry, quote, held) == [("Washington", "entity")]
    # a holder named alone is still the quote's target
    alone = [CharSpan.of(text, 0, text.index(" the sanctions"))]
    assert entity_target(ranking, ministry, alone, held) == [("China", "entity")]


def test_a_nationality_as_an_adjective_is_no_entity_to_take_a_position_on():
    doc = parse("Chinese enterprises welcomed the deal. The Chinese want more of it.")
    assert [(m[0], m[1]) for m in entity_mentions(doc)] == [("Chinese", "NORP")]
    assert entity_mentions(doc)[0][2] == doc.text.index("The Chinese") + 4
