"""Reader for the news-stance sets annotated here (training/gold/STANCE_NEWS_README.md): each
item is a PolNeAR Content span (character offsets into its article), a target and a label.
The article text is read in place from PolNeAR; the gold files hold offsets only."""

from __future__ import annotations

import json
from pathlib import Path

from service.pipeline.stance.model import STANCE_LABELS
from training.corpora.vast import VastRow


def articles_of(gold: str | Path) -> set[str]:
    """The article names a gold JSON's items come from."""
    return {it["article"] for it in json.loads(Path(gold).read_text(encoding="utf-8"))["items"]}


def read_news_stance(gold: str | Path, polnear: str | Path, split: str) -> list[VastRow]:
    """One row per item of the gold JSON ({"items": [{"article", "start", "end", "target",
    "stance", ...}]}), its text the span of polnear/<split>/text/<article>.txt. seen is False.

    Items flagged ambiguous are read like the others (their label is the annotator's choice).
    Raises FileNotFoundError for an article missing from the split, ValueError for an item
    whose offsets fall outside its article or whose label is not one of STANCE_LABELS."""
    items = json.loads(Path(gold).read_text(encoding="utf-8"))["items"]
    texts: dict[str, str] = {}
    rows = []
    for it in items:
        name = it["article"]
        if name not in texts:
            texts[name] = (Path(polnear) / split / "text" / f"{name}.txt").read_text(
                encoding="utf-8"
            )
        text = texts[name]
        if not 0 <= it["start"] < it["end"] <= len(text):
            raise ValueError(f"item {it['start']}-{it['end']} is outside article {name}")
        if it["stance"] not in STANCE_LABELS:
            raise ValueError(f"item {it['start']}-{it['end']} of {name}: label {it['stance']!r}")
        rows.append(VastRow(text[it["start"] : it["end"]], it["target"], it["stance"], False))
    return rows
