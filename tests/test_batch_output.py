"""quotes-batch outputs: resume keys, no key written twice, a line cut by a kill dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from service.batch.output import JsonlOutput, ParquetOutput, open_output

RESULT = {"id": "a", "model": {"name": "m", "version": "1"}, "quotes": [], "speakers": []}
ERROR = {"id": None, "line": 2, "error": {"type": "about:blank", "title": "Bad Request",
                                          "status": 400, "detail": "not JSON"}}


def test_jsonl_resume_skips_written_keys_and_drops_a_cut_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    first = open_output(path)
    assert isinstance(first, JsonlOutput)
    assert first.write([(1, RESULT), (2, ERROR), (3, RESULT)]) == [(1, RESULT), (2, ERROR)]
    with path.open("ab") as out:  # a kill in the middle of a write
        out.write(b'{"id": "b", "mod')
    again = open_output(path)
    assert again.keys == {("id", "a"), ("line", 2)}
    b = dict(RESULT, id="b")
    assert again.write([(5, b), (1, RESULT)]) == [(5, b)]
    lines = path.read_text().splitlines()
    assert [json.loads(line) for line in lines] == [RESULT, ERROR, b]


def test_parquet_parts_hold_results_and_errors_and_resume(tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    output = ParquetOutput(path, part_rows=2)
    output.write([(1, RESULT), (2, ERROR), (3, dict(RESULT, id="c"))])
    output.close()
    table = pq.read_table(path).sort_by("line").to_pylist()
    assert [(r["id"], r["line"]) for r in table] == [("a", 1), (None, 2), ("c", 3)]
    assert json.loads(table[0]["result"]) == RESULT and table[0]["error"] is None
    assert json.loads(table[1]["error"]) == ERROR["error"] and table[1]["result"] is None
    assert ParquetOutput(path).keys == {("id", "a"), ("line", 2), ("id", "c")}


def test_unknown_output_format() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        open_output(Path("out.csv"))
