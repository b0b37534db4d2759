"""`make batch-demo`: quotes-batch on a real 2-node Ray cluster on this machine (issue 16).

1. Input: every PolNeAR train+dev article (read in place; title from metadata.tsv), topped up
   to --documents with articles sent again without their title (another request: stance
   targets then come from entities), plus 4 lines the API refuses.
2. A head and a second node (`ray start`), 1 CPU each. Benchmark: documents/s with 1 and
   2 actors (1 ONNX thread each) over the first --bench-documents documents.
3. The whole input with 2 actors; the second node's raylet is SIGKILLed once --kill-at of it
   is written. Then: every input key exactly once in the output; a second run adds nothing.
4. A sample of the results against POST /v1/quotes (Flask test client, same texts).
Figures go to stdout and runs/batch-demo/demo.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.ray_cluster import Cluster
from service.batch.documents import key_of_output
from training.corpora.polnear import DEFAULT_DIR


def articles(data: Path) -> list[dict[str, Any]]:
    """Every train+dev text once, id "split/name", with its title."""
    titles = {}
    for row in (data / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        fields = row.split("\t")
        titles[fields[1]] = fields[7]
    return [
        {"id": f"{split}/{path.stem}", "text": path.read_text(encoding="utf-8"),
         "title": titles[path.stem]}
        for split in ("train", "dev") for path in sorted((data / split / "text").glob("*.txt"))
    ]


def write_input(path: Path, documents: list[dict[str, Any]]) -> set[tuple[str, Any]]:
    """The JSONL input, 4 refused lines at the end -> the key of every record."""
    lines = [json.dumps(doc).encode() for doc in documents]
    bad = [json.dumps({"id": "bad/blank", "text": " \n "}).encode(), b'{"id": "bad/cut", "te',
           b'{"id": "bad/latin-1", "text": "caf\xe9"}',
           json.dumps({"id": "bad/too-long", "text": "a" * 100_001}).encode()]
    path.write_bytes(b"\n".join(lines + bad) + b"\n")
    n = len(lines)
    return ({("id", doc["id"]) for doc in documents}
            | {("id", "bad/blank"), ("line", n + 2), ("line", n + 3), ("id", "bad/too-long")})


def quotes_batch(cluster: Cluster, source: Path, output: Path, actors: int,
                 log: Path) -> subprocess.Popen:
    command = [str(Path(sys.executable).with_name("quotes-batch")), "--input", str(source),
               "--output", str(output), "--address", cluster.address, "--actors", str(actors)]
    with log.open("w") as err:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True,
                                env=cluster.env)


def finish(process: subprocess.Popen) -> dict[str, Any]:
    stdout, _ = process.communicate(timeout=3 * 3600)
    if process.returncode:
        raise RuntimeError(f"quotes-batch exited {process.returncode}; see its log")
    return json.loads(stdout.strip().splitlines()[-1])  # Ray may print its notes before


def lines_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def benchmark(cluster: Cluster, source: Path, out: Path, actors: int) -> dict[str, Any]:
    summary = finish(quotes_batch(cluster, source, out / f"bench-{actors}.jsonl", actors,
                                  out / f"bench-{actors}.log"))
    load = os.getloadavg()[0]
    return {"actors": actors, "documents": summary["documents"], "seconds": summary["seconds"],
            "first_result_seconds": summary["first_result_seconds"],
            "documents_per_second": summary["documents_per_second"],
            "load_average_1m_after": round(load, 2)}


def killed_run(cluster: Cluster, source: Path, out: Path, total: int,
               kill_at: float) -> dict[str, Any]:
    """The whole input with 2 actors, the second node's raylet killed part-way."""
    output = out / "quotes.jsonl"
    job = quotes_batch(cluster, source, output, 2, out / "job.log")
    while job.poll() is None and lines_in(output) < kill_at * total:
        time.sleep(1)
    written = lines_in(output)
    killed = cluster.kill_raylet(1) if job.poll() is None else None
    print(f"killed raylet {killed} of node 2 with {written}/{total} written", flush=True)
    summary = finish(job)
    return {"killed_raylet_pid": killed, "written_at_kill": written, "summary": summary}


def check_output(output: Path, expected: set[tuple[str, Any]]) -> dict[str, Any]:
    records = [json.loads(line) for line in output.open("rb")]
    counts = Counter(map(key_of_output, records))
    return {"records": len(records), "expected_keys": len(expected),
            "every_key_exactly_once": set(counts) == expected and set(counts.values()) == {1},
            "errors": sum("error" in record for record in records)}


def compare_with_api(output: Path, documents: list[dict[str, Any]], sample: int) -> dict:
    """POST a sample of the documents to the app in-process; answers equal the job's?"""
    from service import create_app
    from service.config import Config
    from service.pipeline import Pipeline

    records = {r["id"]: r for r in map(json.loads, output.open("rb")) if "error" not in r}
    chosen = random.Random(16).sample([d for d in documents if d["id"] in records], sample)
    config = Config(inference_threads=1)
    app = create_app(config, pipeline=Pipeline(config.models_dir, threads=1))
    app.extensions["quotes_loader"].thread.join(timeout=120)
    client = app.test_client()
    same = [client.post("/v1/quotes", json=doc).get_json() == records[doc["id"]]
            for doc in chosen]
    return {"sampled": len(chosen), "equal": sum(same),
            "quotes_in_sample": sum(len(records[d["id"]]["quotes"]) for d in chosen)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--bench-documents", type=int, default=60)
    parser.add_argument("--kill-at", type=float, default=0.5)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--out", type=Path, default=Path("runs/batch-demo"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in [*args.out.glob("*.jsonl"), *args.out.glob("*.log")]:
        old.unlink()
    corpus = articles(args.data)
    extra = [{"id": d["id"] + "#untitled", "text": d["text"]} for d in corpus]
    documents = (corpus + extra)[: args.documents]
    expected = write_input(args.out / "polnear.jsonl", documents)
    write_input(args.out / "bench.jsonl", documents[: args.bench_documents])
    figures: dict[str, Any] = {"articles_in_corpus": len(corpus), "documents": len(documents),
                               "input_records": len(expected), "cpus": os.cpu_count()}
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="qrd-", dir="/tmp")))
    try:
        cluster.start_head()
        cluster.add_node()
        figures["benchmark"] = [benchmark(cluster, args.out / "bench.jsonl", args.out, n)
                                for n in (1, 2) if args.bench_documents]
        print(json.dumps(figures["benchmark"]), flush=True)
        figures["run"] = killed_run(cluster, args.out / "polnear.jsonl", args.out,
                                    len(expected), args.kill_at)
    finally:
        cluster.stop()
    figures["output"] = check_output(args.out / "quotes.jsonl", expected)
    figures["resume"] = finish(quotes_batch(cluster, args.out / "polnear.jsonl",
                                            args.out / "quotes.jsonl", 1, args.out / "resume.log"))
    figures["api_comparison"] = compare_with_api(args.out / "quotes.jsonl", documents, args.sample)
    (args.out / "demo.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    ok = (figures["output"]["every_key_exactly_once"] and figures["resume"]["documents"] == 0
          and figures["api_comparison"]["equal"] == figures["api_comparison"]["sampled"])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
