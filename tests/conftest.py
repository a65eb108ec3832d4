"""What pytest adds to every run of the course's tests: how long each notebook took.

When a run that includes ``tests/`` also executes notebooks under nbval
(``make test`` does), the summary ends with one line per notebook: the seconds
its cells took, kernel start and shutdown included, and its number of cells.
The times come from the test reports, which pytest-xdist sends back from its
workers, so they are right with ``-n auto``.
Nothing here changes how a test is collected or run.
"""

from collections import defaultdict


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
    times = _notebook_times(terminalreporter.stats)
    if not times:
        return
    terminalreporter.write_sep("-", "notebook run times under nbval")
    for path, (seconds, cells) in sorted(times.items()):
        terminalreporter.write_line(f"{seconds:7.2f} s  {cells:3d} cells  {path}")
    total = sum(seconds for seconds, _cells in times.values())
    terminalreporter.write_line(f"{total:7.2f} s  in all, {len(times)} notebooks")
