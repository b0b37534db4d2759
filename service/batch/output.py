"""Where results go: JSONL (one object a line) or Parquet (a directory of part files).

Both know the keys already written (resume) and never write a key twice. Results are written
by the driver alone, as they stream in, so a killed job loses at most its last unsaved
results, which the next run redoes."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from service.batch.documents import Key, key_of_output

# (line of the input record, output record)
Row = tuple[int, dict[str, Any]]


class Output:
    """Base: filters rows whose key is already written; subclasses store them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: set[Key] = self._read_keys()

    def write(self, rows: list[Row]) -> list[Row]:
        """Store the rows whose key is new -> those rows (the others were already written)."""
        fresh = []
        for line, record in rows:
            key = key_of_output(record)
            if key not in self.keys:
                self.keys.add(key)
                fresh.append((line, record))
        if fresh:
            self._store(fresh)
        return fresh

    def close(self) -> None:
        """Make everything written durable."""

    def _read_keys(self) -> set[Key]:
        raise NotImplementedError

    def _store(self, rows: list[Row]) -> None:
        raise NotImplementedError


class JsonlOutput(Output):
    """Appends and fsyncs per write; a last line cut short by a kill is dropped on resume."""

    def _read_keys(self) -> set[Key]:
        keys: set[Key] = set()
        if not self.path.exists():
            return keys
        with self.path.open("r+b") as existing:
            kept = 0
            for raw in existing:
                if not raw.endswith(b"\n"):
                    break
                keys.add(key_of_output(json.loads(raw)))
                kept += len(raw)
            existing.truncate(kept)
        return keys

    def _store(self, rows: list[Row]) -> None:
        with self.path.open("ab") as out:
            out.write(b"".join(json.dumps(record).encode() + b"\n" for _, record in rows))
            out.flush()
            os.fsync(out.fileno())


class ParquetOutput(Output):
    """Columns id, line, result, error (the last two JSON text, one of them null); rows are
    buffered into part files of `part_rows`, each written under a temporary name and renamed."""

    def __init__(self, path: Path, part_rows: int = 500) -> None:
        super().__init__(path)
        self.part_rows = part_rows
        self.pending: list[Row] = []
        self.run = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        self.parts = 0

    def _read_keys(self) -> set[Key]:
        import pyarrow.parquet as pq

        keys: set[Key] = set()
        for part in sorted(self.path.glob("part-*.parquet")):
            for row in pq.read_table(part, columns=["id", "line"]).to_pylist():
                keys.add(key_of_output(row))
        return keys

    def _store(self, rows: list[Row]) -> None:
        self.pending.extend(rows)
        if len(self.pending) >= self.part_rows:
            self._flush()

    def close(self) -> None:
        if self.pending:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns: dict[str, list[Any]] = {"id": [], "line": [], "result": [], "error": []}
        for line, record in self.pending:
            error = record.get("error")  # a response object has no "error"
            columns["id"].append(record["id"])
            columns["line"].append(line)
            columns["result"].append(None if error else json.dumps(record))
            columns["error"].append(json.dumps(error) if error else None)
        schema = pa.schema([("id", pa.string()), ("line", pa.int64()),
                            ("result", pa.string()), ("error", pa.string())])
        self.path.mkdir(parents=True, exist_ok=True)
        final = self.path / f"part-{self.run}-{self.parts:05d}.parquet"
        temporary = final.with_suffix(".tmp")
        pq.write_table(pa.table(columns, schema=schema), temporary)
        os.replace(temporary, final)
        self.parts += 1
        self.pending = []


def open_output(path: Path) -> Output:
    """JsonlOutput for .jsonl/.json/.ndjson, ParquetOutput for .parquet (a directory).

    Raises ValueError for any other suffix."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return JsonlOutput(path)
    if suffix == ".parquet":
        return ParquetOutput(path)
    raise ValueError(f"{path}: unknown output format; use .jsonl or .parquet")
