"""The HTTP half of `make container-test` (scripts/container_test.sh runs the containers).

    python scripts/container_check.py wait URL --since RFC3339   # poll /readyz, print seconds
    python scripts/container_check.py compare URL [--seeds DIR]  # container == local code

`compare` posts every seed article to the container and to the same app run here in-process
(the local venv, the local models/), and demands identical JSON; then checks that bad requests
get RFC 9457 problem+json, and that the demo page and /docs load with all their files.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "eval" / "seeds"
PROBLEM = "application/problem+json"


def request(url: str, body: bytes | None = None) -> tuple[int, str, Any]:
    """(status, content type, parsed JSON body) of a GET, or of a JSON POST when body is given."""
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=300) as resp:
            return resp.status, resp.headers.get_content_type(), json.load(resp)
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_content_type(), json.load(err)


def started_at(stamp: str) -> float:
    """Docker's State.StartedAt (nanosecond RFC 3339) as a Unix time."""
    day, _, rest = stamp.rstrip("Z").partition("T")
    clock, _, fraction = rest.partition(".")
    moment = datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=UTC)
    return moment.timestamp() + float(f"0.{fraction or 0}")


def wait(url: str, since: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _, body = request(f"{url}/readyz")
        except (OSError, ValueError):  # not listening yet, or a reset while starting
            status, body = 0, {}
        if status == 200:
            print(f"{time.time() - started_at(since):.1f}")
            return
        if "failed to load" in str(body.get("detail", "")):  # no point in waiting longer
            sys.exit(f"{url}/readyz: {body['detail']}")
        time.sleep(0.5)
    sys.exit(f"{url}/readyz not ready after {timeout:.0f} s")


def local_client() -> Any:
    sys.path.insert(0, str(REPO))
    from service import create_app

    app = create_app()
    loader = app.extensions["quotes_loader"]
    if loader.wait(900) is None:
        sys.exit(f"the local pipeline did not load: {loader.error}")
    return app.test_client()


def first_difference(a: Any, b: Any, path: str = "$") -> str:
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        return next((first_difference(a[k], b[k], f"{path}.{k}") for k in a if a[k] != b[k]), "")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        pairs = enumerate(zip(a, b, strict=True))
        return next((first_difference(x, y, f"{path}[{i}]") for i, (x, y) in pairs if x != y), "")
    return f"{path}: container {json.dumps(a)[:300]} != local {json.dumps(b)[:300]}"


def compare_seeds(url: str, seeds: Path) -> list[str]:
    files = sorted(seeds.glob("*.txt"))
    if not files:
        return [f"no seed articles in {seeds}"]
    client = local_client()
    problems = []
    for path in files:
        payload = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        status, _, remote = request(f"{url}/v1/quotes", json.dumps(payload).encode())
        local = client.post("/v1/quotes", json=payload)
        print(
            f"  {path.name}: container {status}, {len(remote.get('quotes', []))} quotes; "
            f"local {local.status_code}, {len(local.get_json().get('quotes', []))} quotes"
        )
        if status != 200 or local.status_code != 200:
            problems.append(
                f"{path.name}: status {status} in the container, "
                f"{local.status_code} locally: {remote}"
            )
        elif remote != local.get_json():
            problems.append(f"{path.name}: {first_difference(remote, local.get_json())}")
    return problems


def check_bad_requests(url: str) -> list[str]:
    problems = []
    for body, expected in ((b'{"text": 5}', 422), (b'{"text": "unterminated', 400)):
        status, kind, doc = request(f"{url}/v1/quotes", body)
        ok = status == expected and kind == PROBLEM and doc.get("status") == status
        print(f"  {body.decode()!r}: {status} {kind}")
        if not (ok and doc.get("title") and doc.get("type")):
            problems.append(f"{body!r}: expected {expected} {PROBLEM}, got {status} {kind} {doc}")
    return problems


def check_pages(url: str) -> list[str]:
    """The demo page, /docs and every file they load are served by the image (open, no key)."""
    problems = []
    for page in ("/", "/docs"):
        with urllib.request.urlopen(f"{url}{page}", timeout=30) as resp:
            html = resp.read().decode("utf-8")
            kind = resp.headers.get_content_type()
        assets = re.findall(r'(?:src|href)="(/[^"]+)"', html)
        print(f"  {page}: {kind}, {len(assets)} assets")
        if kind != "text/html" or len(assets) < 2:
            problems.append(f"{page}: {kind} with assets {assets}")
        for asset in assets:
            try:
                urllib.request.urlopen(f"{url}{asset}", timeout=30).close()
            except urllib.error.HTTPError as err:
                problems.append(f"{page} loads {asset}: {err.code}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    waiting = commands.add_parser("wait", help="poll /readyz; print seconds since --since")
    waiting.add_argument("url")
    waiting.add_argument("--since", required=True, help="the container's State.StartedAt")
    waiting.add_argument("--timeout", type=float, default=300)
    comparing = commands.add_parser("compare", help="seeds: container vs local; bad requests")
    comparing.add_argument("url")
    comparing.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    url = args.url.rstrip("/")
    if args.command == "wait":
        wait(url, args.since, args.timeout)
        return
    problems = compare_seeds(url, args.seeds) + check_bad_requests(url) + check_pages(url)
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
