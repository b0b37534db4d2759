"""Probes and descriptions: /livez, /readyz, /v1/info, /metrics, /openapi.yaml."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import Blueprint, Response, current_app

from service import config, observability
from service.errors import not_ready
from service.schemas import InfoSchema, StatusSchema

bp = Blueprint("health", __name__)
STATUS = StatusSchema()
INFO = InfoSchema()


def service_version() -> str:
    try:
        return version("quotes")
    except PackageNotFoundError:  # running from a checkout that was never pip-installed
        return "unknown"


@bp.get("/livez")
def livez() -> dict[str, str]:
    return STATUS.dump({"status": "alive"})


@bp.get("/readyz")
def readyz() -> dict[str, str]:
    loader = current_app.extensions["quotes_loader"]
    if loader.ready:
        return STATUS.dump({"status": "ready"})
    if loader.error:
        raise not_ready(f"The models failed to load: {loader.error}")
    raise not_ready("The models are loading and warming up.")


@bp.get("/v1/info")
def info() -> dict[str, Any]:
    loader = current_app.extensions["quotes_loader"]
    return INFO.dump({
        "service": {"name": "quotes", "version": service_version()},
        "models": loader.pipeline.models if loader.ready else [],
        "ready": loader.ready,
        "limits": config.limits(),
    })


@bp.get("/metrics")
def metrics() -> Response:
    return observability.metrics_response()


@bp.get("/openapi.yaml")
def openapi() -> Response:
    path = current_app.config["QUOTES"].openapi_path
    return Response(path.read_bytes(), mimetype="application/yaml")
