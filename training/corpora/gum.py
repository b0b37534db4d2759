"""Read GUM coreference (CoNLL, native scheme): tokens, entity-typed mentions, clusters.

Each `conll/GUM_<genre>_<name>.conll` holds one document: `index<TAB>word<TAB>brackets`, where
brackets open `(type-id`, close `type-id)` or mark a one-token mention `(type-id)`; an
identity suffix may follow the id (`(substance-3-Iodine)`). The official split is in
`splits.md` (`## dev`, `## test` lists; the rest is train).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "gum"
# Genres whose texts a commercially usable model may train on (../shared/data/README.md).
COMMERCIAL_GENRES = ("news", "interview", "bio", "academic", "court", "voyage")
NO_SPACE_BEFORE = re.compile(r"^([.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|’s|’)$", re.I)
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“"}


@dataclass(frozen=True)
class GumMention:
    start: int  # token indexes, end exclusive
    end: int
    type: str  # person | organization | abstract | place | ...
    cluster: str


@dataclass
class GumDocument:
    name: str
    genre: str
    words: list[str]
    mentions: list[GumMention]

    @property
    def spaces(self) -> list[bool]:
        """Whether a space follows each word (a plain detokenisation; GUM keeps none)."""
        out = []
        for w, nxt in zip(self.words, [*self.words[1:], ""], strict=True):
            out.append(bool(nxt) and w not in NO_SPACE_AFTER and not NO_SPACE_BEFORE.match(nxt))
        return out


def parse_brackets(i: int, column: str, open_at: dict[str, list[int]]) -> list[GumMention]:
    """The mentions that end at token i; opens are pushed on `open_at` (key: type-id)."""
    done, k = [], 0
    while k < len(column):
        if column[k] in "_|":
            k += 1
            continue
        opening = column[k] == "("
        j = k + opening
        while j < len(column) and column[j] not in "()":
            j += 1
        etype, cluster = column[k + opening : j].split("-")[:2]
        key = f"{etype}-{cluster}"
        closing = j < len(column) and column[j] == ")"
        if opening:
            open_at.setdefault(key, []).append(i)
        if closing and open_at.get(key):
            done.append(GumMention(open_at[key].pop(), i + 1, etype, cluster))
        k = j + closing
    return done


def read_document(path: Path) -> GumDocument:
    words: list[str] = []
    mentions: list[GumMention] = []
    open_at: dict[str, list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3:
            continue
        mentions += parse_brackets(len(words), parts[2], open_at)
        words.append(parts[1])
    genre = path.stem.split("_")[1]
    return GumDocument(path.stem, genre, words, sorted(mentions, key=lambda m: (m.start, -m.end)))


def split_names(gum_dir: Path) -> dict[str, set[str]]:
    """{"dev": {...}, "test": {...}} document names from splits.md."""
    out: dict[str, set[str]] = {}
    part = None
    for line in (gum_dir / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            part = line[3:].strip()
        elif part and line.strip().startswith("* "):
            out.setdefault(part, set()).add(line.strip()[2:].strip())
    return out


def read_split(gum_dir: Path, split: str, genres: tuple[str, ...]) -> list[GumDocument]:
    """Documents of `split` (train | dev | test) in the given genres."""
    named = split_names(gum_dir)
    held_out = set().union(*(v for k, v in named.items() if k != "train"))
    docs = []
    for path in sorted((gum_dir / "conll").glob("GUM_*.conll")):
        genre = path.stem.split("_")[1]
        inside = path.stem in named.get(split, set()) if split != "train" else (
            path.stem not in held_out
        )
        if genre in genres and inside:
            docs.append(read_document(path))
    return docs
