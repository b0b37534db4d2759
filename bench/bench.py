"""`make bench` (issue 7): the service's speed and memory on PolNeAR dev articles, side by side
with a peer (textacy's direct_quotations over the same spaCy model) and with the attribution
transformer alone (torch fp32 vs ONNX int8). Prints Markdown tables and ratios; writes JSON.

    .venv/bin/python -m bench.bench [--articles 5] [--runs 3] [--json runs/bench.json]

1. gunicorn with 1 worker, then 2: cold start to ready, per-article latency by size (one request
   at a time, one stance target), throughput (closed loop, 2 requests per worker in flight,
   ~800-word articles), peak RSS per worker.
2. In process, one thread: Pipeline.analyse and textacy (spaCy parse + direct_quotations).
3. The transformer alone (bench/transformer.py, one process per engine).
4. pyinstrument on Pipeline.analyse of an ~800-word article: time per pipeline stage.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("OMP_NUM_THREADS", "1")  # as service/gunicorn_conf.py sets it

from bench.articles import by_size, dev_texts, words
from bench.loadgen import percentile, send
from bench.procs import peak_rss_mb, workers_of
from tests.support.server import start_server, stop_server
from training.corpora.polnear import DEFAULT_DIR

if TYPE_CHECKING:
    from service.pipeline import Pipeline

TARGET = "the government"  # one stance target per request, as in issue 7's latency target
RESULTS = Path("runs/bench")
MODELS = Path(os.environ.get("MODELS_DIR") or "models")  # as the service reads it


def body(text: str) -> bytes:
    return json.dumps({"text": text, "targets": [TARGET]}).encode()


def timed(fn, runs: int) -> list[float]:
    """Seconds per call, `runs` calls after one warm-up call."""
    fn()
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def stats_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {"p50": round(statistics.median(ms), 1), "p95": round(percentile(ms, 95), 1)}


def serve(
    workers: int, sizes: dict[str, list[str]], runs: int, requests_n: int, python: str
) -> dict:
    log = Path(tempfile.mkdtemp(prefix="quotes-bench-")) / "gunicorn.log"
    started = time.monotonic()
    server = start_server(log, workers=workers, python=python)
    cold = time.monotonic() - started
    try:
        def post(text: str) -> float:
            result = send(server.url, "bench", body(text), time.monotonic(), 300)
            if result.status != 200:
                raise RuntimeError(f"status {result.status} {result.error}")
            return result.latency

        latency = {}
        for size, texts in sizes.items():
            seconds = [post(t) for t in texts for _ in range(runs)]
            latency[size] = stats_ms(seconds)
        typical = sizes["800 words"]
        bodies = [typical[i % len(typical)] for i in range(requests_n)]
        with ThreadPoolExecutor(2 * workers) as pool:
            started = time.monotonic()
            list(pool.map(post, bodies))
            throughput = requests_n / (time.monotonic() - started)
        rss = [peak_rss_mb(pid) for pid in sorted(workers_of(server.process.pid))]
    finally:
        stop_server(server)
    return {"cold_start_s": round(cold, 1), "latency_ms": latency,
            "throughput_800w_per_s": round(throughput, 2), "peak_rss_mb_per_worker": rss}


def in_process(pipeline: Pipeline, sizes: dict[str, list[str]], runs: int) -> dict:
    import spacy
    from textacy.extract.triples import direct_quotations

    from service.pipeline.nlp import MODEL

    # textacy reads lemmas, so it gets the same spaCy model with every component on.
    nlp = spacy.load(MODEL)

    def peer(text: str) -> int | None:
        try:
            return len(list(direct_quotations(nlp(text))))
        except ValueError:  # textacy gives up on an odd number of quotation marks
            return None

    out: dict[str, dict] = {}
    for size, texts in sizes.items():
        ours = [s for t in texts for s in timed(lambda t=t: pipeline.analyse(t, targets=[TARGET]),
                                                 runs)]
        theirs = [s for t in texts for s in timed(lambda t=t: peer(t), runs)]
        found = [peer(t) for t in texts]
        out[size] = {
            "quotes_ms": stats_ms(ours), "textacy_ms": stats_ms(theirs),
            "quotes_found": sum(len(pipeline.analyse(t, targets=[TARGET])) for t in texts),
            "textacy_found": sum(n or 0 for n in found),
            "textacy_gave_up": sum(n is None for n in found),
        }
    return out


def transformer(checkpoint: Path, serve_python: str) -> list[dict]:
    engines = [[serve_python, "--engine", "onnx", "--model", str(MODELS / "attribution")]]
    if (checkpoint / "config.json").exists():
        engines.append([sys.executable, "--engine", "torch", "--checkpoint", str(checkpoint)])
    rows = []
    for python, *engine in engines:
        out = subprocess.run([python, "-m", "bench.transformer", *engine],
                             capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    return rows


def profile(pipeline: Pipeline, text: str, runs: int) -> dict[str, float]:
    """Milliseconds per article in each function Pipeline.analyse calls (pyinstrument)."""
    from pyinstrument import Profiler

    from service.pipeline.nlp import parse

    profiler = Profiler(interval=0.001)
    with profiler:
        for _ in range(runs):
            pipeline.analyse(text, targets=[TARGET])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "profile_800w.txt").write_text(profiler.output_text(unicode=True, show_all=False))
    stages: dict[str, float] = {}
    session = profiler.last_session
    analyse = type(pipeline).analyse.__code__  # wherever the pipeline module lives
    stack = [session.root_frame()] if session is not None else []
    while stack:
        frame = stack.pop()
        if frame is None:
            continue
        if frame.function == analyse.co_name and frame.file_path == analyse.co_filename:
            for child in frame.children:
                name = f"{child.function} ({Path(child.file_path or '?').name})"
                stages[name] = stages.get(name, 0) + child.time
        else:
            stack.extend(frame.children)
    ms = {k: round(v / runs * 1000, 1) for k, v in sorted(stages.items(), key=lambda x: -x[1])}
    # pyinstrument sees the calling thread only; spaCy may parse in another (Pipeline._parser).
    ms["spaCy parse alone (nlp.py)"] = stats_ms(timed(lambda: parse(text), runs))["p50"]
    return ms


def report(result: dict) -> str:
    one, two = result["1 worker"], result["2 workers"]
    lines = ["| article size | service p50 / p95 ms (1 worker, HTTP) | in process p50 ms "
             "| textacy p50 ms | quotes / textacy time | quotes found: ours / textacy "
             "(articles textacy gave up on) |",
             "|---|---|---|---|---|---|"]
    for size, local in result["in process"].items():
        http = one["latency_ms"][size]
        ratio = local["quotes_ms"]["p50"] / local["textacy_ms"]["p50"]
        lines.append(f"| {size} ({result['words'][size]} avg) | {http['p50']} / {http['p95']} "
                     f"| {local['quotes_ms']['p50']} | {local['textacy_ms']['p50']} "
                     f"| {ratio:.2f}x | {local['quotes_found']} / {local['textacy_found']} "
                     f"({local['textacy_gave_up']}) |")
    lines += ["", "| workers | cold start to ready s | throughput (~800 words) /s "
              "| peak RSS per worker MiB |", "|---|---|---|---|"]
    for name, run in (("1", one), ("2", two)):
        lines.append(f"| {name} | {run['cold_start_s']} | {run['throughput_800w_per_s']} "
                     f"| {', '.join(map(str, run['peak_rss_mb_per_worker']))} |")
    lines.append(f"\n2 workers / 1 worker throughput: "
                 f"{two['throughput_800w_per_s'] / one['throughput_800w_per_s']:.2f}x")
    lines += ["", "| transformer alone | ms per 1,000 wordpieces | peak RSS MiB |", "|---|---|---|"]
    for row in result["transformer"]:
        ms, rss = row["ms_per_1000_wordpieces"], row["peak_rss_mb"]
        lines.append(f"| {row['engine']} | {ms} | {rss} |")
    if len(result["transformer"]) == 2:
        onnx, torch = result["transformer"]
        lines.append(f"\ntorch fp32 / ONNX int8 time: "
                     f"{torch['ms_per_1000_wordpieces'] / onnx['ms_per_1000_wordpieces']:.2f}x")
    else:
        lines.append("\n(no torch checkpoint with config.json: only ONNX measured)")
    lines += ["", "| stage of Pipeline.analyse (~800 words) | ms per article |", "|---|---|"]
    lines += [f"| {stage} | {ms} |" for stage, ms in result["profile_ms"].items()]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5, help="articles per size class")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per article")
    ap.add_argument("--requests", type=int, default=40, help="requests per throughput run")
    ap.add_argument("--checkpoint", type=Path, default=Path("runs/attribution"))
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--json", type=Path, default=RESULTS / "bench.json")
    # spaCy's thinc imports torch when it is installed (+190 MiB per process); the service and
    # the ONNX engine run as `make serve` installs them, without torch
    ap.add_argument("--serve-python", default=sys.executable,
                    help="python of a serving-only install (make bench passes .venv-serve's)")
    args = ap.parse_args()
    sizes = {k: v[: args.articles] for k, v in by_size(dev_texts(args.data_dir)).items()}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    result: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": f"{os.cpu_count()} CPUs, {os.uname().machine}, {cpu_model()}",
        "load_average_at_start": Path("/proc/loadavg").read_text().split()[:3],
        "words": {k: round(statistics.mean(words(t) for t in v)) for k, v in sizes.items()},
    }

    def step(name: str, value: object) -> None:  # saved as it goes: a late failure keeps the rest
        result[name] = value
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")

    step("1 worker", serve(1, sizes, args.runs, args.requests // 2, args.serve_python))
    step("2 workers", serve(2, sizes, 1, args.requests, args.serve_python))
    step("transformer", transformer(args.checkpoint, args.serve_python))
    from service.pipeline import Pipeline

    pipeline = Pipeline(MODELS, threads=1)
    pipeline.warm_up()
    step("in process", in_process(pipeline, sizes, args.runs))
    step("profile_ms", profile(pipeline, sizes["800 words"][0], 2 * args.runs))
    step("load_average_at_end", Path("/proc/loadavg").read_text().split()[:3])
    print(f"{result['date']}, {result['machine']}\n")
    print(report(result))


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


if __name__ == "__main__":
    main()
