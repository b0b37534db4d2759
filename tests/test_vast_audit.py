"""The VAST duplicate audit on hand-made rows: which rows repeat a pair, the reference scores."""

from training.corpora.vast import VastRow, single_label
from training.stance.vast_audit import audit, reference_scores


def row(text: str, topic: str, label: str) -> VastRow:
    return VastRow(text, topic, label, seen=True)


ROWS = [
    row("Ban it now.", "the ban", "support"),
    row("Ban it now.", "the ban", "neutral"),  # a synthetic-neutral copy of the row above
    row("Taxes hurt growth.", "taxes", "oppose"),
    row("The weather was mild.", "taxes", "neutral"),
]


def test_single_label_marks_only_pairs_with_one_label():
    assert single_label(ROWS).tolist() == [False, False, True, True]


def test_audit_counts_neutral_copies():
    counts = audit(ROWS)
    assert counts["pairs"] == 3
    assert counts["rows_of_pairs_with_several_labels"] == 2
    assert counts["neutral_rows_that_repeat_a_pro_or_con_pair"] == 1


def test_a_perfect_reader_loses_the_copies_and_the_oracle_does_not():
    scores = reference_scores(ROWS)
    # reader: support right, its neutral copy answered support (support P=1/2, neutral R=1/2)
    assert scores["perfect_reader"]["f1_support"] == round(2 / 3, 4)
    assert scores["perfect_reader"]["f1_neutral"] == round(2 / 3, 4)
    assert scores["perfect_reader"]["f1_oppose"] == 1.0
    # oracle: neutral for the copied pair, so the support row is lost instead
    assert scores["copy_oracle"]["f1_support"] == 0.0
    assert scores["copy_oracle"]["f1_neutral"] == 0.8
