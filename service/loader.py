"""Loads the pipeline once per worker in a background thread, so /livez answers at once and
/readyz turns 200 only after the models are loaded and one warm-up inference has run."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger("quotes.loader")


class PipelineLoader:
    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._done = threading.Event()  # set when loading ended, ready or failed
        self._pipeline: Any = None
        self.error: str | None = None
        self.thread = threading.Thread(target=self._load, name="pipeline-loader", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            pipeline = self._build()
            pipeline.warm_up()
        except Exception as exc:  # the worker keeps serving probes and says why it is not ready
            self.error = f"{type(exc).__name__}: {exc}"
            log.exception("pipeline failed to load")
            self._done.set()
            return
        self._pipeline = pipeline
        self._done.set()
        log.info("pipeline ready", extra={
            "load_seconds": round(time.perf_counter() - started, 2), "models": pipeline.models,
        })

    @property
    def ready(self) -> bool:
        return self._pipeline is not None

    @property
    def pipeline(self) -> Any:
        return self._pipeline

    def wait(self, seconds: float) -> Any:
        """The pipeline once ready (waiting at most `seconds`), else None."""
        self._done.wait(seconds)
        return self._pipeline


def build_real_pipeline(models_dir: Any, threads: int) -> Callable[[], Any]:
    def build() -> Any:
        # Imported here: loading onnxruntime/spaCy belongs to the worker's loader thread.
        from service.pipeline import Pipeline

        return Pipeline(models_dir, threads=threads)

    return build
