"""Typical wrong answers and differently written right answers, per exercise.

One module per notebook (``nb01.py`` ...). Each defines ``WRONG`` and ``RIGHT``:
dicts from an exercise id (the ``grade_id`` of the notebook's solution cell) to
dicts from a short description to the source code a learner might put in that
cell. Every wrong answer must be rejected by the exercise's check, and every
right one accepted by the check and by the hidden tests.
"""

import importlib
import pkgutil


def load():
    """Return {exercise id: {"wrong": {...}, "right": {...}}} over all notebooks."""
    catalogue = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for kind in ("WRONG", "RIGHT"):
            for exercise, answers in getattr(module, kind).items():
                entry = catalogue.setdefault(exercise, {"wrong": {}, "right": {}})
                entry[kind.lower()].update(answers)
    return catalogue
