"""Stance step: target-choice rules and the committed model's output contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.stance.model import STANCE_LABELS, StanceModel
from service.pipeline.stance.targets import choose_targets, rank_entities

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "stance"

ENTITIES = [
    ("Huawei", "ORG"),
    ("Ren Zhengfei", "PERSON"),
    ("Washington", "GPE"),
    ("Huawei", "ORG"),
    ("Ren", "PERSON"),
    ("2019", "DATE"),
    ("Ren", "PERSON"),
    ("Ren", "PERSON"),
    ("the European Union", "ORG"),
    ("Huawei's", "ORG"),
]
RANKED = rank_entities(ENTITIES)


def test_request_targets_win_over_title_and_entities():
    got = choose_targets(["tariffs", "5G"], "Title here", RANKED, "Ren Zhengfei")
    assert got == [("tariffs", "request"), ("5G", "request")]


def test_title_is_the_target_without_request_targets():
    assert choose_targets(None, "  US bans  Huawei ", RANKED, None) == [
        ("US bans Huawei", "title")
    ]
    assert choose_targets([], "Huawei ban", RANKED, None) == [("Huawei ban", "title")]


def test_entity_rule_counts_short_forms_and_skips_numbers():
    # "Ren" x3 counts toward "Ren Zhengfei" (4 mentions) ahead of Huawei (3, possessive folded).
    assert rank_entities(ENTITIES)[:2] == [("Ren Zhengfei", 4), ("Huawei", 3)]
    assert all(name != "2019" for name, _ in rank_entities(ENTITIES))


def test_entity_rule_skips_the_quotes_own_speaker():
    assert choose_targets(None, None, RANKED, None) == [("Ren Zhengfei", "entity")]
    assert choose_targets(None, "", RANKED, "Ren Zhengfei") == [("Huawei", "entity")]
    assert choose_targets(None, None, RANKED, "Ren") == [("Huawei", "entity")]


def test_no_target_when_nothing_applies():
    assert choose_targets(None, None, rank_entities([("Monday", "DATE")]), None) == []


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
