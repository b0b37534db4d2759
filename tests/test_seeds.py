"""Issue 4's acceptance: the seed articles through the running service, scored against the
hand annotation, plus the scoring rules themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from training.speakers.evaluate_seeds import (
    THRESHOLDS,
    failures,
    load_gold,
    match,
    run,
    score,
    service_analyser,
    table,
    token_f1,
    totals,
)
from training.speakers.evaluate_speakers import is_non_quote

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
needs_eval = pytest.mark.skipif(
    not (EVAL_DIR / "seeds.gold.json").is_file(),
    reason=f"seed annotation not found at {EVAL_DIR} (the shared/ folder beside the checkout)",
)


def test_token_f1() -> None:
    assert token_f1("founder and CEO of Huawei", "founder and CEO of Huawei") == 1.0
    assert token_f1("President", "Chinese President") == pytest.approx(2 / 3)
    assert token_f1("", "ministry spokeswoman") == 0.0
    assert token_f1("the mayor", "police chief") == 0.0


def test_match_is_one_to_one_by_largest_overlap() -> None:
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 30}]
    pred = [{"start": 5, "end": 25}, {"start": 18, "end": 31}, {"start": 40, "end": 50}]
    assert match(gold, pred) == [pred[0], pred[1]]
    assert match(gold, [{"start": 10, "end": 20}]) == [None, None]  # touching is no overlap


def as_response(doc: dict) -> dict:
    quotes = [{**q, "speaker": {"name": q["speaker"], "role": q["role"]}} for q in doc["quotes"]]
    return {"quotes": quotes}


@needs_eval
def test_gold_scored_against_itself_is_perfect_and_a_wrong_speaker_counts() -> None:
    gold = load_gold(EVAL_DIR)
    responses = {d["id"]: as_response(d) for d in gold}
    counts = totals(score(gold, responses))
    assert counts["found"] == counts["speaker"] == counts["type"] == counts["quotes"]
    assert counts["role"] == counts["with_role"]
    first = responses[gold[0]["id"]]["quotes"][0]
    first["speaker"] = {"name": "Somebody Else", "role": None}
    assert totals(score(gold, responses))["speaker"] == counts["speaker"] - 1


@needs_eval
@pytest.mark.parametrize("quote, expected", [
    ((40, 60), True),  # the narration sentence alone, returned as a quote
    ((0, 21), False),  # the expected quote with its comma, inside a non-quote run
    ((0, 60), True),  # the quote run on through the narration after it
])
def test_a_non_quote_is_what_a_returned_quote_mostly_is_beyond_the_expected_quotes(
    quote: tuple[int, int], expected: bool
) -> None:
    # an expected quote [0, 20), a non-quote run [0, 50) holding it, a narration [40, 60)
    gold = [{"start": 0, "end": 20}]
    q = {"start": quote[0], "end": quote[1]}
    assert (is_non_quote(q, 0, 50, gold) or is_non_quote(q, 40, 60, gold)) is expected


def test_a_non_quote_inside_an_expected_quote_is_only_its_own_fragment() -> None:
    gold = [{"start": 0, "end": 56}]  # 'the bridge "doesn‘t need ..."', cut at 20 by a stray mark
    assert is_non_quote({"start": 20, "end": 56}, 20, 56, gold)
    assert not is_non_quote({"start": 0, "end": 56}, 20, 56, gold)


def test_seed_articles_through_the_service(live_server, capsys) -> None:
    rows = run(EVAL_DIR, service_analyser(live_server.url))
    with capsys.disabled():
        print("\n" + table(rows))
    missed = failures(totals(rows))
    assert not missed, f"below issue 4's thresholds {THRESHOLDS}: {missed}"
