"""Read PolNeAR (brat standoff): article text, Source/Cue/Content spans and their relations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SPAN_TYPES = ("Source", "Cue", "Content")
DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "polnear"


@dataclass
class SpanAnnotation:
    type: str  # Source | Cue | Content
    fragments: list[tuple[int, int]]  # character offsets, end exclusive


@dataclass
class Relation:
    content: list[str]  # mention ids (Content, Content2)
    cue: str | None
    source: str | None


@dataclass
class Article:
    name: str
    text: str
    mentions: dict[str, SpanAnnotation] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


def _fragments(offsets: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split()) for part in offsets.split(";")]  # type: ignore[misc]


def read_article(text_path: Path, ann_path: Path) -> Article:
    """Parse one article and its (first) annotation file."""
    article = Article(text_path.stem, text_path.read_text(encoding="utf-8"))
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:  # continuation of a span text that contains a newline
            continue
        if line.startswith("T"):
            kind, offsets = parts[1].split(" ", 1)
            if kind in SPAN_TYPES:
                article.mentions[parts[0]] = SpanAnnotation(kind, _fragments(offsets))
        elif line.startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, ref = arg.split(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            content = [m for m in roles.get("Content", []) if m in article.mentions]
            if content:
                article.relations.append(
                    Relation(content, roles.get("Cue", [None])[0], roles.get("Source", [None])[0])
                )
    return article


def read_split(data_dir: Path, split: str) -> list[Article]:
    """Read every article of a split; a text with several annotators uses the first file."""
    folder = Path(data_dir) / split
    anns = sorted((folder / "attributions").glob("*.ann"))
    first: dict[str, Path] = {}
    for ann in anns:
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [read_article(folder / "text" / f"{s}.txt", ann) for s, ann in sorted(first.items())]
