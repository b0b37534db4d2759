"""Gunicorn settings: `gunicorn -c service/gunicorn_conf.py service.wsgi:app`.

Sync workers, each loading the models once (in a background thread started by create_app, so
the worker answers /livez at once); WORKERS requests run in parallel, each worker's ONNX
Runtime on INFERENCE_THREADS intra-op threads (service/config.py says why 2).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gunicorn.arbiter import Arbiter
    from gunicorn.workers.base import Worker

# Before anything imports numpy: its BLAS (spaCy's matrix products) on one thread per worker.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# prometheus_client picks its multiprocess value class when first imported, so the directory
# must be in the environment before any worker (or this master) imports it.
_OWN_METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR" not in os.environ
METRICS_DIR = Path(
    os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    or Path(tempfile.gettempdir()) / f"quotes-metrics-{os.getpid()}"
)
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(METRICS_DIR)

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
# sync, answering the already-queued connections on SIGTERM instead of dropping them
worker_class = "service.workers.DrainingSyncWorker"
threads = 1
# Above the worst case for the largest allowed request (100,000 characters, alone or as a batch):
# 10 s by scripts/worst_case.py and 19-27 s for the fuzzing catalogue's worst inputs (see README),
# with room for a slow, busy machine.
timeout = int(os.environ.get("TIMEOUT", "180"))
graceful_timeout = 30
accesslog = None  # the app logs one JSON line per request, with its request id
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Headers are small; bound them (gunicorn answers 400 beyond these).
limit_request_line = 8190
limit_request_fields = 100


def on_starting(server: Arbiter) -> None:
    # Stale files from an earlier run would be summed into this run's metrics.
    shutil.rmtree(METRICS_DIR, ignore_errors=True)
    METRICS_DIR.mkdir(parents=True)
    # Imported only now, with PROMETHEUS_MULTIPROC_DIR set and existing.
    from service.observability import JsonFormatter

    for handler in server.log.error_log.handlers:
        handler.setFormatter(JsonFormatter())


def child_exit(server: Arbiter, worker: Worker) -> None:
    # A dead worker's live gauges must not be reported any more; its counters are kept.
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid, str(METRICS_DIR))


def on_exit(server: Arbiter) -> None:
    if _OWN_METRICS_DIR:
        shutil.rmtree(METRICS_DIR, ignore_errors=True)
