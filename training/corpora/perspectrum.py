"""Reader for PERSPECTRUM (Chen et al., NAACL 2019) as stance rows: the claim is the target,
the perspective the text. Neutral rows are made the way VAST made its synthetic neutrals: a
perspective paired with another claim."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from training.corpora.vast import VastRow

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "perspectrum"


def read_perspectrum(
    data_dir: str | Path, split: str, neutral_share: float = 0.25, seed: int = 13
) -> list[VastRow]:
    """Rows of one split ("train", "dev" or "test"): every (claim, perspective, support /
    oppose) pair, plus round(neutral_share * pairs) neutral rows, each a perspective paired with
    a claim drawn (seeded) from another claim id. seen is False: claims are open topics."""
    with (Path(data_dir) / "perspectrum.csv").open(newline="", encoding="utf-8") as f:
        pairs = [r for r in csv.DictReader(f) if r["split"] == split]
    rows = [VastRow(r["perspective"].strip(), r["claim"], r["label"], False) for r in pairs]
    claims = sorted({(r["claim_id"], r["claim"]) for r in pairs})
    rng = random.Random(seed)
    for r in rng.sample(pairs, round(neutral_share * len(pairs))):
        others = [claim for claim_id, claim in claims if claim_id != r["claim_id"]]
        if others:
            rows.append(VastRow(r["perspective"].strip(), rng.choice(others), "neutral", False))
    return rows
