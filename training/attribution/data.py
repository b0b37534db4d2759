"""PolNeAR articles -> encoder token ids with BIO labels, cut into training windows."""

from __future__ import annotations

import numpy as np
from tokenizers import Encoding, Tokenizer

from service.pipeline.attribution.casing import LOWER
from service.pipeline.attribution.decoding import LABEL_ID
from service.pipeline.text import encoder_view
from training.corpora.polnear import Article

IGNORE = -100


def encode(tokenizer: Tokenizer, text: str) -> Encoding:
    """Encode the whole article once, without special tokens (windows add them)."""
    return tokenizer.encode(encoder_view(text), add_special_tokens=False)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def token_labels(article: Article, encoding: Encoding) -> np.ndarray:
    """Label each token B-/I-<type> if it overlaps an annotated fragment, else O."""
    offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    labels = np.full(len(offsets), LABEL_ID["O"], dtype=np.int64)
    for mention in article.mentions.values():
        kind = mention.type.upper()
        for frag_start, frag_end in mention.fragments:
            start, end = _trim(article.text, frag_start, frag_end)
            inside = np.nonzero((offsets[:, 0] < end) & (offsets[:, 1] > start))[0]
            if len(inside):
                labels[inside] = LABEL_ID[f"I-{kind}"]
                labels[inside[0]] = LABEL_ID[f"B-{kind}"]
    return labels


Window = tuple[list[int], list[int], list[int]]  # token ids, labels, case shapes


def windows(
    ids: list[int], labels: np.ndarray, shapes: list[int], size: int, shift: int, cls_id: int,
    sep_id: int,
) -> list[Window]:
    """Cut into non-overlapping windows of `size` tokens (plus [CLS]/[SEP]), first cut at `shift`.

    A different shift each epoch moves the cuts, so every token is seen with
    varied context. A window starting inside a span starts with an I- label, as
    at serving time.
    """
    cuts = [0] + list(range(shift or size, len(ids), size)) + [len(ids)]
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if end > start:
            out.append(
                (
                    [cls_id] + ids[start:end] + [sep_id],
                    [IGNORE] + labels[start:end].tolist() + [IGNORE],
                    [LOWER] + shapes[start:end] + [LOWER],
                )
            )
    return out
