"""Word case shapes, the capital letters that the uncased encoder's tokenizer folds away.

The tagger reads them through BERT's token-type embedding (one row per shape), so a name's
capital costs nothing at serving time: the ONNX graph already takes `token_type_ids`.
"""

from __future__ import annotations

from tokenizers import Encoding

LOWER, CAPITALISED, UPPER = 0, 1, 2  # no capital first / first letter capital / all capitals
CASE_SHAPES = 3


def word_shape(word: str) -> int:
    """LOWER, CAPITALISED ("Ren", "McCain", "I") or UPPER ("NATO", "U.S"; two letters or more)."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not letters[0].isupper():
        return LOWER
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return UPPER
    return CAPITALISED


def case_shapes(text: str, encoding: Encoding) -> list[int]:
    """Per token of `encoding` (of `text`, no special tokens), the shape of its whole word.

    Words are the tokenizer's pre-tokenised words (split at whitespace and punctuation), so
    every word piece of "Zhengfei" is CAPITALISED, not only the first.
    """
    spans: dict[int | None, tuple[int, int]] = {}
    for word, (start, end) in zip(encoding.word_ids, encoding.offsets, strict=True):
        first, last = spans.get(word, (start, end))
        spans[word] = (min(first, start), max(last, end))
    shape = {word: word_shape(text[start:end]) for word, (start, end) in spans.items()}
    return [shape[word] for word in encoding.word_ids]
