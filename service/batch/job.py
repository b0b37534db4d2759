"""The Ray Data plan of a batch job, and the driver loop that writes and reports progress.

The driver reads the records not yet done (so only it needs the input file) -> blocks of
`batch_size` records in Ray's object store -> an actor pool in which each actor loads the
Pipeline once and analyses blocks -> the driver, which writes results as they stream in.
Retries and recovery after a lost node are Ray's own (actor restarts, task retries, lineage
reconstruction of lost blocks); nothing here re-schedules work.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from service.batch.documents import analyse_record, read_records
from service.batch.output import Output, open_output

# As in the image and gunicorn_conf: numpy's BLAS on one thread, ONNX threads set per actor.
THREAD_ENV = {name: "1" for name in (
    "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"
)} | {"TOKENIZERS_PARALLELISM": "false"}


@dataclass
class Settings:
    input: Path
    output: Path
    models_dir: Path
    address: str | None = None  # None: RAY_ADDRESS, else a local Ray started for the job
    actors: int | None = None  # None: the cluster's CPUs // threads
    threads: int = 1  # ONNX Runtime intra-op threads per actor, also its CPU reservation
    batch_size: int = 8  # documents per actor call


class Analyser:
    """The actor's callable class: the Pipeline loaded and warmed up once per actor."""

    def __init__(self, models_dir: str, threads: int) -> None:
        from service.pipeline import Pipeline  # spaCy and ONNX Runtime: in the actor only

        self.pipeline = Pipeline(models_dir, threads=threads)
        self.pipeline.warm_up()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        records = [
            json.dumps(analyse_record(self.pipeline, int(line), bytes(raw)))
            for line, raw in zip(batch["line"], batch["raw"], strict=True)
        ]
        return {"line": batch["line"], "record": np.array(records, dtype=object)}


def plan(settings: Settings, records: list[dict[str, Any]], actors: int) -> Any:
    """The lazy Ray Dataset of {"line", "record" (JSON text)} rows for `records`."""
    import ray.data

    # One block per actor call: a single block would go to a single actor. The blocks are made
    # here rather than by a repartition step, whose tasks would wait for CPUs the actors hold.
    blocks = max(1, math.ceil(len(records) / settings.batch_size))
    return ray.data.from_items(records, override_num_blocks=blocks).map_batches(
        Analyser,
        fn_constructor_kwargs={"models_dir": str(settings.models_dir), "threads": settings.threads},
        batch_size=settings.batch_size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=settings.threads,
    )


@dataclass
class Summary:
    input: str
    output: str
    actors: int
    threads: int
    already_done: int
    documents: int = 0  # analysed in this run
    errors: int = 0  # of which per-document problems
    skipped_as_written: int = 0  # duplicate ids in the input, or a block Ray delivered twice
    seconds: float = 0.0  # from submitting the plan to the last result
    first_result_seconds: float = 0.0  # actor start, model load and the first batch
    documents_per_second: float = 0.0


def run(settings: Settings) -> Summary:
    """Analyse every record of settings.input not yet in settings.output; returns the figures.
    Nothing left to do: returns at once, without starting Ray.

    Raises ValueError for an unknown input or output format; Ray's errors if the job fails."""
    import ray
    from ray.data import DataContext

    output = open_output(settings.output)
    records = list(read_records(settings.input, frozenset(output.keys)))
    summary = Summary(str(settings.input), str(settings.output), 0, settings.threads,
                      len(output.keys))
    if not records:
        return summary
    address = settings.address or os.environ.get("RAY_ADDRESS") or "local"
    ray.init(address=address, runtime_env={"env_vars": THREAD_ENV},
             include_dashboard=False, logging_level=logging.WARNING)
    try:
        DataContext.get_current().enable_progress_bars = False  # ours counts documents
        cpus = int(ray.cluster_resources().get("CPU", 1))
        summary.actors = settings.actors or max(1, cpus // settings.threads)
        _write_results(plan(settings, records, summary.actors), output, len(records), summary)
    finally:
        output.close()
        ray.shutdown()
    return summary


def _write_results(dataset: Any, output: Output, total: int, summary: Summary) -> None:
    """Stream the results into `output`, with a progress bar on stderr."""
    from tqdm import tqdm

    started = time.perf_counter()
    interval = 2 if sys.stderr.isatty() else 15  # a log file gets a line every 15 s
    with tqdm(total=total, unit="doc", file=sys.stderr, mininterval=interval,
              desc="quotes-batch") as bar:
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            rows = [(int(line), json.loads(text)) for line, text in
                    zip(batch["line"], batch["record"], strict=True)]
            if not summary.documents:
                summary.first_result_seconds = round(time.perf_counter() - started, 2)
            written = output.write(rows)
            summary.documents += len(written)
            summary.skipped_as_written += len(rows) - len(written)
            summary.errors += sum("error" in record for _, record in written)
            bar.update(len(rows))
    summary.seconds = round(time.perf_counter() - started, 2)
    summary.documents_per_second = round(summary.documents / max(summary.seconds, 1e-9), 3)


def summary_json(summary: Summary) -> str:
    return json.dumps(asdict(summary))
