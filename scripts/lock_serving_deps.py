"""Write docker/constraints.txt: the versions of the serving dependencies installed in this venv.

The image installs `[project].dependencies` from pyproject.toml under these constraints, so the
container runs the same library versions as the local venv (and `make container-test` can demand
identical answers). Extras (train/dev/bench) are not followed: the image gets no torch.

    .venv/bin/python scripts/lock_serving_deps.py          # re-run after changing dependencies
"""

import importlib.metadata as md
import re
import sys
from pathlib import Path

from packaging.requirements import Requirement

OUT = Path(__file__).resolve().parent.parent / "docker" / "constraints.txt"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(root: str) -> dict[str, str]:
    """Installed versions of `root`'s runtime requirements, transitively, without extras."""
    found: dict[str, str] = {}
    todo = [root]
    while todo:
        dist = md.distribution(todo.pop())
        key = canonical(dist.metadata["Name"])
        if key in found:
            continue
        found[key] = dist.version
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return found


def main() -> None:
    pins = closure("quotes")
    pins.pop("quotes")
    lines = [f"{name}=={version.split('+')[0]}" for name, version in sorted(pins.items())]
    header = "# Written by scripts/lock_serving_deps.py from the local venv; do not edit.\n"
    OUT.write_text(header + "\n".join(lines) + "\n")
    print(f"wrote {len(lines)} pins to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
