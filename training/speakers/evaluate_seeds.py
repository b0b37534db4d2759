"""Score quotes, speakers, roles and types on the seed articles against seeds.gold.json.

Issue 4's rules: a gold quote is found when a predicted quote's content overlaps it (each
prediction used once, largest overlap first); its speaker is right when the canonical
names are equal ignoring case; its role is right when the token F1 against the gold role
is at least 0.5 (scored only where the gold has a role); its type is right when equal.

    python -m training.speakers.evaluate_seeds --url http://127.0.0.1:8000  # the running service
    python -m training.speakers.evaluate_seeds --models models  # the pipeline in-process
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_EVAL_DIR = Path("../shared/eval")
# Done-when of issue 4: found, speaker, role (of the gold quotes with a role), type.
THRESHOLDS = {"found": 18, "speaker": 18, "role": 16, "type": 17}
ROLE_F1 = 0.5


@dataclass
class Row:
    doc: str
    gold: dict[str, Any]
    pred: dict[str, Any] | None

    @property
    def found(self) -> bool:
        return self.pred is not None

    @property
    def speaker_name(self) -> str | None:
        return self.pred["speaker"]["name"] if self.pred else None

    @property
    def role(self) -> str | None:
        return self.pred["speaker"]["role"] if self.pred else None

    @property
    def speaker_ok(self) -> bool:
        return (self.speaker_name or "").lower() == self.gold["speaker"].lower()

    @property
    def role_ok(self) -> bool | None:
        if self.gold["role"] is None:
            return None
        return token_f1(self.role or "", self.gold["role"]) >= ROLE_F1

    @property
    def type_ok(self) -> bool:
        return self.pred is not None and self.pred["type"] == self.gold["type"]


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(pred: str, gold: str) -> float:
    p, g = tokens(pred), tokens(gold)
    common = sum(min(p.count(w), g.count(w)) for w in set(p))
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """For each gold quote, the overlapping prediction (one-to-one, largest overlap first)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    out: list[dict[str, Any] | None] = [None] * len(gold)
    used: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if out[gi] is None and pi not in used:
            out[gi] = pred[pi]
            used.add(pi)
    return out


def score(gold_docs: list[dict[str, Any]], responses: dict[str, dict[str, Any]]) -> list[Row]:
    rows = []
    for doc in gold_docs:
        matched = match(doc["quotes"], responses[doc["id"]]["quotes"])
        rows += [Row(doc["id"], g, p) for g, p in zip(doc["quotes"], matched, strict=True)]
    return rows


def totals(rows: list[Row]) -> dict[str, int]:
    return {
        "quotes": len(rows),
        "found": sum(r.found for r in rows),
        "speaker": sum(r.speaker_ok for r in rows),
        "role": sum(bool(r.role_ok) for r in rows),
        "with_role": sum(r.role_ok is not None for r in rows),
        "type": sum(r.type_ok for r in rows),
    }


def failures(counts: dict[str, int]) -> list[str]:
    return [f"{k} {counts[k]} < {v}" for k, v in THRESHOLDS.items() if counts[k] < v]


def table(rows: list[Row]) -> str:
    def mark(ok: bool | None) -> str:
        return "-" if ok is None else ("ok" if ok else "XX")

    lines = [f"{'doc':4} {'gold quote':32} {'fnd':3} {'spk':3} {'rol':3} {'typ':3}  predicted"]
    for r in rows:
        pred = f"{r.speaker_name!r} / {r.role!r} / {r.pred['type']}" if r.pred else "(not found)"
        lines.append(
            f"{r.doc:4} {r.gold['text'][:32]:32} {mark(r.found):3} {mark(r.speaker_ok):3} "
            f"{mark(r.role_ok):3} {mark(r.type_ok):3}  {pred}"
        )
        if not (r.speaker_ok and r.role_ok is not False and r.type_ok):
            lines.append(f"{'':42}gold: {r.gold['speaker']!r} / {r.gold['role']!r} / "
                         f"{r.gold['type']}")
    c = totals(rows)
    lines.append(
        f"found {c['found']}/{c['quotes']}  speaker {c['speaker']}/{c['quotes']}  "
        f"role {c['role']}/{c['with_role']}  type {c['type']}/{c['quotes']}"
    )
    return "\n".join(lines)


def load_gold(eval_dir: Path) -> list[dict[str, Any]]:
    return json.loads((eval_dir / "seeds.gold.json").read_text(encoding="utf-8"))


def run(eval_dir: Path, analyse: Callable[[str, str], dict[str, Any]]) -> list[Row]:
    gold = load_gold(eval_dir)
    texts = {d["id"]: (eval_dir / d["file"]).read_text(encoding="utf-8") for d in gold}
    return score(gold, {doc_id: analyse(doc_id, text) for doc_id, text in texts.items()})


def service_analyser(url: str, api_key: str | None = None) -> Callable[[str, str], dict]:
    import requests

    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}

    def analyse(doc_id: str, text: str) -> dict[str, Any]:
        resp = requests.post(f"{url.rstrip('/')}/v1/quotes", json={"id": doc_id, "text": text},
                             headers=headers, timeout=120)
        resp.raise_for_status()
        return resp.json()

    return analyse


def pipeline_analyser(models_dir: Path) -> Callable[[str, str], dict]:
    from service.api.render import render_document
    from service.pipeline import Pipeline

    pipeline = Pipeline(models_dir)

    def analyse(doc_id: str, text: str) -> dict[str, Any]:
        return render_document(doc_id, text, pipeline.analyse(text), pipeline.models[0])

    return analyse


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument("--url", help="base URL of a running service")
    source.add_argument("--models", type=Path, help="models folder for the in-process pipeline")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--api-key", help="bearer key, when the service requires one")
    args = ap.parse_args(argv)
    analyse = (service_analyser(args.url, args.api_key) if args.url
               else pipeline_analyser(args.models))
    rows = run(args.eval_dir, analyse)
    print(table(rows))
    missed = failures(totals(rows))
    print("below issue 4's thresholds: " + "; ".join(missed) if missed else "thresholds met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
