"""Which processes a test started are still running, read from /proc (Linux)."""

import os
import time
from pathlib import Path


def _parents():
    """{pid: parent pid} of every process now running."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name may hold spaces and parentheses: split after it.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    return parents


def command(pid):
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    return raw.replace(b"\0", b" ").decode(errors="replace").strip()


def descendants(root=None):
    """Process ids below ``root`` (default: this process), children first."""
    root = os.getpid() if root is None else root
    parents = _parents()
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        found += children
        frontier += children
    return found


def alive(pids):
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()
            and "zombie" not in _state(pid)]


def _state(pid):
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0]
    except (OSError, IndexError):
        return "zombie"


def wait_gone(pids, timeout=10):
    """Wait until none of ``pids`` runs; return any still running at ``timeout``."""
    deadline = time.monotonic() + timeout
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)
