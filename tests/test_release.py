"""The learner's notebooks are nbgrader's release of the solutions, and nothing leaks.

``notebooks/`` is generated from ``solutions/`` by ``make notebooks``
(``scripts/release_notebooks.py``). These tests fail when it is out of date, when
a learner cell is not what nbgrader's own preprocessors make of its solution cell,
when an answer or a hidden test shows up in a learner notebook, when a committed
notebook carries run state, and when the nbgrader metadata is malformed.
"""

import copy
import importlib.util
import re
from collections import Counter

import nbformat
import pytest
from course import NOTEBOOKS, ROOT, SOLUTIONS
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

PATTERN = "[0-9][0-9]_*.ipynb"
SOLUTION_FILES = sorted(SOLUTIONS.glob(PATTERN))
LEARNER_FILES = sorted(NOTEBOOKS.glob(PATTERN))
REGIONS = {
    "solution": ("### BEGIN SOLUTION", "### END SOLUTION"),
    "hidden tests": ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"),
}
TAG = "raises-exception"


def _load_release_script():
    path = ROOT / "scripts" / "release_notebooks.py"
    spec = importlib.util.spec_from_file_location("release_notebooks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path):
    return nbformat.read(path, as_version=4)


def _nbgrader(cell):
    return cell.metadata.get("nbgrader", {})


def _is_exercise(cell):
    return cell.cell_type == "code" and bool(_nbgrader(cell).get("solution"))


def _is_check(cell):
    return cell.cell_type == "code" and bool(_nbgrader(cell).get("grade"))


def _ids(paths):
    return [path.name for path in paths]


def _marker(line):
    """(kind, "begin" or "end") if ``line`` holds a region marker, else None."""
    for kind, (begin, end) in REGIONS.items():
        if begin in line:
            return kind, "begin"
        if end in line:
            return kind, "end"
    return None


def _secret_lines(cell_source):
    """(kind, stripped line) for each line inside a solution or hidden-test region."""
    inside = None
    for line in cell_source.splitlines():
        marker = _marker(line)
        if marker:
            inside = marker[0] if marker[1] == "begin" else None
        elif inside:
            yield inside, line.strip()


def _visible_lines(cell_source):
    """The stripped lines of a cell outside every solution or hidden-test region."""
    secret = Counter(line for _kind, line in _secret_lines(cell_source))
    lines = Counter(line.strip() for line in cell_source.splitlines())
    return set((lines - secret).keys())


@pytest.fixture(scope="module")
def release_script():
    return _load_release_script()


def test_learner_notebooks_are_up_to_date(release_script, tmp_path):
    release_script.release(SOLUTIONS, tmp_path)
    fresh = {path.name: path.read_bytes() for path in tmp_path.glob(PATTERN)}
    committed = {path.name: path.read_bytes() for path in LEARNER_FILES}

    missing = sorted(set(fresh) - set(committed))
    orphaned = sorted(set(committed) - set(fresh))
    stale = sorted(name for name in set(fresh) & set(committed)
                   if fresh[name] != committed[name])
    assert not (missing or orphaned or stale), (
        f"notebooks/ is out of date with solutions/ (missing: {missing}, "
        f"no longer in solutions/: {orphaned}, stale: {stale}); "
        "run `make notebooks` and commit notebooks/"
    )


def test_release_is_deterministic(release_script, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    release_script.release(SOLUTIONS, first)
    release_script.release(SOLUTIONS, second)
    for path in first.glob(PATTERN):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    assert release_script.release(SOLUTIONS, first) == [], "a rerun changed files"


def test_release_removes_notebooks_whose_solution_is_gone(release_script, tmp_path):
    orphan = tmp_path / "99_removed_topic.ipynb"
    orphan.write_text("{}", encoding="utf-8")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("kept", encoding="utf-8")

    release_script.release(SOLUTIONS, tmp_path)

    assert not orphan.exists()
    assert unrelated.exists()


@pytest.mark.parametrize("solution_path", SOLUTION_FILES, ids=_ids(SOLUTION_FILES))
def test_learner_cells_are_what_nbgrader_makes_of_them(solution_path):
    learner_path = NOTEBOOKS / solution_path.name
    assert learner_path.exists(), f"{learner_path.name} missing; run `make notebooks`"
    expected = copy.deepcopy(_read(solution_path))
    resources = {}
    for preprocessor in (ClearSolutions(), ClearHiddenTests()):
        expected, resources = preprocessor.preprocess(expected, resources)
    learner = _read(learner_path)

    assert [c.get("id") for c in learner.cells] == [c.get("id") for c in expected.cells]
    for index, (got, want) in enumerate(zip(learner.cells, expected.cells)):
        where = f"{learner_path.name}, cell {index} (id {want.get('id')})"
        assert got.cell_type == want.cell_type, where
        assert got.source == want.source, f"{where}: source differs from nbgrader's"
        assert _nbgrader(got) == _nbgrader(want), f"{where}: nbgrader metadata differs"


def test_no_answer_or_hidden_test_appears_in_the_learner_notebooks():
    secrets, visible = {}, set()
    for path in SOLUTION_FILES:
        for cell in _read(path).cells:
            visible |= _visible_lines(cell.source)
            for kind, line in _secret_lines(cell.source):
                secrets.setdefault(line, f"{path.name} ({kind})")
    # A line the solutions also show outside any region (a blank line, `return
    # theta` in a worked example) gives nothing away.
    secrets = {line: where for line, where in secrets.items()
               if line not in visible and re.search(r"\w", line)}
    markers = [marker for pair in REGIONS.values() for marker in pair]

    leaks = []
    for path in LEARNER_FILES:
        nb = _read(path)
        for index, cell in enumerate(nb.cells):
            outputs = cell.get("outputs", [])
            texts = [cell.source] + [_output_text(out) for out in outputs]
            for text in texts:
                for line in text.splitlines():
                    stripped = line.strip()
                    if stripped in secrets:
                        leaks.append(f"{path.name} cell {index}: {stripped!r} "
                                     f"from {secrets[stripped]}")
                    if any(marker in stripped for marker in markers):
                        leaks.append(f"{path.name} cell {index}: marker {stripped!r}")
    assert not leaks, "answers or hidden tests in notebooks/:\n" + "\n".join(leaks)


def _output_text(output):
    parts = [output.get("text", ""), output.get("evalue", "")]
    parts += [str(value) for value in output.get("data", {}).values()]
    return "\n".join(parts)


@pytest.mark.parametrize(
    "path", SOLUTION_FILES + LEARNER_FILES,
    ids=[f"{p.parent.name}/{p.name}" for p in SOLUTION_FILES + LEARNER_FILES],
)
def test_committed_notebook_has_no_run_state(path):
    nb = _read(path)
    assert nb.nbformat == 4 and nb.nbformat_minor >= 5, (
        f"{path.name}: nbformat {nb.nbformat}.{nb.nbformat_minor}; cell ids need 4.5+"
    )
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", (
        f"{path.name}: kernelspec must be python3"
    )
    assert "widgets" not in nb.metadata, f"{path.name}: saved widget state"
    for index, cell in enumerate(nb.cells):
        where = f"{path.name}, cell {index}"
        assert cell.get("id"), f"{where}: no cell id"
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{where}: has outputs (clear them)"
            assert cell.execution_count is None, f"{where}: has an execution count"


def test_exercise_ids_are_unique_across_the_course():
    grade_ids = Counter()
    for path in SOLUTION_FILES:
        for cell in _read(path).cells:
            if "grade_id" in _nbgrader(cell):
                grade_ids[_nbgrader(cell)["grade_id"]] += 1
    duplicates = sorted(grade_id for grade_id, n in grade_ids.items() if n > 1)
    assert not duplicates, f"grade_id used more than once: {duplicates}"


@pytest.mark.parametrize("path", SOLUTION_FILES, ids=_ids(SOLUTION_FILES))
def test_nbgrader_metadata_is_well_formed(path):
    problems = []
    for index, cell in enumerate(_read(path).cells):
        if TAG in cell.metadata.get("tags", []):
            problems.append(f"cell {index}: solutions carry no {TAG!r} tag "
                            "(the release adds it to the learner's copy)")
        meta = _nbgrader(cell)
        if not meta:
            if any(map(_marker, cell.source.splitlines())):
                problems.append(f"cell {index}: region markers in a cell without "
                                "nbgrader metadata")
            continue
        where = f"cell {index} ({meta.get('grade_id', 'no grade_id')})"
        problems += [f"{where}: {p}" for p in _metadata_problems(cell, meta)]
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def _metadata_problems(cell, meta):
    if not meta.get("grade_id"):
        yield "no grade_id"
    if meta.get("schema_version") != 3:
        yield f"schema_version must be 3, got {meta.get('schema_version')!r}"
    if meta.get("grade"):
        points = meta.get("points")
        is_number = isinstance(points, (int, float)) and not isinstance(points, bool)
        if not is_number or points <= 0:
            yield f"check cell needs positive points, got {points!r}"
        if not meta.get("locked"):
            yield "check cell must be locked"
    if meta.get("solution") and cell.cell_type == "code":
        yield from _region_problems(cell.source, "solution", required=True)
    if not meta.get("grade") and REGIONS["hidden tests"][0] in cell.source:
        yield "hidden tests in a cell that is not a check cell"
    yield from _region_problems(cell.source, "hidden tests", required=False)


def _region_problems(source, kind, required):
    marks = [m[1] for m in map(_marker, source.splitlines()) if m and m[0] == kind]
    if not marks:
        if required:
            yield f"no {REGIONS[kind][0]} / {REGIONS[kind][1]} markers"
    elif marks != ["begin", "end"] * (len(marks) // 2) or len(marks) % 2:
        yield f"{kind} markers unbalanced or out of order: {marks}"


@pytest.mark.parametrize("path", LEARNER_FILES, ids=_ids(LEARNER_FILES))
def test_only_exercise_and_check_cells_may_raise_in_the_learner_copy(path):
    for index, cell in enumerate(_read(path).cells):
        tagged = TAG in cell.metadata.get("tags", [])
        should = _is_exercise(cell) or _is_check(cell)
        assert tagged == should, (
            f"{path.name}, cell {index}: tag {TAG!r} "
            f"{'missing' if should else 'not expected'}"
        )
