"""A learner who opens a notebook and runs it all meets only "not attempted yet".

Each learner notebook is executed as it ships, every answer still nbgrader's
stub. The only errors allowed are ``NotImplementedError`` and its subclass
``NotAttemptedYet`` (what a check reports for an untouched exercise), and only
in exercise and check cells; every check cell must fail that way, since a check
that passes an untouched stub cannot tell a learner anything.
"""

import nbformat
import pytest
from course import NOTEBOOKS
from nbclient import NotebookClient

LEARNER_FILES = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
ALLOWED = {"NotImplementedError", "NotAttemptedYet"}
CELL_TIMEOUT = 120  # seconds; a whole notebook should take well under 10


def _role(cell):
    meta = cell.metadata.get("nbgrader", {})
    if meta.get("grade"):
        return "check"
    if meta.get("solution"):
        return "exercise"
    return None


def _errors(cell):
    return [out for out in cell.get("outputs", []) if out.output_type == "error"]


def _describe(index, cell, error):
    grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "-")
    first_line = (error.evalue or "").splitlines()[:1]
    return f"cell {index} ({grade_id}): {error.ename}: {' '.join(first_line)}"


@pytest.mark.parametrize("path", LEARNER_FILES, ids=[p.name for p in LEARNER_FILES])
def test_learner_notebook_fails_only_where_an_answer_is_missing(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()

    unexpected, passing_checks = [], []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        errors = _errors(cell)
        for error in errors:
            if error.ename not in ALLOWED or _role(cell) is None:
                unexpected.append(_describe(index, cell, error))
        if _role(cell) == "check" and not errors:
            grade_id = cell.metadata.nbgrader["grade_id"]
            passing_checks.append(f"cell {index} ({grade_id})")

    assert not unexpected, f"{path.name}: unexpected errors:\n" + "\n".join(unexpected)
    assert not passing_checks, (
        f"{path.name}: these checks passed with the answer untouched: {passing_checks}"
    )
