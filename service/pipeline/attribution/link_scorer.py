"""The learned link scorer: which of its candidates a content's cue and a cue's source is."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.attribution.link_candidates import ArticleSpans
from service.pipeline.attribution.link_features import FEATURES, features

KINDS = ("CUE", "SOURCE")


def feature_rows(spans: ArticleSpans, anchor: LabelledSpan,
                 near: list[LabelledSpan]) -> np.ndarray:
    """[len(near), len(FEATURES)]: the features of linking each candidate (nearest first)."""
    at = spans.anchor(anchor)
    return np.array([features(spans.view, at, c, rank) for rank, c in enumerate(near)])


class LinkScorer:
    """Logistic link scores from `linking.json` beside the tagger (weights per FEATURES,
    fitted on PolNeAR train by training/attribution/train_linking.py): a content takes its
    likeliest cue and a cue its likeliest source, when that one's probability reaches the
    kind's threshold. Raises FileNotFoundError without the file, ValueError for one made for
    other features."""

    def __init__(self, path: Path) -> None:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
        if spec.get("features") != list(FEATURES) or any(
                len(spec[k]["weights"]) != len(FEATURES) for k in KINDS):
            raise ValueError(f"{path}: its features are not this version's FEATURES")
        self.weights = {k: np.array(spec[k]["weights"]) for k in KINDS}
        self.thresholds = {k: float(spec[k]["threshold"]) for k in KINDS}

    def best(self, spans: ArticleSpans, anchor: LabelledSpan, kind: str) -> LabelledSpan | None:
        """The `kind` span linked to `anchor`, or None."""
        near = spans.candidates(anchor, kind)
        if not near:
            return None
        probs = 1 / (1 + np.exp(-feature_rows(spans, anchor, near) @ self.weights[kind]))
        top = int(probs.argmax())
        return near[top] if probs[top] >= self.thresholds[kind] else None
