"""Contract fuzzing: schemathesis generates valid and invalid requests for every route of the
committed openapi.yaml and sends them to gunicorn running the real pipeline, with every check
on (no 5xx, documented status codes and content types, bodies matching their schemas, invalid
data refused, valid data accepted, API keys enforced), in every phase: the coverage phase's
boundary cases, generated cases (with hypothesis' target and shrink phases), and a stateful
phase that follows the document's links (a document accepted alone, resent as a batch of one).

The suite runs a fast, deterministic profile; `make fuzz` (bench/fuzz.py) runs the same tests
with FUZZ_MAX_EXAMPLES raised and writes the request counts to FUZZ_REPORT.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from requests.structures import CaseInsensitiveDict
from schemathesis import DataGenerationMethod, GenerationConfig, experimental
from schemathesis.checks import ALL_CHECKS
from schemathesis.internal.checks import (
    CheckContext,
    NegativeDataRejectionConfig,
    PositiveDataAcceptanceConfig,
)
from schemathesis.models import Case
from schemathesis.specs.openapi import checks
from schemathesis.stateful import run_state_machine_as_test
from schemathesis.transports.responses import GenericResponse

from service.config import REPO_ROOT
from tests.support.server import start_server, stop_server

pytestmark = pytest.mark.live

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "20"))
WORKERS = int(os.environ.get("FUZZ_WORKERS", "1"))
API_KEY = "fuzz-key-0"  # keys on, so that the ignored_auth check has something to verify
AUTH = {"Authorization": f"Bearer {API_KEY}"}
# Our documented refusals of invalid data; 413 is a limit (maxLength, maxItems) exceeded.
REFUSALS = ["400", "401", "413", "415", "422"]
# Valid data is answered 2xx, or 413 when a batch's texts together pass MAX_BATCH_CHARS (a
# limit JSON Schema cannot state); 401/403/404 are schemathesis' defaults.
ACCEPTANCES = ["2xx", "401", "403", "404", "413"]
PHASES = list(Phase)  # schemathesis leaves out `explain`
sent: Counter[str] = Counter()  # generated requests per operation and generation method

experimental.COVERAGE_PHASE.enable()  # boundary values of every constraint, before generation


def negative_data_rejection(
    ctx: CheckContext, response: GenericResponse, case: Case
) -> bool | None:
    """schemathesis's check with our refusal statuses (its default list lacks 413)."""
    ctx.config = replace(
        ctx.config, negative_data_rejection=NegativeDataRejectionConfig(REFUSALS)
    )
    return checks.negative_data_rejection(ctx, response, case)


def positive_data_acceptance(
    ctx: CheckContext, response: GenericResponse, case: Case
) -> bool | None:
    """schemathesis's (optional) check that valid data is accepted, with ACCEPTANCES."""
    ctx.config = replace(
        ctx.config, positive_data_acceptance=PositiveDataAcceptanceConfig(ACCEPTANCES)
    )
    return checks.positive_data_acceptance(ctx, response, case)


CHECKS = (
    *(c for c in ALL_CHECKS if c is not checks.negative_data_rejection),
    negative_data_rejection,
    positive_data_acceptance,
)
FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,  # the same requests on every run
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=PHASES,
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


def count(case: Case, phase: str) -> None:
    method = case.data_generation_method.name if case.data_generation_method else "explicit"
    sent[f"{case.operation.verbose_name} [{method}, {phase}]"] += 1


@schema.parametrize()
@FUZZ_SETTINGS
def test_contract(case: Case) -> None:
    count(case, "stateless")
    # ignored_auth writes its invalid key into this dict
    case.headers = case.headers or CaseInsensitiveDict()
    case.call_and_validate(
        headers=dict(AUTH), checks=CHECKS, timeout=150
    )


def test_contract_stateful(keyed_server) -> None:
    api = schemathesis.from_path(
        REPO_ROOT / "openapi.yaml", base_url=keyed_server.url,
        data_generation_methods=DataGenerationMethod.all(),
        generation_config=GenerationConfig(with_security_parameters=False),
    )

    class Workflow(api.as_state_machine()):  # type: ignore[misc]
        def before_call(self, case: Case) -> None:
            if case.source is not None:
                # The link sent the previous request's body whole (merge_body: false), so
                # this case is as valid as that one was, whatever was drawn for it.
                case.data_generation_method = case.source.case.data_generation_method
            case.headers = case.headers or CaseInsensitiveDict()
            count(case, "stateful")

        def get_call_kwargs(self, case: Case) -> dict:
            return {"headers": dict(AUTH), "timeout": 150}

        def validate_response(
            self, response: Any, case: Case, additional_checks: tuple = ()
        ) -> None:
            case.validate_response(
                response, checks=CHECKS, additional_checks=additional_checks,
                headers=dict(AUTH), transport_kwargs=self._transport_kwargs,
            )

        def _add_results_to_targets(self, targets: tuple, results: list) -> None:
            # hypothesis >= 6.1xx stores step results through this method; schemathesis 3
            # still overrides the old one, so results would skip its link bundles.
            for result in results:
                if result is not None and (target := self._get_target_for_result(result)):
                    super()._add_results_to_targets((target,), [result])

    run_state_machine_as_test(
        Workflow, settings=settings(FUZZ_SETTINGS, max_examples=max(2, MAX_EXAMPLES // 4),
                                    stateful_step_count=5),
    )
