"""Checks for notebook 04, stochastic gradient descent."""

import numpy as np

from ._common import Check


def _one_row_gradient(theta, X_rows, y_rows):
    """Mean squared-error gradient of the rows given (one row may come as 1-D)."""
    X_rows, y_rows = np.atleast_2d(X_rows), np.atleast_1d(y_rows)
    return X_rows.T @ (X_rows @ theta - y_rows) / len(y_rows)


class _Recorder:
    """A gradient function that notes which examples it got, and at which θ."""

    def __init__(self, X, y):
        self.ids = {row.tobytes(): i for i, row in enumerate(X)}
        self.y = y.copy()
        self.calls = []
        self.targets_match = True

    def __call__(self, theta, X_rows, y_rows):
        rows = np.atleast_2d(np.asarray(X_rows, dtype=float))
        ids = [self.ids.get(row.tobytes(), -1) for row in rows]
        targets = np.atleast_1d(np.asarray(y_rows, dtype=float))
        if len(targets) != len(ids) or not np.array_equal(targets, self.y[ids]):
            self.targets_match = False
        self.calls.append((ids, np.array(theta, dtype=float)))
        return _one_row_gradient(np.asarray(theta, dtype=float), X_rows, y_rows)


def _plain_epoch(theta, X, y, learning_rate, rng):
    """The reference: one pass in rng.permutation's order, one example per step."""
    order = rng.permutation(len(y))
    thetas = [theta.copy()]
    for i in order:
        gradient = _one_row_gradient(theta, X[i : i + 1], y[i : i + 1])
        theta = theta - learning_rate * gradient
        thetas.append(theta)
    return order, thetas


def _case(m, d, seed):
    data = np.random.default_rng(seed)
    X = np.column_stack([np.ones(m), data.normal(size=(m, d - 1))])
    y = X @ data.normal(size=d) + 0.3 * data.normal(size=m)
    return X, y, data.normal(size=d), float(data.uniform(0.02, 0.2))


def check_sgd_epoch(sgd_epoch, *, quiet=False):
    """Check ``sgd_epoch(theta, X, y, gradient, learning_rate, rng)``: one SGD epoch.

    Tries several data sets with a gradient function that records what it was
    given, and compares with a plain restatement that draws the order with
    ``rng.permutation`` from a generator in the same state.
    """
    check = Check("sgd_epoch", sgd_epoch, quiet)
    for m, d, seed in [(7, 2, 41), (12, 3, 42), (9, 2, 43)]:
        X, y, theta, rate = _case(m, d, seed)
        _check_one(check, X, y, theta, rate, seed)
    check.ok("one example per gradient call, every example exactly once per epoch")
    check.ok("theta, X and y left unchanged")
    check.ok("a new order each epoch from rng.permutation, with the rng passed in")
    check.ok("each gradient taken at the current θ; θ matches a plain restatement")
    return check.report()


def _check_one(check, X, y, theta, rate, seed):
    m = len(y)
    before = [theta.copy(), X.copy(), y.copy()]
    recorder = _Recorder(X, y)
    tried = (f"sgd_epoch(theta of shape {theta.shape}, X of shape {X.shape}, y, "
             f"gradient, {rate:.3f}, np.random.default_rng({seed}))")
    got = check.call(theta, X, y, recorder, rate, np.random.default_rng(seed),
                     tried=tried)
    order, thetas = _plain_epoch(before[0], before[1], before[2], rate,
                                 np.random.default_rng(seed))
    seen = [ids for ids, _ in recorder.calls]

    check.expect(
        bool(seen), tried=tried, expected="calls to the gradient function passed in",
        got="no calls",
        hint="compute each example's gradient with gradient(theta, X_rows, y_rows), "
        "the function given as an argument.",
    )
    check.expect(
        all(len(ids) == 1 for ids in seen), tried=tried,
        expected="gradient called with one example at a time",
        got=f"calls with {sorted({len(ids) for ids in seen})} examples",
        hint="stochastic descent updates θ after every single example: pass one "
        "row of X and the matching entry of y to gradient.",
    )
    visited = [ids[0] for ids in seen]
    check.expect(
        sorted(visited) == list(range(m)), tried=tried,
        expected=f"each of the {m} examples used exactly once",
        got=f"{len(visited)} gradient calls covering {len(set(visited))} examples",
        hint="visit the examples in a shuffled order without repeats (a permutation "
        "of 0..m-1), not by drawing each index at random.",
    )
    check.expect(
        all(np.array_equal(a, b) for a, b in zip([theta, X, y], before)), tried=tried,
        expected="theta, X and y unchanged after the call", got="an input was modified",
        hint="build new arrays (theta = theta - ...) rather than updating with -= or "
        "shuffling X and y in place.",
    )
    check.expect(
        recorder.targets_match, tried=tried,
        expected="each row of X passed with its own entry of y",
        got="rows of X paired with other rows' targets",
        hint="shuffle the order of the indices, and pick X and y with the same index.",
    )
    check.expect(
        visited != list(range(m)), tried=tried,
        expected="the examples in a shuffled order", got="the order 0, 1, 2, ...",
        hint="draw a fresh order every epoch from rng; data often arrive sorted.",
    )
    check.expect(
        visited == order.tolist(), tried=tried,
        expected=f"the order rng.permutation({m}) gives: {order.tolist()}",
        got=visited,
        hint="draw the order once, at the start of the epoch, with "
        "rng.permutation(len(y)) on the rng passed in (not np.random or a new "
        "generator).",
    )
    _check_steps(check, recorder, got, before, rate, tried)
    check.expect_close(
        got, thetas[-1], tried=tried,
        hint="subtract the learning rate times each example's gradient, and return "
        "θ after the last example.",
    )


def _check_steps(check, recorder, got, before, rate, tried):
    """Each gradient call's θ must follow from the previous call's by one step."""
    X, y = before[1], before[2]
    at = [theta_at for _, theta_at in recorder.calls]
    check.expect(
        np.allclose(at[0], before[0], rtol=1e-12, atol=1e-12), tried=tried,
        expected=f"the first gradient taken at the theta given, {before[0]}",
        got=at[0], hint="start the epoch from the theta passed in.",
    )
    try:
        after = at[1:] + [np.asarray(got, dtype=float).reshape(at[0].shape)]
    except (TypeError, ValueError):
        return  # a malformed result is reported by the final comparison
    for (ids, theta), new in zip(recorder.calls, after):
        step = rate * _one_row_gradient(theta, X[ids], y[ids])
        if np.allclose(new, theta - step, rtol=1e-9, atol=1e-12):
            continue
        uphill = np.allclose(new, theta + step, rtol=1e-9, atol=1e-12)
        same = np.allclose(new, theta, rtol=1e-12, atol=1e-12)
        check.expect(
            False, tried=tried,
            expected="after each example, θ − α·gradient, and the next gradient "
            "taken there",
            got="θ moved up the gradient" if uphill else
            "the next gradient taken at the same θ" if same else
            "another change of θ between two examples",
            hint="descent steps against the gradient: subtract it." if uphill else
            "update θ right after each example, and take the next gradient at the "
            "new θ." if same else
            "each update is the learning rate times that one example's gradient.",
        )


EXERCISES = {"sgd_epoch": check_sgd_epoch}
