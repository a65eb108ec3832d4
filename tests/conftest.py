"""What pytest adds to every run of the course's tests: how long each notebook took.

When a run that includes ``tests/`` also executes notebooks under nbval
(``make test`` does), the summary ends with one line per notebook: the seconds
its cells took, kernel start and shutdown included, and its number of cells.
The times come from the test reports, which pytest-xdist sends back from its
workers, so they are right with ``-n auto``.
When the browser tests ran too, the summary also repeats their latency table
(written by the worker that ran them to ``screenshots/latency.txt``), so it is
not lost among the progress dots.
Nothing here changes how a test is collected or run.
"""

import time
from collections import defaultdict
from pathlib import Path

LATENCY_TABLE = Path(__file__).resolve().parent.parent / "screenshots" / "latency.txt"
_STARTED = time.time()


def _notebook_times(stats):
    """{notebook path: (seconds, cells)} from the terminal reporter's reports."""
    seconds, cells = defaultdict(float), defaultdict(set)
    for reports in stats.values():
        for report in reports:
            path = getattr(report, "nodeid", "").partition("::")[0]
            # Only setup, call and teardown reports carry "when"; nbval's cell
            # items live in the notebook file itself.
            if not path.endswith(".ipynb") or not hasattr(report, "when"):
                continue
            seconds[path] += report.duration
            cells[path].add(report.nodeid)
    return {path: (seconds[path], len(cells[path])) for path in seconds}


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if hasattr(config, "workerinput"):  # an xdist worker; the controller reports
        return
    _write_latency_table(terminalreporter)
    times = _notebook_times(terminalreporter.stats)
    if not times:
        return
    terminalreporter.write_sep("-", "notebook run times under nbval")
    for path, (seconds, cells) in sorted(times.items()):
        terminalreporter.write_line(f"{seconds:7.2f} s  {cells:3d} cells  {path}")
    total = sum(seconds for seconds, _cells in times.values())
    terminalreporter.write_line(f"{total:7.2f} s  in all, {len(times)} notebooks")


def _write_latency_table(terminalreporter):
    """Repeat the browser tests' latency table, if they wrote one in this run."""
    if not LATENCY_TABLE.exists() or LATENCY_TABLE.stat().st_mtime < _STARTED:
        return
    terminalreporter.write_sep("-", "widget latency, key press to figure")
    for line in LATENCY_TABLE.read_text(encoding="utf-8").splitlines():
        terminalreporter.write_line(line)
