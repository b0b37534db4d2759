"""A live gunicorn server with the real pipeline on a free port (tests and bench)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVER_START_SECONDS = 180  # two workers loading the models on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    log_path: Path
    process: subprocess.Popen

    def log_lines(self) -> list[str]:
        return self.log_path.read_text(encoding="utf-8").splitlines()


def start_server(
    log_path: Path, workers: int = 2, python: str = sys.executable, **env: str
) -> LiveServer:
    port = free_port()
    environment = os.environ | {"PORT": str(port), "WORKERS": str(workers)} | env
    environment.pop("PROMETHEUS_MULTIPROC_DIR", None)  # the gunicorn config makes its own
    log_file = log_path.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [python, "-m", "gunicorn", "-c", "service/gunicorn_conf.py", "service.wsgi:app"],
        cwd=REPO_ROOT, env=environment, stdout=log_file, stderr=subprocess.STDOUT,
    )
    server = LiveServer(f"http://127.0.0.1:{port}", log_path, process)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log_path.read_text()[-4000:]}")
        try:
            # Every worker must be ready; readiness is per worker, so ask several times.
            answers = [requests.get(f"{server.url}/readyz", timeout=5) for _ in range(4 * workers)]
        except (requests.ConnectionError, requests.Timeout):  # not up yet, or busy loading
            answers = []
        if answers and all(answer.ok for answer in answers):
            return server
        failed = [a.json()["detail"] for a in answers if "failed" in a.json().get("detail", "")]
        if failed:
            stop_server(server)
            raise RuntimeError(f"the pipeline did not load: {failed[0]}")
        time.sleep(0.5)
    stop_server(server)
    raise RuntimeError(f"gunicorn not ready in {SERVER_START_SECONDS}s:\n"
                       f"{log_path.read_text()[-4000:]}")


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
