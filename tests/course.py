"""Reading the course's notebooks: where they are and which cells are exercises."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
NOTEBOOKS = ROOT / "notebooks"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"


def solution_notebooks():
    return sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))


def read(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def source(cell):
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def nbgrader(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def exercises(path):
    """{exercise id: (solution cell, check cell)} for one solution notebook.

    The check cell of exercise ``x`` has grade_id ``check_x``.
    """
    cells = read(path)["cells"]
    by_id = {nbgrader(c).get("grade_id"): c for c in cells if nbgrader(c)}
    found = {}
    for grade_id, cell in by_id.items():
        if nbgrader(cell).get("solution") and cell["cell_type"] == "code":
            found[grade_id] = (cell, by_id.get(f"check_{grade_id}"))
    return found


def visible_part(check_source):
    """A check cell's code without its hidden tests."""
    return check_source.split(HIDDEN_BEGIN)[0]


def all_exercises():
    """{exercise id: (notebook path, solution cell, check cell)} over the course."""
    found = {}
    for path in solution_notebooks():
        for exercise, (solution, check) in exercises(path).items():
            found[exercise] = (path, solution, check)
    return found
