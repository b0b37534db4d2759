"""A real multi-node Ray cluster on this machine: `ray start --head` and `ray start --address`
nodes, each its own raylet with its own CPU share. Every process is found by the cluster's own
token in its environment or by its temp dir, so stopping it ends only this cluster's processes
(not those of another Ray on the same machine, as `ray stop --force` would)."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

RAY = Path(sys.executable).with_name("ray")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _holds_file_under(proc: Path, folder: str) -> bool:
    try:
        return any(os.readlink(fd).startswith(folder) for fd in (proc / "fd").iterdir())
    except OSError:  # ended while we looked
        return False


def pids_with(marker: str, folder: str, name: str = "") -> set[int]:
    """Live processes whose environment holds `marker` or which hold a file under `folder`
    (and whose command line holds `name`, if given). The environment is inherited by what a
    node starts; Ray's agents, which do not inherit it, keep their logs under `folder` open.
    Both still hold once Ray renames a process (ray::IDLE) or its raylet is gone."""
    found = set()
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            environ = (proc / "environ").read_bytes()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:  # ended while we looked
            continue
        ours = marker.encode() in environ or _holds_file_under(proc, folder)
        if ours and name.encode() in cmdline:
            found.add(int(proc.name))
    return found


@dataclass
class Cluster:
    temp_dir: Path
    port: int = field(default_factory=free_port)
    node_raylets: list[int] = field(default_factory=list)  # one raylet pid per node, in order
    # Ray's token authentication, with a token of this cluster's own for its nodes and drivers
    env: dict[str, str] = field(default_factory=lambda: os.environ | {
        "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32),
    })

    @property
    def marker(self) -> str:
        return f"RAY_AUTH_TOKEN={self.env['RAY_AUTH_TOKEN']}"

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _start(self, *args: str) -> None:
        before = pids_with(self.marker, str(self.temp_dir), "raylet")
        started = subprocess.run(
            [str(RAY), "start", "--num-cpus=1", "--disable-usage-stats",
             "--node-ip-address=127.0.0.1", "--dashboard-agent-listen-port=0",
             "--object-store-memory=500000000", *args],
            capture_output=True, text=True, timeout=180, check=False, env=self.env)
        if started.returncode:
            raise RuntimeError(f"ray start {' '.join(args)}: {started.stderr[-2000:]}")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            new = pids_with(self.marker, str(self.temp_dir), "raylet") - before
            if new:
                self.node_raylets.append(min(new))
                return
            time.sleep(0.5)
        raise RuntimeError("the node's raylet did not appear")

    def start_head(self) -> None:
        self._start("--head", f"--port={self.port}", f"--temp-dir={self.temp_dir}",
                    "--include-dashboard=false")

    def add_node(self) -> None:
        self._start(f"--address={self.address}")

    def kill_raylet(self, node: int) -> int:
        """SIGKILL the raylet of node `node` (0 is the head); returns its pid."""
        pid = self.node_raylets[node]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self) -> None:
        """SIGTERM, then SIGKILL, every process of this cluster (found by its token)."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in pids_with(self.marker, str(self.temp_dir)) - {os.getpid()}:
                with contextlib.suppress(ProcessLookupError):  # ended in the meantime
                    os.kill(pid, sig)
            time.sleep(3)
