"""Cache the frozen encoder's token states of every VAST topic and text (git-ignored runs/)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from tqdm import tqdm

from service.pipeline.stance import QUOTE_WINDOW, TARGET_WINDOW, TokenEncoder
from training.vast import DEFAULT_DIR, read_vast

SPLITS = ("train", "dev", "test")


class StateCache:
    """Token states (float16) of distinct strings, looked up by string."""

    def __init__(self, path: Path) -> None:
        z = np.load(path, allow_pickle=True)
        self.states = z["states"]
        self.index = {s: (a, b) for s, a, b in zip(z["keys"], z["starts"], z["ends"], strict=True)}

    def reduce(self, mean: np.ndarray, basis: np.ndarray) -> None:
        """Replace every state by its projection (x - mean) @ basis, done once for training."""
        self.states = np.concatenate(
            [(c.astype(np.float32) - mean) @ basis for c in np.array_split(self.states, 64)]
        )

    def __getitem__(self, key: str) -> np.ndarray:
        a, b = self.index[key]
        return self.states[a:b]


def _encode(enc: TokenEncoder, items: list[str], window: int, desc: str) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for i in tqdm(range(0, len(items), 128), desc=desc, unit="chunk"):
        # training reads each text's first window (99.7% of VAST texts fit in one)
        out += [w[0] for w in enc.encode(items[i : i + 128], window, all_windows=False)]
    return out


def build_cache(data_dir: Path, onnx_path: Path, out: Path, threads: int = 1) -> Path:
    """One .npz holding the states of all topics (target window) and texts (quote window)."""
    if out.exists():
        return out
    enc = TokenEncoder(onnx_path, onnx_path.parent / "tokenizer.json", threads)
    rows = [r for s in SPLITS for r in read_vast(data_dir, s)]
    topics = sorted({r.topic for r in rows})
    texts = sorted({r.text for r in rows})
    states = _encode(enc, topics, TARGET_WINDOW, "topics") + _encode(
        enc, texts, QUOTE_WINDOW, "texts"
    )
    ends = np.cumsum([len(s) for s in states])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        out,
        keys=np.array([f"t:{t}" for t in topics] + [f"x:{x}" for x in texts], dtype=object),
        starts=ends - [len(s) for s in states],
        ends=ends,
        states=np.concatenate(states).astype(np.float16),
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--onnx", type=Path, default=Path("runs/stance/onnx/model.onnx"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    print(build_cache(args.data, args.onnx, args.out, args.threads))


if __name__ == "__main__":
    main()
