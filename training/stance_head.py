"""The trainable stance head: small transformer layers over [CLS; target; quote] token states of
the frozen encoder, exported to ONNX (head.onnx) for the service.

The 384-wide encoder states are first reduced by a fixed PCA to the head's width: computed once,
it makes training several times cheaper than a learned input projection over every token.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch import nn

from service.pipeline.stance import LABELS

ENCODER_DIM = 384


class Block(nn.Module):
    """Pre-norm self-attention + feed-forward, written out so the ONNX graph stays plain."""

    def __init__(self, d: int, heads: int, ff: int, dropout: float) -> None:
        super().__init__()
        self.heads = heads
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))
        self.drop = nn.Dropout(dropout)

    def forward(self, h: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, d = h.shape
        q, k, v = self.qkv(self.norm1(h)).view(b, n, 3, self.heads, -1).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) / (d // self.heads) ** 0.5 + bias
        ctx = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, n, d)
        h = h + self.drop(self.proj(ctx))
        return h + self.drop(self.ff(self.norm2(h)))


def pca(states: np.ndarray, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean and top-d principal directions (ENCODER_DIM x d) of sampled token states."""
    x = states.astype(np.float64)
    mean = x.mean(0)
    _, vecs = np.linalg.eigh(np.cov(x - mean, rowvar=False))
    return mean.astype(np.float32), vecs[:, ::-1][:, :d].astype(np.float32).copy()


class StanceHead(nn.Module):
    """Reads PCA-reduced states (batch x tokens x d) of target and quote."""

    def __init__(
        self, d: int = 128, heads: int = 4, ff: int = 256, layers: int = 2, dropout: float = 0.1
    ) -> None:
        super().__init__()
        self.norm_in = nn.LayerNorm(d)
        self.segment = nn.Parameter(torch.zeros(3, d))  # cls / target / quote
        self.blocks = nn.ModuleList(Block(d, heads, ff, dropout) for _ in range(layers))
        self.drop = nn.Dropout(dropout)
        self.out = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, len(LABELS)))

    def forward(self, target, target_mask, quote, quote_mask) -> torch.Tensor:
        b = target.shape[0]
        cls = self.segment[0].expand(b, 1, -1)
        h = torch.cat(
            [cls, self.norm_in(target) + self.segment[1], self.norm_in(quote) + self.segment[2]], 1
        )
        h = self.drop(h)
        mask = torch.cat([torch.ones_like(target_mask[:, :1]), target_mask, quote_mask], 1)
        bias = (1.0 - mask.to(h.dtype))[:, None, None, :] * -1e4
        for block in self.blocks:
            h = block(h, bias)
        return self.out(h[:, 0])


class ServedHead(nn.Module):
    """The head behind its fixed PCA, reading the encoder's raw states as the service sends them."""

    def __init__(self, head: StanceHead, mean: np.ndarray, basis: np.ndarray) -> None:
        super().__init__()
        self.head = head
        self.register_buffer("mean", torch.from_numpy(mean))
        self.register_buffer("basis", torch.from_numpy(basis))

    def forward(self, target, target_mask, quote, quote_mask) -> torch.Tensor:
        reduce = lambda x: (x - self.mean) @ self.basis  # noqa: E731
        return self.head(reduce(target), target_mask, reduce(quote), quote_mask)


def export_head(head: ServedHead, path: Path) -> None:
    head.eval()
    t, q = torch.randn(2, 5, ENCODER_DIM), torch.randn(2, 9, ENCODER_DIM)
    tm, qm = torch.ones(2, 5, dtype=torch.long), torch.ones(2, 9, dtype=torch.long)
    axes = {"target": {0: "b", 1: "t"}, "target_mask": {0: "b", 1: "t"}}
    axes |= {"quote": {0: "b", 1: "q"}, "quote_mask": {0: "b", 1: "q"}, "logits": {0: "b"}}
    torch.onnx.export(
        head,
        (t, tm, q, qm),
        str(path),
        input_names=["target", "target_mask", "quote", "quote_mask"],
        output_names=["logits"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
