"""gunicorn settings from the environment, and the hooks that own the metrics directory."""

from __future__ import annotations

import logging
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

from service.config import REPO_ROOT
from service.observability import JsonFormatter

CONF = str(REPO_ROOT / "service" / "gunicorn_conf.py")
TOUCHED = ("PORT", "WORKERS", "PROMETHEUS_MULTIPROC_DIR", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
           "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "TOKENIZERS_PARALLELISM")


def load(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict:
    # The config writes to os.environ; setting every name first makes monkeypatch restore it.
    for name in TOUCHED:
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(CONF)


def arbiter() -> SimpleNamespace:
    return SimpleNamespace(log=SimpleNamespace(error_log=logging.getLogger("test.gunicorn")))


def test_defaults_and_overrides(monkeypatch) -> None:
    settings = load(monkeypatch)
    assert settings["bind"] == "0.0.0.0:8000" and settings["workers"] == 2
    assert settings["worker_class"] == "service.workers.DrainingSyncWorker"
    assert settings["threads"] == 1
    assert settings["timeout"] >= 120 and settings["graceful_timeout"] == 30
    settings = load(monkeypatch, PORT="9123", WORKERS="4")
    assert settings["bind"] == "0.0.0.0:9123" and settings["workers"] == 4


def test_own_metrics_dir_is_made_clean_and_removed(monkeypatch) -> None:
    settings = load(monkeypatch)
    directory: Path = settings["METRICS_DIR"]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "counter_99999.db").write_bytes(b"stale")
    server = arbiter()
    server.log.error_log.addHandler(logging.NullHandler())
    settings["on_starting"](server)
    assert directory.is_dir() and not any(directory.iterdir())
    assert isinstance(server.log.error_log.handlers[0].formatter, JsonFormatter)
    settings["child_exit"](server, SimpleNamespace(pid=99999))
    settings["on_exit"](server)
    assert not directory.exists()


def test_given_metrics_dir_is_cleaned_but_kept(monkeypatch, tmp_path) -> None:
    given = tmp_path / "metrics"
    given.mkdir()
    (given / "histogram_1.db").write_bytes(b"stale")
    settings = load(monkeypatch, PROMETHEUS_MULTIPROC_DIR=str(given))
    settings["on_starting"](arbiter())
    assert not any(given.iterdir())
    settings["on_exit"](arbiter())
    assert given.is_dir()
