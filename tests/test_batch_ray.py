"""`quotes-batch` end to end on a local Ray started for the job, with the real models: every id
once, the same objects as POST /v1/quotes, bad lines as problems, and a resume that adds
nothing. Slow (Ray start, one actor loading the models): marked `ray`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray.data", reason="needs the batch extra: pip install -e '.[batch]'")
pytestmark = pytest.mark.ray

DOCUMENTS: list[dict[str, Any]] = [
    {"id": "bridge", "text": "Jane Doe, a spokeswoman for the city, said the bridge would "
     "reopen on Monday. \u201cWe are confident,\u201d she said.", "targets": ["the bridge"]},
    {"id": "budget", "text": "\u201cThe budget is balanced,\u201d the finance minister told "
     "reporters on Tuesday.", "title": "Budget"},
    {"id": "quiet", "text": "The river rose by two metres overnight."},
]


def run_batch(source: Path, output: Path) -> tuple[dict, str]:
    command = [sys.executable, "-m", "service.batch.cli", "--input", str(source),
               "--output", str(output), "--actors", "1", "--batch-size", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout), done.stderr


def test_batch_job_on_local_ray_matches_the_api(tmp_path: Path, make_client) -> None:
    from service.config import Config
    from service.pipeline import Pipeline

    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [json.dumps(doc).encode() for doc in DOCUMENTS]
    source.write_bytes(b"\n".join([*lines, b'{"id": "blank", "text": " "}', b"{oops"]) + b"\n")

    summary, progress = run_batch(source, output)
    assert "5/5" in progress.replace("\r", "\n")  # the progress bar's last state
    assert (summary["documents"], summary["errors"], summary["actors"]) == (5, 2, 1)
    records = [json.loads(line) for line in output.read_text().splitlines()]
    by_key = {record["id"] or f"line {record['line']}": record for record in records}
    assert sorted(by_key) == ["blank", "bridge", "budget", "line 5", "quiet"]
    assert len(records) == 5
    assert by_key["blank"]["error"]["status"] == 422
    assert by_key["line 5"]["error"]["status"] == 400

    client = make_client(Pipeline(Config().models_dir, threads=1))
    for document in DOCUMENTS:
        response = client.post("/v1/quotes", json=document)
        assert by_key[document["id"]] == response.get_json()
    assert by_key["bridge"]["quotes"]  # a real answer, not an empty one

    before = output.read_bytes()
    again, _ = run_batch(source, output)
    assert (again["documents"], again["already_done"]) == (0, 5)
    assert output.read_bytes() == before
