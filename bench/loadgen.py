"""An open-loop load generator: requests leave at a constant arrival rate whatever the answers'
latency (a slow server does not slow the arrivals, so queueing shows up in the latencies), and
every request is accounted for: answered (status, problem+json or not) or lost (no answer).
Only 127.0.0.1 is targeted by the bench scripts that use it."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import requests

PROBLEM = "application/problem+json"


@dataclass
class Result:
    kind: str  # the article class
    due: float  # time.monotonic() at which the request was scheduled to leave
    latency: float  # seconds from `due` to the full answer (client-side waiting included)
    status: int | None  # None: no HTTP answer (connection refused or reset, timeout)
    error: str | None = None
    problem: bool = False  # answered with application/problem+json

    @property
    def done(self) -> float:
        return self.due + self.latency


def send(url: str, kind: str, body: bytes, due: float, timeout: float) -> Result:
    try:
        response = requests.post(f"{url}/v1/quotes", data=body, timeout=timeout,
                                 headers={"Content-Type": "application/json"})
    except requests.RequestException as exc:
        # "refused": the connection was never taken; anything else lost an accepted request.
        reason = "refused" if "refused" in str(exc).lower() else type(exc).__name__
        return Result(kind, due, time.monotonic() - due, None, reason)
    problem = response.headers.get("Content-Type", "").startswith(PROBLEM)
    return Result(kind, due, time.monotonic() - due, response.status_code, None, problem)


class Mix:
    """A deterministic request mix: `schedule` lists article classes in the order they are
    sent, repeated; `bodies` holds the JSON bodies of each class, used in turn."""

    def __init__(self, schedule: Sequence[str], texts: Mapping[str, Sequence[str]]) -> None:
        self.schedule = list(schedule)
        self.bodies = {k: [json.dumps({"text": t}).encode() for t in v] for k, v in texts.items()}
        self._used: Counter[str] = Counter()

    def next(self, i: int) -> tuple[str, bytes]:
        kind = self.schedule[i % len(self.schedule)]
        bodies = self.bodies[kind]
        body = bodies[self._used[kind] % len(bodies)]
        self._used[kind] += 1
        return kind, body


def open_loop(
    url: str,
    mix: Mix,
    rate: float,
    seconds: float,
    timeout: float = 600.0,
) -> list[Result]:
    """Send int(rate * seconds) requests at `rate` per second, then wait for every answer."""
    futures: list[Future[Result]] = []
    with ThreadPoolExecutor(max_workers=1024) as pool:
        start = time.monotonic()
        for i in range(int(rate * seconds)):
            due = start + i / rate
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            kind, body = mix.next(i)
            futures.append(pool.submit(send, url, kind, body, due, timeout))
    return [future.result() for future in futures]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def latency_ms(results: Sequence[Result]) -> dict[str, float]:
    ms = [r.latency * 1000 for r in results]
    return {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95),
            "p99": percentile(ms, 99), "max": max(ms, default=float("nan"))}


def summary(results: Sequence[Result]) -> dict:
    """Counts by outcome, latency of the 2xx answers overall and per class, throughput."""
    ok = [r for r in results if r.status is not None and 200 <= r.status < 300]
    refused = [r for r in results if r.status in (429, 503)]
    other = [r for r in results if r.status is not None and r not in ok and r not in refused]
    lost = [r for r in results if r.status is None]
    first = min((r.due for r in results), default=0.0)
    span = max(r.done for r in results) - first if results else 0.0
    sending = max(r.due for r in results) - first if results else 0.0
    return {
        "sent": len(results),
        "ok": len(ok),
        "refused_429_503": len(refused),
        "refused_as_problem_json": sum(r.problem for r in refused),
        "other_status": dict(Counter(r.status for r in other)),
        "lost": len(lost),
        "lost_errors": dict(Counter(r.error for r in lost)),
        "latency_ms": latency_ms(ok),
        "latency_ms_by_class": {k: latency_ms([r for r in ok if r.kind == k])
                                for k in sorted({r.kind for r in results})},
        "throughput_per_s": len(ok) / span if span else 0.0,
        "arrival_rate_per_s": (len(results) - 1) / sending if sending else 0.0,
    }


def table(rows: dict[str, dict]) -> str:
    """Markdown: one row per phase."""
    lines = ["| phase | sent | 2xx | 429/503 (problem+json) | other | lost | p50 ms | p95 ms "
             "| p99 ms | throughput/s |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in rows.items():
        lat = s["latency_ms"]
        lines.append(
            f"| {name} | {s['sent']} | {s['ok']} | {s['refused_429_503']} "
            f"({s['refused_as_problem_json']}) | {s['other_status'] or 0} | {s['lost']} "
            f"| {lat['p50']:.0f} | {lat['p95']:.0f} | {lat['p99']:.0f} "
            f"| {s['throughput_per_s']:.2f} |"
        )
    return "\n".join(lines)
