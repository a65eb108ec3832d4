"""Generate the learner's notebooks in ``notebooks/`` from ``solutions/``.

Each learner notebook is its solution notebook passed through nbgrader's own
``ClearSolutions`` and ``ClearHiddenTests`` preprocessors: every answer becomes
nbgrader's stub (``# YOUR CODE HERE`` / ``raise NotImplementedError()``) and the
hidden tests disappear. Outputs, execution counts and widget state are cleared.

In the learner's copy only, every exercise cell and check cell gets the tag
``raises-exception``: there the checks fail until the learner answers, and the
notebook test runner (nbval) must let them. The solutions carry no such tag, so
they are tested strictly.

The output is deterministic (nbformat's JSON layout, the solutions' cell ids), so
running the script twice gives no diff. Learner notebooks whose solution was
deleted are removed.

Usage::

    python scripts/release_notebooks.py            # write notebooks/
    python scripts/release_notebooks.py --check    # exit 1 if notebooks/ is stale
"""

import argparse
import copy
import hashlib
import json
import sys
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions
from nbgrader.utils import is_grade, is_solution

ROOT = Path(__file__).resolve().parent.parent
PATTERN = "[0-9][0-9]_*.ipynb"
TAG = "raises-exception"


def read_solution(path):
    """Read a solution notebook; give any cell without an id a stable one.

    nbformat would invent random ids for such cells, and the learner's copy
    would then change on every run.
    """
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if (raw.get("nbformat"), raw.get("nbformat_minor", 0)) >= (4, 5):
        for index, cell in enumerate(raw.get("cells", [])):
            if "id" not in cell:
                seed = f"{Path(path).name}:{index}".encode()
                cell["id"] = hashlib.sha1(seed).hexdigest()[:8]
    return nbformat.reads(json.dumps(raw), as_version=4)


def clear_answers(nb):
    """Apply nbgrader's ClearSolutions then ClearHiddenTests to a copy of ``nb``."""
    nb = copy.deepcopy(nb)
    resources = {}
    for preprocessor in (ClearSolutions(), ClearHiddenTests()):
        nb, resources = preprocessor.preprocess(nb, resources)
    return nb


def clear_run_state(nb):
    """Remove outputs, execution counts and saved widget state, in place."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)


def tag_exercise_cells(nb):
    """Tag every exercise cell and check cell ``raises-exception``, in place."""
    for cell in nb.cells:
        if cell.cell_type == "code" and (is_solution(cell) or is_grade(cell)):
            tags = cell.metadata.setdefault("tags", [])
            if TAG not in tags:
                tags.append(TAG)


def learner_text(solution_path):
    """The learner's notebook for one solution notebook, as file text."""
    nb = clear_answers(read_solution(solution_path))
    clear_run_state(nb)
    tag_exercise_cells(nb)
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def plan(solutions, output):
    """{learner path: text, or None to delete} for every file that must change."""
    wanted = {}
    for path in sorted(Path(solutions).glob(PATTERN)):
        try:
            wanted[Path(output) / path.name] = learner_text(path)
        except (RuntimeError, ValueError, nbformat.ValidationError) as error:
            raise SystemExit(f"{path}: {error}") from None

    changes = {}
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changes[path] = text
    for path in sorted(Path(output).glob(PATTERN)):
        if path not in wanted:
            changes[path] = None
    return changes


def release(solutions=ROOT / "solutions", output=ROOT / "notebooks"):
    """Bring ``output`` in line with ``solutions``; return the paths changed."""
    changes = plan(solutions, output)
    Path(output).mkdir(parents=True, exist_ok=True)
    for path, text in changes.items():
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
    return sorted(changes)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--solutions", type=Path, default=ROOT / "solutions")
    parser.add_argument("--output", type=Path, default=ROOT / "notebooks")
    parser.add_argument(
        "--check", action="store_true",
        help="change nothing; exit with status 1 if the output is out of date",
    )
    args = parser.parse_args(argv)

    if args.check:
        changes = plan(args.solutions, args.output)
        for path, text in changes.items():
            print(f"{'stale' if text is not None else 'orphaned'}: {path}")
        return 1 if changes else 0

    for path in release(args.solutions, args.output):
        print(f"{'wrote' if path.exists() else 'removed'} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
