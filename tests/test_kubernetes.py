"""deploy/kubernetes/: every resource valid (offline, strict) for a named Kubernetes version,
and the Deployment's settings the same as the compose stack's and the image's."""

from __future__ import annotations

import re
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from service.config import REPO_ROOT

KUBERNETES_VERSION = "1.31.0"  # the oldest minor version still supported upstream, late 2026
MANIFESTS = REPO_ROOT / "deploy" / "kubernetes"
RESOURCES = sorted(p for p in MANIFESTS.glob("*.yaml") if p.name != "kustomization.yaml")


def load(name: str) -> dict:
    return yaml.safe_load((MANIFESTS / name).read_text())


@pytest.mark.parametrize("path", RESOURCES, ids=lambda p: p.name)
def test_resource_is_valid_for_the_named_version(path: Path) -> None:
    for document in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_resource() -> None:
    assert sorted(load("kustomization.yaml")["resources"]) == [p.name for p in RESOURCES]


def compose_default(value: str) -> str:
    """'${QUOTES_WORKERS:-2}' -> '2'."""
    match = re.fullmatch(r"\$\{\w+:-(.*)\}", str(value))
    return match.group(1) if match else str(value)


def test_deployment_matches_compose_and_the_image() -> None:
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())["services"]["quotes"]
    pod = load("deployment.yaml")["spec"]["template"]["spec"]
    (container,) = pod["containers"]

    env = {e["name"]: e.get("value") or e["valueFrom"] for e in container["env"]}
    secret = env.pop("QUOTES_API_KEYS")["secretKeyRef"]
    assert secret["key"] == "QUOTES_API_KEYS"
    expected = {k: compose_default(v) for k, v in compose["environment"].items()}
    assert expected.pop("QUOTES_API_KEYS") == ""  # compose: none unless set
    assert env == expected

    found = re.search(r"useradd --uid (\d+)", (REPO_ROOT / "Dockerfile").read_text())
    assert found is not None
    uid = found.group(1)
    assert pod["securityContext"]["runAsUser"] == int(uid)
    assert pod["securityContext"]["runAsNonRoot"] is True
    security = container["securityContext"]
    assert compose["read_only"] and security["readOnlyRootFilesystem"] is True
    assert compose["cap_drop"] == security["capabilities"]["drop"] == ["ALL"]
    assert security["allowPrivilegeEscalation"] is False  # compose: no-new-privileges

    (mount,) = container["volumeMounts"]
    (volume,) = pod["volumes"]
    assert mount["mountPath"] == "/tmp" and volume["name"] == mount["name"]
    assert compose["tmpfs"] == [f"/tmp:size={volume['emptyDir']['sizeLimit'][:-2].lower()}m"]

    limits = container["resources"]["limits"]
    assert limits["cpu"] == compose_default(compose["cpus"])
    assert limits["memory"] == compose_default(compose["mem_limit"]).upper() + "i"
    assert container["resources"]["requests"]["cpu"]

    assert container["livenessProbe"]["httpGet"]["path"] == "/livez"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    startup = container["startupProbe"]
    assert startup["httpGet"]["path"] == "/readyz"
    start_period = int(compose["healthcheck"]["start_period"].rstrip("s"))
    assert startup["periodSeconds"] * startup["failureThreshold"] >= start_period
    assert pod["terminationGracePeriodSeconds"] == int(compose["stop_grace_period"].rstrip("s"))


def test_autoscaler_and_disruption_budget_target_the_deployment() -> None:
    deployment = load("deployment.yaml")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    hpa = load("hpa.yaml")["spec"]
    assert hpa["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert [m["resource"]["name"] for m in hpa["metrics"]] == ["cpu"]
    assert load("pdb.yaml")["spec"]["selector"]["matchLabels"] == labels
    assert load("service.yaml")["spec"]["selector"] == labels
