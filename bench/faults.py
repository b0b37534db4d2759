"""Fault runs (issue 7) against gunicorn with 2 workers and the real models, under a constant
arrival rate of short and typical PolNeAR dev articles:

1. kill -9 a worker running a request, mid-load: the master respawns it, /readyz recovers;
   errors during the fault are counted (the request the killed worker was running is lost;
   the new worker's requests wait for its models, they are not refused).
2. SIGTERM to the master with long requests in flight: they are all answered (graceful
   shutdown); requests arriving later are refused at connect, none accepted and then dropped.

    .venv/bin/python -m bench.faults [--rate 2] [--seconds 60] [--json runs/faults.json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bench.articles import by_size, dev_texts
from bench.loadgen import Mix, Result, open_loop, send, summary
from bench.procs import workers_of
from tests.support.server import LiveServer, start_server
from training.corpora.polnear import DEFAULT_DIR

READY_STREAK = 10  # consecutive /readyz 200s (both workers answer some) that mean recovered


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def busy_worker(pids: set[int], window: float = 0.2) -> int:
    """A worker that ran most of the last `window` seconds (one with a request running):
    kill -9 must hit a request in flight to show what the fault costs."""
    while True:
        first = {pid: cpu_ticks(pid) for pid in pids}
        time.sleep(window)
        used = {pid: cpu_ticks(pid) - first[pid] for pid in pids}
        pid = max(used, key=used.__getitem__)
        if used[pid] >= 0.6 * window * os.sysconf("SC_CLK_TCK"):
            return pid


def kill_and_watch(server: LiveServer, after: float, events: dict[str, float]) -> None:
    """After `after` seconds: kill -9 a busy worker, then time the respawn and the /readyz
    recovery."""
    time.sleep(after)
    master = server.process.pid
    before = workers_of(master)
    victim = busy_worker(before)
    os.kill(victim, signal.SIGKILL)
    events["kill"] = time.monotonic()
    while not (workers_of(master) - before):
        time.sleep(0.05)
    events["respawned"] = time.monotonic()
    streak = 0
    while streak < READY_STREAK:
        try:
            ok = requests.get(f"{server.url}/readyz", timeout=10).status_code == 200
        except requests.RequestException:
            ok = False
        streak = streak + 1 if ok else 0
        time.sleep(0.1)
    events["ready"] = time.monotonic()


def kill_run(server: LiveServer, mix: Mix, rate: float, seconds: float) -> dict:
    events: dict[str, float] = {}
    watcher = threading.Thread(target=kill_and_watch, args=(server, seconds / 4, events))
    watcher.start()
    results = open_loop(server.url, mix, rate, seconds)
    watcher.join()
    window = [r for r in results if events["kill"] <= r.due <= events["ready"]]
    failed = [r for r in results if r.status is None or r.status >= 500]
    return {
        "respawn_s": round(events["respawned"] - events["kill"], 2),
        "readyz_recovered_s": round(events["ready"] - events["kill"], 2),
        "errors_total": len(failed),
        "errors": [f"{r.status or r.error}" for r in failed],
        "requests_during_fault": len(window),
        "whole_run": summary(results),
    }


def sigterm_run(server: LiveServer, mix: Mix, long_texts: list[str], rate: float) -> dict:
    """Steady stream; two long requests in flight; SIGTERM; the stream goes on 5 s more."""
    bodies = [json.dumps({"text": t}).encode() for t in long_texts[:2]]
    stream: list[Result] = []
    sent_at: dict[str, float] = {}

    def stream_for(seconds: float) -> None:
        stream.extend(open_loop(server.url, mix, rate, seconds))

    streamer = threading.Thread(target=stream_for, args=(10.0,))
    streamer.start()
    time.sleep(4.0)
    with ThreadPoolExecutor(len(bodies)) as pool:
        now = time.monotonic()
        futures = [pool.submit(send, server.url, "long", b, now, 300.0) for b in bodies]
        time.sleep(0.3)  # both taken by a worker and running
        sent_at["sigterm"] = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        in_flight = [f.result() for f in futures]
    code = server.process.wait(timeout=120)
    exited = time.monotonic() - sent_at["sigterm"]
    streamer.join()
    after = [r for r in stream if r.done >= sent_at["sigterm"]]
    return {
        "in_flight_at_sigterm": len(in_flight),
        "in_flight_answered_200": sum(r.status == 200 for r in in_flight),
        "in_flight_latency_s": [round(r.latency, 2) for r in in_flight],
        "master_exit_code": code,
        "master_exit_s": round(exited, 2),
        "stream_after_sigterm": {
            "answered_2xx": sum(r.status is not None and r.status < 300 for r in after),
            "refused_at_connect": sum(r.error == "refused" for r in after),
            "dropped_after_accept": sum(r.status is None and r.error != "refused" for r in after),
            "other_status": sum(r.status is not None and r.status >= 300 for r in after),
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=2.0)
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the kill -9 run")
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    sizes = by_size(dev_texts(args.data_dir))
    mix = Mix(["short", "typical", "short"],
              {"short": sizes["200 words"], "typical": sizes["800 words"]})
    log = Path(tempfile.mkdtemp(prefix="quotes-faults-")) / "gunicorn.log"
    server = start_server(log, workers=2)
    print(f"gunicorn, 2 workers, at {server.url} (log {log})")
    try:
        report = {"kill -9 a worker": kill_run(server, mix, args.rate, args.seconds)}
        report["SIGTERM the master"] = sigterm_run(server, mix, sizes["3000 words"], args.rate)
    finally:
        if server.process.poll() is None:
            server.process.kill()
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
