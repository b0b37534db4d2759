"""Score speakers, types and roles on the PolNeAR dev speaker gold and the failure cases.

The dev gold (training/gold/speakers_dev/*.json: PolNeAR dev article ids, content and source
offsets, canonical speaker, type and role per relation with a source; no article text; a
held-out set may draw from the train split and says so in each file's `split`) was annotated
here by ../shared/eval/speakers-guideline.md. Rules as for the seeds: a gold quote is found
when a predicted quote overlaps it; speaker right when the names are equal ignoring case;
role right when its token F1 against the gold role is at least 0.5; type right when equal.
The cases (../shared/eval/cases/*.json) pass when every expected quote is found with its
speaker, type and role, and no `not_quotes` span comes back.

    python -m training.speakers.evaluate_speakers --models models            # dev gold + cases
    python -m training.speakers.evaluate_speakers --models models --show dev # per-quote table
    python -m training.speakers.evaluate_speakers --gold training/gold/speakers_heldout \
        --gold training/gold/speakers_heldout2 --cases ../shared/eval/cases \
        --cases training/gold/case_variants                  # several sets, one model load
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from training.corpora.polnear import DEFAULT_DIR as POLNEAR_DIR
from training.speakers.evaluate_seeds import (
    DEFAULT_EVAL_DIR,
    Row,
    pipeline_analyser,
    score,
    table,
    token_f1,
    totals,
)

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold" / "speakers_dev"
Analyse = Callable[[str, str], dict[str, Any]]


def load_dev_gold(gold_dir: Path, polnear: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The gold documents (each quote given its `text` from the article) and the texts; a
    document's optional `split` names its PolNeAR split (dev when absent)."""
    docs, texts = [], {}
    for path in sorted(gold_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        path = polnear / doc.get("split", "dev") / "text" / f"{doc['id']}.txt"
        text = path.read_text(encoding="utf-8")
        for q in doc["quotes"]:
            q["text"] = text[q["start"] : q["end"]]
        docs.append(doc)
        texts[doc["id"]] = text
    return docs, texts


def dev_rows(analyse: Analyse, gold_dir: Path, polnear: Path) -> list[Row]:
    docs, texts = load_dev_gold(gold_dir, polnear)
    return score(docs, {d: analyse(d, t) for d, t in texts.items()})


def locate(text: str, quoted: str) -> tuple[int, int]:
    """The character span of an expected quote's words in the case's text (-1, -1 if absent)."""
    at = text.find(quoted)
    return (at, at + len(quoted)) if at >= 0 else (-1, -1)


def case_problems(case: dict[str, Any], response: dict[str, Any]) -> list[str]:
    """What is wrong in one case's response: missed quotes, wrong speaker/type/role, a
    `not_quotes` span returned."""
    text, expected = case["text"], case["expected"]
    gold = []
    for q in expected["quotes"]:
        start, end = locate(text, q["text"])
        gold.append(q | {"start": start, "end": end, "role": q["role"]})
    problems = []
    rows = score([{"id": "case", "quotes": gold}], {"case": response})
    for row in rows:
        g, p = row.gold, row.pred
        if p is None:
            problems.append(f"not found: {g['text'][:50]!r}")
            continue
        spk = p["speaker"]
        if (spk["name"] or "").lower() != g["speaker"].lower():
            problems.append(f"speaker {spk['name']!r} != {g['speaker']!r}")
        if spk["type"] != g["speaker_type"]:
            problems.append(f"speaker type {spk['type']!r} != {g['speaker_type']!r}")
        if not role_ok(spk["role"], g["role"]):
            problems.append(f"role {spk['role']!r} != {g['role']!r}")
        if p["type"] != g["type"]:
            problems.append(f"type {p['type']!r} != {g['type']!r} ({g['text'][:30]!r})")
    for bad in expected.get("not_quotes", []):
        start, end = locate(text, bad if isinstance(bad, str) else bad["text"])
        if any(is_non_quote(q, start, end, gold) for q in response["quotes"]):
            problems.append(f"returned a non-quote: {text[start:end][:50]!r}")
    return problems


def is_non_quote(q: dict[str, Any], start: int, end: int, gold: list[dict[str, Any]]) -> bool:
    """Whether returned quote `q` is the non-quote [start, end): mostly made of it (not one
    that merely contains it); where the non-quote holds an expected quote ("X, said Y on the
    line." around the quote "X"), taking most of the rest too; where an expected quote holds
    it ("t need ..." cut at a stray mark in 'the bridge "doesn‘t need ..."'), no more the
    expected quote than the non-quote."""
    quoted = set(range(q["start"], q["end"]))
    bad = set(range(start, end))
    if 2 * len(quoted & bad) <= len(quoted):
        return False
    beyond = bad - {i for g in gold for i in range(g["start"], g["end"])}
    if beyond == bad:
        return True
    if beyond:
        return 2 * len(quoted & beyond) > len(beyond)
    return all(len(quoted & set(range(g["start"], g["end"]))) <= len(quoted & bad)
               for g in gold)


def role_ok(pred: str | None, gold: str | list[str] | None) -> bool:
    """Null gold wants null; several golds take any of them (token F1 >= 0.5)."""
    if gold is None:
        return pred is None
    # a list, or "A / B" in one string, names several acceptable roles
    golds = gold if isinstance(gold, list) else gold.split(" / ")
    return any(token_f1(pred or "", g) >= 0.5 for g in golds)


def case_results(analyse: Analyse, cases_dir: Path) -> dict[str, list[str]]:
    out = {}
    for path in sorted(cases_dir.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = case_problems(case, analyse(path.stem, case["text"]))
    return out


def summary(rows: list[Row]) -> str:
    c = totals(rows)
    found = c["found"] or 1
    typed = sum(r.pred is not None and r.pred["speaker"]["type"] == r.gold["speaker_type"]
                for r in rows)
    roles = sum(r.pred is not None and role_ok(r.pred["speaker"]["role"], r.gold["role"])
                for r in rows)  # null gold wants null
    return (
        f"found {c['found']}/{c['quotes']} ({c['found'] / c['quotes']:.1%}); of the found: "
        f"speaker {c['speaker']}/{c['found']} ({c['speaker'] / found:.1%}), "
        f"role {c['role']}/{c['with_role']} where the gold states one, "
        f"{roles}/{c['found']} ({roles / found:.1%}) with null = null, "
        f"type {c['type']}/{c['found']} ({c['type'] / found:.1%}); "
        f"speaker type {typed}/{c['found']} ({typed / found:.1%})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", type=Path, default=Path("models"))
    ap.add_argument("--gold", type=Path, action="append",
                    help=f"a speaker gold folder; repeatable (default {GOLD_DIR})")
    ap.add_argument("--polnear", type=Path, default=POLNEAR_DIR)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--cases", type=Path, action="append",
                    help="a folder of case files; repeatable (default <eval-dir>/cases)")
    ap.add_argument("--show", choices=["dev", "cases"], action="append", default=[])
    args = ap.parse_args(argv)
    analyse = pipeline_analyser(args.models)
    for gold in args.gold or [GOLD_DIR]:
        rows = dev_rows(analyse, gold, args.polnear)
        if "dev" in args.show:
            print(table(rows))
        articles = len({r.doc for r in rows})
        print(f"PolNeAR dev speaker gold {gold.name} ({articles} articles): {summary(rows)}")
    for cases in args.cases or [args.eval_dir / "cases"]:
        results = case_results(analyse, cases)
        for name, problems in results.items():
            if "cases" in args.show or problems:
                print(f"  case {name}: {'ok' if not problems else '; '.join(problems)}")
        passed = sum(not p for p in results.values())
        print(f"cases passed whole ({cases}): {passed}/{len(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
