"""Process facts read from /proc: gunicorn's workers, peak resident memory."""

from __future__ import annotations

from pathlib import Path


def workers_of(master: int) -> set[int]:
    """The live child processes of `master` (gunicorn's workers), from /proc."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == master and fields[0] != "Z":
            children.add(int(stat.parent.name))
    return children


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size so far (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmHWM for process {pid}")
