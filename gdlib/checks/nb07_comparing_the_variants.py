"""Checks for notebook 07, comparing the variants."""

import numbers
import warnings

import numpy as np

from ..core import DivergenceWarning
from ..data import add_intercept, make_line
from ..loops import minibatch_gradient_descent
from ..objectives import LinearRegression
from ._common import Check

#: The exercise's problem: 200 points around y = 2 + x, the feature centred.
N_SAMPLES = 200
#: Gradient evaluations allowed: two passes over the data.
BUDGET = 400
#: The target is the least-squares loss plus this fraction of it.
TOLERANCE = 0.05
#: (data seed, shuffle seed): the notebook's own problem first, then other draws.
CASES = [(7, 0), (101, 1), (202, 2), (303, 3), (404, 4)]


def comparison_problem(seed):
    """The exercise's data and target: X with ones, y, and 1.05 × the best loss.

    The best loss is the least-squares one, found with ``numpy.linalg.lstsq``,
    independently of gradient descent.
    """
    X, y = make_line(N_SAMPLES, slope=1.0, intercept=2.0, noise=1.0, rng=seed)
    X = add_intercept(X - X.mean())
    best = np.linalg.lstsq(X, y, rcond=None)[0]
    best_loss = float(np.mean((X @ best - y) ** 2) / 2)
    return X, y, (1 + TOLERANCE) * best_loss


def check_choose_settings(choose_settings, *, quiet=False):
    """Check that ``choose_settings()`` gives mini-batch settings that reach the target.

    The settings must be a dict with a positive ``learning_rate`` and an
    integer ``batch_size`` in [1, 200]. With them, mini-batch descent from
    θ = (0, 0) must bring the loss, measured after each pass, to within 5 % of
    the least-squares loss within 400 gradient evaluations, on the notebook's
    problem and on other draws of the data and of the shuffling.
    """
    check = Check("choose_settings", choose_settings, quiet)
    tried = "choose_settings()"
    settings = check.call(tried=tried)
    check.expect(
        isinstance(settings, dict)
        and set(settings) == {"learning_rate", "batch_size"},
        tried=tried,
        expected='a dict with exactly the keys "learning_rate" and "batch_size"',
        got=_keys(settings),
        hint='return {"learning_rate": ..., "batch_size": ...}; the code calls the '
        "learning rate learning_rate (in scikit-learn, alpha means something else).",
    )
    rate, size = settings["learning_rate"], settings["batch_size"]
    check.expect(
        isinstance(size, numbers.Integral) and not isinstance(size, bool)
        and 1 <= size <= N_SAMPLES,
        tried=tried,
        expected=f"batch_size a whole number from 1 to {N_SAMPLES}",
        got=f"batch_size = {size!r}",
        hint=f"a batch holds between 1 and all {N_SAMPLES} examples.",
    )
    check.expect(
        isinstance(rate, numbers.Real) and not isinstance(rate, bool)
        and np.isfinite(rate) and rate > 0,
        tried=tried,
        expected="learning_rate a positive number",
        got=f"learning_rate = {rate!r}",
        hint="α is a positive step size, such as the ones on the widget's slider.",
    )
    check.ok(f"settings: learning_rate = {rate:g}, batch_size = {int(size)}")

    spent = []
    for data_seed, shuffle_seed in CASES:
        X, y, target = comparison_problem(data_seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DivergenceWarning)
            result = minibatch_gradient_descent(
                LinearRegression(), np.zeros(2), X, y, learning_rate=float(rate),
                batch_size=int(size), loss_threshold=0.0,
                max_iterations=BUDGET // N_SAMPLES, rng=shuffle_seed,
            )
        where = f"data seed {data_seed}, shuffle seed {shuffle_seed}"
        check.expect(
            result.reason != "diverged",
            tried=f"mini-batch descent with your settings ({where})",
            expected="a loss that goes down",
            got=f"divergence (the loss reached {result.loss:.3g} before blowing up)",
            hint="the learning rate is too large for this batch size; small batches "
            "give noisy gradients and need a smaller α.",
        )
        reached = np.flatnonzero(result.losses <= target)
        check.expect(
            len(reached) > 0,
            tried=f"mini-batch descent with your settings ({where})",
            expected=f"J <= {target:.4f} within {BUDGET} gradient evaluations",
            got=f"J = {result.losses.min():.4f} at best when the budget ran out",
            hint="more updates per pass (a smaller batch) or a larger α make more "
            "progress per gradient evaluation; too large an α leaves the loss "
            "bouncing above the target.",
        )
        spent.append(int(reached[0]) * N_SAMPLES)
    check.ok(f"the notebook's problem: target reached after {spent[0]} gradient "
             f"evaluations (budget {BUDGET})")
    check.ok(f"{len(CASES) - 1} other draws of data and shuffling: target reached "
             f"after at most {max(spent[1:])} evaluations")
    return check.report()


def _keys(value):
    if isinstance(value, dict):
        return f"a dict with keys {sorted(map(str, value))}"
    return f"{type(value).__name__} {value!r}"


EXERCISES = {"choose_settings": check_choose_settings}
