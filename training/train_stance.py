"""Train the stance head over frozen MiniLM token states of (target, quote) on VAST.

    python -m training.train_stance --data ../shared/data/vast --out models/stance

Token states come from the int8 ONNX encoder that the service runs (cached under --work), so the
head learns on exactly the inputs it is served. Model selection uses 10% of the train texts held
out (VAST dev's neutral rows pair texts with unrelated topics, unlike train and test).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from service.pipeline.stance import LABELS
from training.stance_cache import StateCache, build_cache
from training.stance_export import export
from training.stance_head import ServedHead, StanceHead, export_head, pca
from training.stance_metrics import report
from training.vast import DEFAULT_DIR, VastRow, read_vast

VERSION = "0.1.0"  # bump when the head, encoder export or training data change
NAME = "quotes-stance-minilm"


def bucketed(rows: list[VastRow], size: int, rng: random.Random) -> list[list[VastRow]]:
    """Shuffled batches of rows with similar text lengths (little padding)."""
    rows = rows[:]
    rng.shuffle(rows)
    out = []
    for i in range(0, len(rows), size * 32):
        pool = sorted(rows[i : i + size * 32], key=lambda r: len(r.text))
        out += [pool[j : j + size] for j in range(0, len(pool), size)]
    rng.shuffle(out)
    return out


def batches(cache: StateCache, chunks: list[list[VastRow]]):
    """(target, target_mask, quote, quote_mask, labels) tensors, zero-padded per batch."""
    for chunk in chunks:
        out = []
        for key in ("t:", "x:"):
            states = [cache[key + (r.topic if key == "t:" else r.text)] for r in chunk]
            n = max(len(s) for s in states)
            x = torch.zeros(len(chunk), n, states[0].shape[1])
            m = torch.zeros(len(chunk), n, dtype=torch.long)
            for j, s in enumerate(states):
                x[j, : len(s)] = torch.from_numpy(s)
                m[j, : len(s)] = 1
            out += [x, m]
        yield (*out, torch.tensor([LABELS.index(r.label) for r in chunk]))


@torch.no_grad()
def predict(head: StanceHead, cache: StateCache, rows: list[VastRow]) -> np.ndarray:
    head.eval()
    chunks = [rows[i : i + 256] for i in range(0, len(rows), 256)]
    return np.concatenate([head(*b[:4]).argmax(-1).numpy() for b in batches(cache, chunks)])


def split_by_text(rows: list[VastRow], frac: float, seed: int) -> tuple[list, list]:
    texts = sorted({r.text for r in rows})
    held = set(random.Random(seed).sample(texts, int(len(texts) * frac)))
    return [r for r in rows if r.text not in held], [r for r in rows if r.text in held]


def train(cache: StateCache, rows: list[VastRow], val: list[VastRow], args) -> tuple:
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    head = StanceHead(args.dim, args.heads, 2 * args.dim, args.layers, args.dropout)
    opt = torch.optim.AdamW(head.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    steps = args.epochs * -(-len(rows) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, args.lr, total_steps=steps, pct_start=0.1)
    counts = np.bincount([LABELS.index(r.label) for r in rows], minlength=len(LABELS))
    weight = torch.tensor(counts.sum() / (len(LABELS) * counts), dtype=torch.float32)
    best, state, history = {"all": -1.0}, None, []
    bar = tqdm(total=steps, desc="stance head")
    for epoch in range(args.epochs):
        head.train()
        for *x, y in batches(cache, bucketed(rows, args.batch, rng)):
            loss = torch.nn.functional.cross_entropy(head(*x), y, weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            bar.update(1)
            bar.set_postfix(epoch=epoch + 1, loss=f"{loss.item():.3f}")
        score = report(val, predict(head, cache, val))
        history.append(score)
        bar.write(f"epoch {epoch + 1}: held-out train texts {score}")
        if score["all"] > best["all"]:
            best = {**score, "epoch": epoch + 1}
            state = {k: v.clone() for k, v in head.state_dict().items()}
    head.load_state_dict(state)
    return head.eval(), best, history


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--out", type=Path, default=Path("models/stance"))
    ap.add_argument("--work", type=Path, default=Path("runs/stance"), help="ignored build folder")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--val-frac", type=float, default=0.1)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    onnx_dir = args.work / "onnx"
    if not (onnx_dir / "model.onnx").exists():
        export(onnx_dir)
    cache = StateCache(
        build_cache(args.data, onnx_dir / "model.onnx", args.work / "int8_states.npz")
    )
    fit_rows, val = split_by_text(read_vast(args.data, "train"), args.val_frac, args.seed)
    texts = sorted({r.text for r in fit_rows})
    sample = random.Random(args.seed).sample(texts, min(400, len(texts)))
    mean, basis = pca(np.concatenate([cache["x:" + t] for t in sample]), args.dim)
    cache.reduce(mean, basis)
    head, best, history = train(cache, fit_rows, val, args)
    result = {"held_out": best, "history": history}
    for split in ("dev", "test"):
        rows = read_vast(args.data, split)
        result[split] = report(rows, predict(head, cache, rows))
    result |= {"train_s": round(time.time() - t0), "args": vars(args)}
    print(json.dumps(result, default=str))
    args.out.mkdir(parents=True, exist_ok=True)
    export_head(ServedHead(head, mean, basis), args.out / "head.onnx")
    for f in ("model.onnx", "tokenizer.json"):
        shutil.copy(onnx_dir / f, args.out / f)
    meta = {"name": NAME, "version": VERSION}
    (args.out / "meta.json").write_text(json.dumps(meta) + "\n")
    (args.work / "train_metrics.json").write_text(json.dumps(result, default=str, indent=1))


if __name__ == "__main__":
    main()
