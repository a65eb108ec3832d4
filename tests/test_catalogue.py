"""Every check rejects the typical wrong answers and accepts other right ones."""

import catalogue
import numpy as np
import pytest
from course import all_exercises, source, visible_part

import gdlib as gd

CATALOGUE = catalogue.load()
EXERCISES = all_exercises()


def _run_cell(answer, check_code):
    namespace = {"np": np, "gd": gd}
    exec(compile(answer, "<answer>", "exec"), namespace)
    exec(compile(check_code, "<check cell>", "exec"), namespace)


def _cases(kind):
    for exercise, entry in sorted(CATALOGUE.items()):
        for name, answer in sorted(entry[kind].items()):
            yield pytest.param(exercise, answer, id=f"{exercise}-{name}")


def test_every_exercise_has_a_check_and_a_catalogue():
    assert EXERCISES, "no exercises found in solutions/"
    for exercise, (path, _solution, check) in EXERCISES.items():
        assert check is not None, f"{path.name}: no check_{exercise} cell"
        assert exercise in gd.checks.EXERCISES, f"{exercise} not in gd.checks.EXERCISES"
        entry = CATALOGUE.get(exercise, {"wrong": {}, "right": {}})
        assert len(entry["wrong"]) >= 3, f"{exercise}: fewer than 3 wrong answers"
        assert len(entry["right"]) >= 2, f"{exercise}: fewer than 2 right answers"


@pytest.mark.parametrize(("exercise", "answer"), list(_cases("wrong")))
def test_check_rejects_wrong_answer(exercise, answer):
    _path, _solution, check = EXERCISES[exercise]
    with pytest.raises(AssertionError):
        _run_cell(answer, visible_part(source(check)))


@pytest.mark.parametrize(("exercise", "answer"), list(_cases("right")))
def test_check_and_hidden_tests_accept_right_answer(exercise, answer, capsys):
    _path, _solution, check = EXERCISES[exercise]
    _run_cell(answer, source(check))
    assert "checks passed" in capsys.readouterr().out


@pytest.mark.parametrize("exercise", sorted(EXERCISES))
def test_reference_solution_passes(exercise, capsys):
    _path, solution, check = EXERCISES[exercise]
    _run_cell(source(solution), source(check))
    assert "checks passed" in capsys.readouterr().out
