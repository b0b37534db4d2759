"""Benchmark articles from PolNeAR dev (read in place, never copied): size classes by word count
and a maximal text (dev articles joined up to the API's character limit)."""

from __future__ import annotations

from pathlib import Path

from service.config import MAX_TEXT_CHARS
from training.corpora.polnear import DEFAULT_DIR, read_split

# name -> (min words, max words); ~200, ~800 and ~3,000 words as issue 7 asks.
SIZES = {"200 words": (150, 260), "800 words": (700, 900), "3000 words": (2500, 4000)}


def dev_texts(data_dir: Path = DEFAULT_DIR) -> list[str]:
    return [article.text for article in read_split(data_dir, "dev")]


def by_size(texts: list[str]) -> dict[str, list[str]]:
    """Texts per size class, each class sorted by closeness to its middle."""
    classes = {}
    for name, (low, high) in SIZES.items():
        middle = (low + high) / 2
        chosen = [t for t in texts if low <= len(t.split()) <= high]
        if not chosen:
            raise SystemExit(f"no dev article of {low}-{high} words")
        classes[name] = sorted(chosen, key=lambda t: abs(len(t.split()) - middle))
    return classes


def maximal(texts: list[str], limit: int = MAX_TEXT_CHARS) -> str:
    """Dev articles joined by blank lines, cut at the last whitespace within `limit`."""
    joined = "\n\n".join(t.strip() for t in texts)
    while len(joined) < limit:  # not enough dev text: repeat it
        joined += "\n\n" + joined
    cut = joined[:limit]
    return cut[: cut.rstrip().rfind(" ")].rstrip()


def words(text: str) -> int:
    return len(text.split())
