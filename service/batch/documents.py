"""Input records -> the objects POST /v1/quotes answers, or a per-document problem.

An input is JSONL (one JSON document a line) or Parquet/CSV with the columns id, text, title,
targets (CSV: targets as a JSON array). Every record becomes raw JSON bytes, then goes through
the API's own parsing, limits and schema (service.api.quotes), so a document is accepted or
refused here exactly as the API would.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from service.api.quotes import analyse_document, load_document, parse_json
from service.api.render import render
from service.errors import ApiError, Kind, invalid, problem_body

log = logging.getLogger("quotes.batch")

FORMATS = ("jsonl", "parquet", "csv")
COLUMNS = ("id", "text", "title", "targets")
# A record's key: ("id", its id) when it has a string id, else ("line", its line/row number).
Key = tuple[str, str | int]


def input_format(path: Path) -> str:
    """'jsonl' | 'parquet' | 'csv' from the suffix (.json and .ndjson count as JSONL).

    Raises ValueError for any other suffix."""
    suffix = path.suffix.lower().lstrip(".")
    fmt = {"json": "jsonl", "ndjson": "jsonl", "pq": "parquet"}.get(suffix, suffix)
    if fmt not in FORMATS:
        raise ValueError(f"{path}: unknown input format; use .jsonl, .parquet or .csv")
    return fmt


def _table_rows(path: Path, fmt: str) -> Iterator[dict[str, Any]]:
    import pyarrow.csv as pv
    import pyarrow.parquet as pq

    if fmt == "parquet":
        batches = pq.ParquetFile(path).iter_batches(batch_size=1024)
    else:  # every column as text: "007" stays an id, not the number 7
        import pyarrow as pa

        types = {name: pa.string() for name in COLUMNS}
        options = pv.ConvertOptions(column_types=types, strings_can_be_null=True)
        batches = pv.open_csv(path, convert_options=options)
    for batch in batches:
        yield from batch.to_pylist()


def _table_json(row: dict[str, Any], fmt: str) -> bytes:
    """A table row as the JSON body the API would get: empty cells left out."""
    payload = {name: value for name, value in row.items() if value is not None}
    targets = payload.get("targets")
    if fmt == "csv" and isinstance(targets, str):
        # Not JSON: left a string, which the schema refuses as "Not a valid list."
        with contextlib.suppress(ValueError):
            payload["targets"] = json.loads(targets)
    return json.dumps(payload, default=str).encode("utf-8")


def _id_of(payload: Any) -> str | None:
    doc_id = payload.get("id") if isinstance(payload, dict) else None
    return doc_id if isinstance(doc_id, str) else None


def _key_of(line: int, raw: bytes) -> Key:
    try:
        doc_id = _id_of(parse_json(raw))  # parsed as below, so both find the same id
    except ApiError:
        doc_id = None
    return ("line", line) if doc_id is None else ("id", doc_id)


def read_records(path: Path, done: frozenset[Key] = frozenset()) -> Iterator[dict[str, Any]]:
    """Yield {"line": n, "raw": JSON bytes} for each record of `path` whose key is not in `done`.

    `line` counts from 1: lines of a JSONL file (blank lines are no records but are counted),
    rows of a table. A JSONL line's bytes are passed on as they are, invalid UTF-8 included."""
    fmt = input_format(path)
    if fmt == "jsonl":
        with path.open("rb") as lines:
            numbered = ((n, raw.rstrip(b"\r\n")) for n, raw in enumerate(lines, start=1))
            records = ((n, raw) for n, raw in numbered if raw.strip())
            for line, raw in records:
                if _key_of(line, raw) not in done:
                    yield {"line": line, "raw": raw}
        return
    for line, row in enumerate(_table_rows(path, fmt), start=1):
        raw = _table_json(row, fmt)
        if _key_of(line, raw) not in done:
            yield {"line": line, "raw": raw}


def _require_id(document: dict[str, Any]) -> None:
    """Batch jobs key results (and resume) on the id, which the API leaves optional."""
    if "id" not in document:
        message = "Missing data for required field (batch jobs key results on it)."
        raise invalid({"id": [message]})


def analyse_record(pipeline: Any, line: int, raw: bytes) -> dict[str, Any]:
    """One record -> the POST /v1/quotes response object, or on a document the API refuses
    {"id": id or None, "line": n, "error": problem}. Never raises for bad input."""
    doc_id = None
    try:
        payload = parse_json(raw)
        doc_id = _id_of(payload)
        document = load_document(payload)
        _require_id(document)
        return render(analyse_document(pipeline, document))
    except ApiError as error:
        problem = problem_body(error)
    except Exception as exc:  # a pipeline bug on one document must not end the whole job
        log.exception("document at line %d failed", line)
        failed = ApiError(Kind.INTERNAL, f"The pipeline failed: {type(exc).__name__}: {exc}")
        problem = problem_body(failed)
    return {"id": doc_id, "line": line, "error": problem}


def key_of_output(record: dict[str, Any]) -> Key:
    """The key of a record as written; equal to the key of the input record it answers."""
    doc_id = record.get("id")
    return ("line", record["line"]) if doc_id is None else ("id", doc_id)
