"""Immediate feedback for the course's exercises.

Each exercise's check cell calls one function from here with the learner's
code, for example ``gd.checks.check_update_step(update_step)``. The checks
live one module per notebook (``nb01_update_rule.py`` and so on); this package
collects them, and :data:`EXERCISES` maps each exercise's id (the nbgrader
``grade_id`` of its solution cell) to its check.
"""

import importlib
import pkgutil

from ._common import Check, CheckFailed, NotAttemptedYet

EXERCISES = {}

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
    if not _info.name.startswith("nb"):
        continue
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    for _exercise, _check in _module.EXERCISES.items():
        if _exercise in EXERCISES:
            raise RuntimeError(f"exercise id {_exercise!r} is defined twice")
        EXERCISES[_exercise] = _check
        globals()[_check.__name__] = _check

__all__ = ["EXERCISES", "Check", "CheckFailed", "NotAttemptedYet"] + sorted(
    check.__name__ for check in EXERCISES.values()
)
