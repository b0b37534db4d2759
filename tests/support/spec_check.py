"""Validate a response body against a component schema of the committed openapi.yaml."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator

from service.config import REPO_ROOT


@cache
def _components() -> dict[str, Any]:
    return yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))["components"]


def assert_matches(instance: Any, component: str) -> None:
    schema = {"$ref": f"#/components/schemas/{component}", "components": _components()}
    OAS30Validator(schema).validate(instance)
