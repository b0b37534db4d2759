"""openapi.yaml is generated from the schemas, committed, a valid OpenAPI 3 document, and says
what the validator does (a blank text)."""

from __future__ import annotations

import re

import pytest
import yaml
from jsonschema import ValidationError
from openapi_spec_validator import validate

from service.api.spec import render
from service.config import REPO_ROOT
from service.schemas import NOT_BLANK
from tests.support.spec_check import assert_matches

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


def test_the_text_pattern_is_whitespace_as_str_isspace_sees_it() -> None:
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    pattern = spec["components"]["schemas"]["Document"]["properties"]["text"]["pattern"]
    assert pattern == NOT_BLANK
    disagree = [
        hex(code) for code in range(0x110000)
        if not 0xD800 <= code < 0xE000
        and bool(re.fullmatch(pattern, chr(code))) == chr(code).isspace()
    ]
    assert disagree == []


@pytest.mark.parametrize(("text", "status"), [
    ("\x1f", 422), ("\x1c\x85\u3000 \t", 422), ("\ufeff", 200), ("\x1fa", 200),
])
def test_blank_means_the_same_to_the_document_and_the_validator(
    make_client, text: str, status: int
) -> None:
    from tests.support.doubles import ScriptedPipeline

    response = make_client(ScriptedPipeline()).post("/v1/quotes", json={"text": text})
    assert response.status_code == status
    if status == 200:
        assert_matches({"text": text}, "Document")
    else:
        assert "text" in response.json["errors"]
        with pytest.raises(ValidationError):
            assert_matches({"text": text}, "Document")
