"""Contract fuzzing: schemathesis generates valid and invalid requests for every route of the
committed openapi.yaml and sends them to gunicorn running the real pipeline, with every check
on (no 5xx, documented status codes and content types, bodies matching their schemas, invalid
data refused, API keys enforced).

The suite runs a fast, deterministic profile; `make fuzz` (bench/fuzz.py) runs the same test
with FUZZ_MAX_EXAMPLES raised and writes the request counts to FUZZ_REPORT.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationConfig
from schemathesis.checks import ALL_CHECKS
from schemathesis.internal.checks import NegativeDataRejectionConfig
from schemathesis.specs.openapi import checks

from service.config import REPO_ROOT
from tests.support.server import start_server, stop_server

pytestmark = pytest.mark.live

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "20"))
WORKERS = int(os.environ.get("FUZZ_WORKERS", "1"))
API_KEY = "fuzz-key-0"  # keys on, so that the ignored_auth check has something to verify
# Our documented refusals of invalid data; 413 is a limit (maxLength, maxItems) exceeded.
REFUSALS = ["400", "401", "413", "415", "422"]
sent: Counter[str] = Counter()  # generated requests per operation and generation method


def negative_data_rejection(ctx, response, case) -> bool | None:  # noqa: ANN001
    """schemathesis's check with our refusal statuses (its default list lacks 413)."""
    ctx.config = replace(
        ctx.config, negative_data_rejection=NegativeDataRejectionConfig(REFUSALS)
    )
    return checks.negative_data_rejection(ctx, response, case)


CHECKS = tuple(c for c in ALL_CHECKS if c is not checks.negative_data_rejection) + (
    negative_data_rejection,
)


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory: pytest.TempPathFactory):
    server = start_server(tmp_path_factory.mktemp("fuzz") / "gunicorn.log", workers=WORKERS,
                          QUOTES_API_KEYS=API_KEY)
    yield server
    stop_server(server)
    if report := os.environ.get("FUZZ_REPORT"):
        with open(report, "w", encoding="utf-8") as out:
            json.dump({"max_examples": MAX_EXAMPLES, "requests": dict(sent),
                       "total": sum(sent.values())}, out, indent=2)


@pytest.fixture(scope="module")
def api(keyed_server):
    return schemathesis.from_path(REPO_ROOT / "openapi.yaml", base_url=keyed_server.url)


schema = schemathesis.from_pytest_fixture(
    "api",
    data_generation_methods=schemathesis.DataGenerationMethod.all(),
    # The key is sent explicitly (valid); generated Authorization values would be overridden.
    generation_config=GenerationConfig(with_security_parameters=False),
)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,  # the same requests on every run
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_contract(case) -> None:
    method = case.data_generation_method.name if case.data_generation_method else "explicit"
    sent[f"{case.operation.verbose_name} [{method}]"] += 1
    case.headers = case.headers or {}  # ignored_auth writes its invalid key into this dict
    case.call_and_validate(
        headers={"Authorization": f"Bearer {API_KEY}"}, checks=CHECKS, timeout=150
    )
