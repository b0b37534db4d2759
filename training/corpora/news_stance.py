"""Reader for the news-stance sets annotated here (training/gold/STANCE_NEWS_README.md): each
item is a PolNeAR Content span (character offsets into its article), a target and a label.
The article text is read in place from PolNeAR; the gold files hold offsets only."""

from __future__ import annotations

import json
from pathlib import Path

from training.corpora.vast import VastRow


def read_news_stance(gold: str | Path, polnear: str | Path, split: str) -> list[VastRow]:
    """One row per item of the gold JSON ({"items": [{"article", "start", "end", "target",
    "stance", ...}]}), its text the span of polnear/<split>/text/<article>.txt. seen is False.

    Raises FileNotFoundError for an article missing from the split, ValueError for an item
    whose offsets fall outside its article."""
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
        rows.append(VastRow(text[it["start"] : it["end"]], it["target"], it["stance"], False))
    return rows
