"""Design (a), the baseline: a small MLP over pooled sentence embeddings of target and quote.

    python -m training.stance_pooled --data ../shared/data/vast

Features [u, v, u*v, |u-v|] from the mean-pooled, normalised token states of the same cache that
train_stance.py reads (no interaction between target and quote tokens before the classifier).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from service.pipeline.stance import LABELS
from training.stance_cache import StateCache
from training.stance_metrics import report
from training.train_stance import split_by_text
from training.vast import DEFAULT_DIR, VastRow, read_vast


def features(cache: StateCache, rows: list[VastRow]) -> torch.Tensor:
    def pooled(key: str) -> np.ndarray:
        v = cache[key].astype(np.float32).mean(0)
        return v / np.linalg.norm(v)

    u = np.stack([pooled("t:" + r.topic) for r in rows])
    v = np.stack([pooled("x:" + r.text) for r in rows])
    return torch.from_numpy(np.concatenate([u, v, u * v, np.abs(u - v)], 1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--cache", type=Path, default=Path("runs/stance/int8_states.npz"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=20)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    cache = StateCache(args.cache)
    fit_rows, val = split_by_text(read_vast(args.data, "train"), 0.1, args.seed)
    x, xv = features(cache, fit_rows), features(cache, val)
    y = torch.tensor([LABELS.index(r.label) for r in fit_rows])
    weight = len(y) / (len(LABELS) * torch.bincount(y).float())
    mlp = torch.nn.Sequential(
        torch.nn.Dropout(0.3), torch.nn.Linear(x.shape[1], 256), torch.nn.ReLU(),
        torch.nn.Dropout(0.3), torch.nn.Linear(256, len(LABELS)),
    )  # fmt: skip
    opt = torch.optim.AdamW(mlp.parameters(), lr=1e-3, weight_decay=0.01)
    best, state = {"all": -1.0}, None
    for epoch in (bar := tqdm(range(args.epochs), desc="pooled MLP")):
        mlp.train()
        for idx in torch.randperm(len(y)).split(128):
            loss = torch.nn.functional.cross_entropy(mlp(x[idx]), y[idx], weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
        mlp.eval()
        with torch.no_grad():
            score = report(val, mlp(xv).argmax(-1).numpy())
        bar.set_postfix(loss=f"{loss.item():.3f}", held_out=score["all"])
        if score["all"] > best["all"]:
            best, state = (
                {**score, "epoch": epoch + 1},
                {k: t.clone() for k, t in mlp.state_dict().items()},
            )
    mlp.load_state_dict(state)
    result = {"held_out": best}
    for split in ("dev", "test"):
        rows = read_vast(args.data, split)
        with torch.no_grad():
            result[split] = report(rows, mlp(features(cache, rows)).argmax(-1).numpy())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
