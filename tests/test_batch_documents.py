"""quotes-batch without Ray: each record is accepted or refused exactly as POST /v1/quotes
would, answered with the same object or problem; reading JSONL/CSV/Parquet; resume keys."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service import config
from service.batch.documents import analyse_record, read_records
from service.pipeline.types import Attribution, CharSpan, Quote, Speaker, Stance
from tests.support.doubles import ScriptedPipeline

TEXT = "\u201cWe will reopen the bridge,\u201d said Jane Doe, the mayor."


def scripted() -> ScriptedPipeline:
    content = CharSpan.of(TEXT, 1, TEXT.index(",\u201d") + 1)
    source = CharSpan.of(TEXT, TEXT.index("Jane"), TEXT.index(", the"))
    cue = CharSpan.of(TEXT, TEXT.index("said"), TEXT.index(" Jane"))
    quote = Quote(
        Attribution([content], cue, source, 0.9),
        "direct",
        Speaker("Jane Doe", "person", source, "mayor"),
        [Stance("the bridge", "request", "support", 0.8)],
    )
    return ScriptedPipeline(quotes=[quote])


BODIES: dict[str, str | bytes] = {
    "good": json.dumps({"id": "a1", "text": TEXT, "title": "Bridge", "targets": ["the bridge"]}),
    "blank text": json.dumps({"id": "a2", "text": "  \n "}),
    "not JSON": '{"id": "a3", "text": ',
    "invalid UTF-8": b'{"id": "a4", "text": "caf\xe9"}',
    "lone surrogate": '{"id": "a5", "text": "\\ud800 said Jane."}',
    "text over the limit": json.dumps({"id": "a6", "text": "x" * (config.MAX_TEXT_CHARS + 1)}),
    "too many targets": json.dumps(
        {"id": "a7", "text": TEXT, "targets": ["t"] * (config.MAX_TARGETS + 1)}
    ),
    "unknown field": json.dumps({"id": "a8", "text": TEXT, "author": "Jane"}),
    "not an object": "[1, 2]",
}


@pytest.mark.parametrize("case", sorted(BODIES))
def test_record_is_answered_as_the_api_answers_it(make_client, case: str) -> None:
    body = BODIES[case]
    raw = body if isinstance(body, bytes) else body.encode()
    pipeline = scripted()
    client = make_client(pipeline)
    response = client.post("/v1/quotes", data=raw, content_type="application/json")
    record = analyse_record(pipeline, 7, raw)
    if response.status_code == 200:
        assert record == response.get_json()
        assert record["quotes"] and record["id"] == "a1"
        return
    problem = response.get_json()
    del problem["request_id"]
    assert record["error"] == problem
    assert record["line"] == 7
    assert record["id"] == (None if case in ("not JSON", "invalid UTF-8", "not an object")
                            else json.loads(raw)["id"])


def test_document_without_id_is_refused_only_by_the_batch_job() -> None:
    record = analyse_record(scripted(), 3, json.dumps({"text": TEXT}).encode())
    assert record["id"] is None and record["error"]["status"] == 422
    assert set(record["error"]["errors"]) == {"id"}


def test_a_failing_pipeline_is_one_documents_error() -> None:
    class Broken(ScriptedPipeline):
        def analyse(self, text, title=None, targets=None):
            raise RuntimeError("tokenizer exploded")

    record = analyse_record(Broken(), 1, json.dumps({"id": "x", "text": TEXT}).encode())
    assert record["id"] == "x"
    assert record["error"]["status"] == 500 and "tokenizer exploded" in record["error"]["detail"]


def test_jsonl_records_are_numbered_by_line_and_done_keys_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x"}\n\n  \nnot json\n{"id": "b", "text": "y"}')
    records = list(read_records(path))
    assert [r["line"] for r in records] == [1, 4, 5]
    assert records[1]["raw"] == b"not json"
    left = read_records(path, frozenset({("id", "a"), ("line", 4)}))
    assert [r["line"] for r in left] == [5]


def test_csv_keeps_ids_as_text_and_reads_targets_as_json(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,text,title,targets\n007,"Hi, she said.",,"[""tax""]"\n008,Yo.,T,\n')
    rows = [json.loads(r["raw"]) for r in read_records(path)]
    assert rows == [
        {"id": "007", "text": "Hi, she said.", "targets": ["tax"]},
        {"id": "008", "text": "Yo.", "title": "T"},
    ]


def test_parquet_rows_become_api_bodies(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    table = pa.table({"id": ["p1", "p2"], "text": ["One.", "Two."], "targets": [["a"], None]})
    pq.write_table(table, path)
    rows = [(r["line"], json.loads(r["raw"])) for r in read_records(path)]
    assert rows == [(1, {"id": "p1", "text": "One.", "targets": ["a"]}),
                    (2, {"id": "p2", "text": "Two."})]


def test_without_ray_the_command_says_how_to_install_it(tmp_path: Path, monkeypatch,
                                                       capsys) -> None:
    # the serving install (and the image) has quotes-batch but not Ray
    from service.batch import cli

    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "x"}\n')
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name: None)
    assert cli.main(["--input", str(source), "--output", str(tmp_path / "out.jsonl")]) == 2
    assert "pip install 'quotes[batch]'" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()
