"""Cut a long token sequence into overlapping windows and merge their outputs back."""

from __future__ import annotations

import numpy as np


def window_bounds(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """Return [start, end) token ranges of at most `size` tokens, `stride` apart, covering all."""
    if n_tokens <= size:
        return [(0, n_tokens)]
    bounds = []
    start = 0
    while True:
        end = min(start + size, n_tokens)
        bounds.append((start, end))
        if end == n_tokens:
            return bounds
        start = min(start + stride, n_tokens - size)


def merge_windows(
    bounds: list[tuple[int, int]], outputs: list[np.ndarray], n_tokens: int
) -> np.ndarray:
    """Merge per-window outputs [len, k] into one [n_tokens, k] array.

    Each token takes the output of the window in which it sits farthest from an
    edge, where the encoder saw the most context on both sides.
    """
    merged = np.zeros((n_tokens, outputs[0].shape[-1]), dtype=outputs[0].dtype)
    best = np.full(n_tokens, -1)
    for (start, end), out in zip(bounds, outputs, strict=True):
        pos = np.arange(start, end)
        # distance to the nearest cut; a document edge is no cut
        left = pos - start if start > 0 else np.full(len(pos), n_tokens)
        right = end - 1 - pos if end < n_tokens else np.full(len(pos), n_tokens)
        margin = np.minimum(left, right)
        take = margin > best[start:end]
        merged[start:end][take] = out[take]
        best[start:end] = np.maximum(best[start:end], margin)
    return merged
