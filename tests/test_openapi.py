"""openapi.yaml is generated from the schemas, committed, and a valid OpenAPI 3 document."""

from __future__ import annotations

import yaml
from openapi_spec_validator import validate

from service.api.spec import render
from service.config import REPO_ROOT

COMMITTED = REPO_ROOT / "openapi.yaml"


def test_committed_spec_matches_the_code() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render(), (
        "openapi.yaml is stale: run `make openapi` and commit it"
    )


def test_committed_spec_is_valid_openapi_3() -> None:
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.")
    validate(spec)


def test_every_route_is_documented(make_client) -> None:
    from tests.support.doubles import ScriptedPipeline

    app = make_client(ScriptedPipeline()).application
    files = {"static", "demo.swagger_ui_file"}  # the pages' static files, not API
    routes = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint not in files}
    documented = set(yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))["paths"])
    assert routes == documented
