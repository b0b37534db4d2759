"""Case shapes: what the uncased tagger is told about the capitals its tokenizer folds away."""

from pathlib import Path

import pytest

from service.pipeline.attribution.casing import CAPITALISED, LOWER, UPPER, case_shapes, word_shape
from service.pipeline.onnx_model import load_tokenizer

TOKENIZER = Path(__file__).parents[1] / "models" / "attribution" / "tokenizer.json"


@pytest.mark.parametrize(
    ("word", "shape"),
    [("said", LOWER), ("2016", LOWER), ("iPhone", LOWER), ("Ren", CAPITALISED),
     ("McCain", CAPITALISED), ("I", CAPITALISED), ("NATO", UPPER), ("U.S", UPPER)],
)
def test_word_shape(word, shape):
    assert word_shape(word) == shape


def test_the_same_word_pieces_differ_only_in_their_shapes():
    tokenizer = load_tokenizer(TOKENIZER)
    text = "Zhengfei told zhengfei about NATO."
    encoding = tokenizer.encode(text, add_special_tokens=False)
    shapes = case_shapes(text, encoding)
    pieces = [(token, shape) for token, shape in zip(encoding.tokens, shapes, strict=True)]
    name = [p for p in pieces if p[0] in ("zheng", "##fe", "##i")]
    # every piece of a word takes the word's shape, not only its first piece
    assert name == [("zheng", CAPITALISED), ("##fe", CAPITALISED), ("##i", CAPITALISED),
                    ("zheng", LOWER), ("##fe", LOWER), ("##i", LOWER)]
    assert ("nato", UPPER) in pieces and (".", LOWER) in pieces
