"""What every exercise check shares: calling the learner's code, reporting, failing.

A check calls the learner's function on several cases, compares each answer with
an independent reference computed here, and prints one line per property that
held. On the first property that fails it raises :class:`CheckFailed`, whose
message says what was tried, what was expected, what came back, and a hint.
A function that still raises ``NotImplementedError`` gives :class:`NotAttemptedYet`.
Both are shown in a notebook as a short message, not as a traceback.
"""

import numpy as np


class _ShortMessage:
    """Mixin: IPython shows these exceptions as their message alone."""

    def _render_traceback_(self):
        return [f"{type(self).__name__}: {line}" if i == 0 else line
                for i, line in enumerate(str(self).splitlines())]


class NotAttemptedYet(_ShortMessage, NotImplementedError):
    """The exercise still holds its placeholder."""


class CheckFailed(_ShortMessage, AssertionError):
    """The learner's answer was tried and found wrong."""


def _format(value):
    if isinstance(value, np.ndarray):
        return np.array2string(np.round(value, 6), separator=", ", threshold=12)
    if isinstance(value, float):
        return f"{value:.6g}"
    return repr(value)


class Check:
    """One run of one exercise's check: call the learner's code, record, report.

    Parameters
    ----------
    name : str
        The learner's function name, as written in the exercise.
    function : callable
        The learner's function.
    quiet : bool, default=False
        Do not print the success lines (used by the tests).
    """

    def __init__(self, name, function, quiet=False):
        if not callable(function):
            raise CheckFailed(
                f"{name} must be a function; got {type(function).__name__}.\n"
                f"Hint: run the cell that defines {name} before this one."
            )
        self.name, self.function, self.quiet = name, function, quiet
        self.passed = []

    def call(self, *args, tried, **kwargs):
        """Call the learner's function; ``tried`` describes the call for messages."""
        try:
            return self.function(*args, **kwargs)
        except NotImplementedError:
            raise NotAttemptedYet(
                f"{self.name} is not attempted yet.\n"
                f"Replace `raise NotImplementedError()` in the cell above with your "
                f"code, run that cell, then run this one again."
            ) from None
        except Exception as error:
            raise CheckFailed(
                f"{self.name} raised {type(error).__name__}: {error}\n"
                f"  tried:    {tried}\n"
                "Hint: check the shapes of the arrays you combine, and that you "
                "use only the arguments given."
            ) from None

    def expect(self, ok, *, tried, expected, got, hint):
        """Fail with a full explanation unless ``ok``."""
        if not ok:
            raise CheckFailed(
                f"{self.name} gave a wrong answer.\n"
                f"  tried:    {tried}\n"
                f"  expected: {_format(expected)}\n"
                f"  got:      {_format(got)}\n"
                f"Hint: {hint}"
            )

    def expect_close(self, got, expected, *, tried, hint, rtol=1e-6, atol=1e-9):
        """Fail unless ``got`` has ``expected``'s shape and values (to rounding)."""
        shape_ok = np.shape(got) == np.shape(expected)
        self.expect(
            shape_ok,
            tried=tried,
            expected=f"a result of shape {np.shape(expected)}",
            got=f"shape {np.shape(got)}",
            hint="return one value per entry of theta, with the same shape.",
        )
        try:
            close = bool(np.allclose(np.asarray(got, dtype=float), expected,
                                     rtol=rtol, atol=atol))
        except (TypeError, ValueError):
            close = False
        self.expect(close, tried=tried, expected=expected, got=got, hint=hint)

    def ok(self, message):
        """Record a property that held."""
        self.passed.append(message)

    def report(self):
        """Print one line per property that held, then a summary; return True."""
        if not self.quiet:
            for message in self.passed:
                print(f"  ✓ {message}")
            print(f"{self.name}: all {len(self.passed)} checks passed.")
        return True
