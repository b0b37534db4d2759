"""Settings from the environment, with defaults, plus the request limits of the API contract."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# Contract limits (issue 2). Fixed, not configurable: clients and openapi.yaml rely on them.
MAX_TEXT_CHARS = 100_000
MAX_TITLE_CHARS = 1_000
MAX_ID_CHARS = 200
MAX_TARGETS = 8
MAX_TARGET_CHARS = 200
MAX_BATCH_DOCUMENTS = 32
# A batch is bounded in total like one text, so its worst case is the worst single text's,
# which the gunicorn timeout is sized for.
MAX_BATCH_CHARS = MAX_TEXT_CHARS
# Room for MAX_BATCH_CHARS of text even when every character is a JSON-escaped surrogate pair
# (12 bytes); anything larger is refused before it is parsed.
MAX_BODY_BYTES = 4 * 1024 * 1024


def _env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def _env_keys(name: str) -> tuple[str, ...]:
    return tuple(key.strip() for key in os.environ.get(name, "").split(",") if key.strip())


@dataclass(frozen=True)
class Config:
    models_dir: Path = REPO_ROOT / "models"
    # ONNX Runtime intra-op threads per worker. 2 on 2 cores: one request at a time ran 22%
    # faster (800 words p50 301 -> 235 ms), 2 busy workers 5% slower (5.26 -> 4.97 /s), by
    # `python -m bench.bench --articles 3 --runs 2 --requests 30` with INFERENCE_THREADS=1, 2.
    inference_threads: int = 2
    # Seconds a quote request waits for this worker's models before answering 503.
    ready_wait_seconds: int = 60
    api_keys: tuple[str, ...] = field(default=(), repr=False)  # never printed
    log_level: str = "INFO"
    openapi_path: Path = REPO_ROOT / "openapi.yaml"

    @classmethod
    def from_env(cls) -> Config:
        return cls(
            models_dir=Path(os.environ.get("MODELS_DIR") or REPO_ROOT / "models"),
            inference_threads=_env_int("INFERENCE_THREADS", 2, minimum=1),
            ready_wait_seconds=_env_int("READY_WAIT_SECONDS", 60),
            api_keys=_env_keys("QUOTES_API_KEYS"),
            log_level=os.environ.get("LOG_LEVEL", "INFO").upper(),
        )


def limits() -> dict[str, int]:
    """The limits as published by /v1/info and the README."""
    return {
        "max_text_chars": MAX_TEXT_CHARS,
        "max_title_chars": MAX_TITLE_CHARS,
        "max_id_chars": MAX_ID_CHARS,
        "max_targets": MAX_TARGETS,
        "max_target_chars": MAX_TARGET_CHARS,
        "max_batch_documents": MAX_BATCH_DOCUMENTS,
        "max_batch_chars": MAX_BATCH_CHARS,
        "max_body_bytes": MAX_BODY_BYTES,
    }
