"""Checks for notebook 08, debugging gradient descent.

Each exercise repairs one broken loop. Its check runs the repaired function on
fresh cases, compares the answer with a reference computed here another way (a
closed form wherever there is one), and then tests the property the bug broke.
"""

import numpy as np

from ._common import Check


def _kind(value):
    """A short description of what came back, for failure messages."""
    if not hasattr(value, "__len__"):
        return type(value).__name__
    try:
        return f"{type(value).__name__} of shape {np.shape(value)}"
    except ValueError:  # ragged, such as a pair (theta, rates)
        return f"{type(value).__name__} of length {len(value)}"


def _pair(check, got, tried, names):
    """Unpack an answer that must be a pair such as ``(theta, rates)``."""
    check.expect(
        isinstance(got, (tuple, list)) and len(got) == 2,
        tried=tried, expected=f"a pair ({names})", got=_kind(got),
        hint=f"end the function with `return {names}`, as the broken one does.",
    )
    return got


def _floats(check, value, tried, what):
    """The answer as a float array, or a failure naming what could not be read."""
    check.expect(
        value is not None, tried=tried, expected=f"{what} as numbers", got=None,
        hint="the function returned nothing: end it with a return statement.",
    )
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        check.expect(
            False, tried=tried, expected=f"{what} as numbers", got=_kind(value),
            hint=f"return {what} as a number or an array of numbers.",
        )


def _line_data(rng, n_samples):
    """A design matrix with a column of ones, and targets near y = 1 + 2x."""
    x = rng.uniform(0.0, 5.0, size=n_samples)
    X = np.column_stack([np.ones(n_samples), x])
    return X, 1.0 + 2.0 * x + rng.normal(size=n_samples)


def _bowl_gradient(curvature, minimum):
    """∂J/∂θ of J(θ) = ½ (θ − minimum)ᵀ curvature (θ − minimum), as a function of θ.

    ``curvature`` is a number for a parabola, or a symmetric matrix for a bowl.
    """

    def gradient(theta):
        return np.dot(curvature, theta - minimum)

    return gradient


def _descent_closed_form(hessian, minimum, theta0, learning_rate, n_steps):
    """θ_k = θ* + (I − αH)^k (θ₀ − θ*) for k = 0..n_steps, on a quadratic cost."""
    contraction = np.eye(len(minimum)) - learning_rate * hessian
    offset = np.asarray(theta0, dtype=float) - minimum
    path = []
    for _ in range(n_steps + 1):
        path.append(minimum + offset)
        offset = contraction @ offset
    return np.array(path)


def _indices(order):
    """The first few indices of an order, as whole numbers."""
    return " ".join(str(int(i)) for i in order[:8]) + " ..."


def _short(array):
    return np.array2string(np.round(np.asarray(array, dtype=float), 3), separator=", ")


# Exercise 1: the wrong sign.


def check_fix_sign(fixed_descent, *, quiet=False):
    """Check ``fixed_descent(gradient, theta0, learning_rate, n_steps)``.

    It must return every θ visited by gradient descent, the start included.
    Compared with the closed form of descent on quadratics, in 1-D and 2-D,
    from both sides of the minimum.
    """
    check = Check("fixed_descent", fixed_descent, quiet)
    rng = np.random.default_rng(81)
    hint = ("after each step J must be lower; if it grows, θ is moving up the slope. "
            "Each step also needs the gradient at the current θ.")

    for side in (1.0, -1.0):
        curvature = float(rng.uniform(0.5, 4.0))
        minimum = float(rng.normal())
        theta0 = minimum + side * float(rng.uniform(1.0, 3.0))
        rate = float(rng.uniform(0.05, 0.4)) / curvature
        cost = f"J(θ) = {curvature / 2:.3g}(θ − {minimum:.3g})²"
        tried = (f"fixed_descent(gradient of {cost}, theta0={theta0:.3g}, "
                 f"learning_rate={rate:.3g}, n_steps=6)")
        gradient = _bowl_gradient(curvature, minimum)
        got = check.call(gradient, theta0, rate, 6, tried=tried)
        got = _floats(check, got, tried, "the path")
        expected = minimum + (1 - rate * curvature) ** np.arange(7) * (theta0 - minimum)
        check.expect_close(got, expected, tried=tried, hint=hint)
        cost = curvature / 2 * (got - minimum) ** 2
        check.expect(
            np.all(np.diff(cost) < 0), tried=tried, expected="J lower after every step",
            got=cost, hint=hint,
        )
    check.ok("1-D: J falls at every step, starting left or right of the minimum")

    hessian = np.array([[3.0, 1.0], [1.0, 2.0]])
    for _ in range(2):
        minimum, theta0 = rng.normal(size=2), rng.normal(size=2) * 3
        theta0_before = theta0.copy()
        tried = (f"fixed_descent(gradient of a 2-D bowl with minimum "
                 f"{_short(minimum)}, theta0={_short(theta0)}, learning_rate=0.2, "
                 "n_steps=8)")
        got = check.call(_bowl_gradient(hessian, minimum), theta0, 0.2, 8, tried=tried)
        got = _floats(check, got, tried, "the path")
        check.expect(
            np.array_equal(theta0, theta0_before), tried=tried,
            expected=f"theta0 unchanged, {_short(theta0_before)}", got=theta0,
            hint="work on a copy of theta0, not on the caller's array.",
        )
        expected = _descent_closed_form(hessian, minimum, theta0_before, 0.2, 8)
        check.expect_close(
            got, expected, tried=tried,
            hint=hint + " The path holds one row per θ, start included: shape (9, 2).",
        )
    check.ok("2-D: every entry of θ steps downhill; theta0 is left unchanged")

    tried = "fixed_descent(gradient, theta0=2.0, learning_rate=0.1, n_steps=0)"
    got = _floats(check, check.call(lambda t: 2 * t, 2.0, 0.1, 0, tried=tried), tried,
                  "the path")
    check.expect_close(got, np.array([2.0]), tried=tried,
                       hint="with no steps the path is just the start.")
    check.ok("the path starts at theta0 and has n_steps + 1 entries")
    return check.report()


# Exercise 2: the gradient summed instead of averaged.


def _minibatch_epoch_reference(X, y, theta, learning_rate, batch_size):
    """One pass in the given order, averaging per-example gradients one by one."""
    theta = np.array(theta, dtype=float)
    for start in range(0, len(y), batch_size):
        rows = range(start, min(start + batch_size, len(y)))
        total = np.zeros_like(theta)
        for i in rows:
            total += (X[i] @ theta - y[i]) * X[i]
        theta = theta - learning_rate * total / len(rows)
    return theta


def check_fix_mean_gradient(fixed_minibatch_epoch, *, quiet=False):
    """Check ``fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size)``.

    One pass over the rows in the order given, one update per batch with the
    mean gradient of the batch (the last batch may be shorter). Compared with a
    per-example restatement, then run at batch sizes 10 and 100 with one α.
    """
    check = Check("fixed_minibatch_epoch", fixed_minibatch_epoch, quiet)
    rng = np.random.default_rng(82)
    hint = ("each update should use the average gradient of its batch, so that its "
            "size does not depend on how many examples the batch holds.")

    def run_case(n_samples, batch_size, rate=0.02):
        X, y = _line_data(rng, n_samples)
        theta = rng.normal(size=2)
        theta_before = theta.copy()
        tried = (f"fixed_minibatch_epoch(X of shape {X.shape}, y, "
                 f"theta={_short(theta)}, learning_rate={rate}, "
                 f"batch_size={batch_size})")
        got = _floats(check, check.call(X, y, theta, rate, batch_size, tried=tried),
                      tried, "theta")
        check.expect(
            np.array_equal(theta, theta_before), tried=tried,
            expected=f"theta unchanged, {_short(theta_before)}", got=theta,
            hint="return a new θ; do not update the caller's array in place.",
        )
        return X, y, theta_before, rate, tried, got

    X, y, theta, rate, tried, got = run_case(12, 12)
    check.expect_close(got, theta - rate * X.T @ (X @ theta - y) / len(y), tried=tried,
                       hint=hint)
    check.ok("a batch of all m examples makes one step with the mean gradient")

    for n_samples, batch_size in [(12, 4), (9, 1), (12, 3)]:
        X, y, theta, rate, tried, got = run_case(n_samples, batch_size)
        expected = _minibatch_epoch_reference(X, y, theta, rate, batch_size)
        check.expect_close(got, expected, tried=tried, hint=hint)
    check.ok("batches of 1, 3 and 4: one mean-gradient update per batch, in order")

    X, y, theta, rate, tried, got = run_case(10, 4)
    expected = _minibatch_epoch_reference(X, y, theta, rate, 4)
    check.expect_close(
        got, expected, tried=tried,
        hint="10 examples in batches of 4 make batches of 4, 4 and 2: use every "
        "example, and average each batch over the examples it really holds.",
    )
    check.ok("the last, shorter batch is used and averaged over its own size")

    X, y = _line_data(rng, 200)
    best = np.linalg.lstsq(X, y, rcond=None)[0]
    best_loss = np.mean((X @ best - y) ** 2) / 2
    for batch_size in (10, 100):
        theta = np.zeros(2)
        tried = (f"50 epochs of fixed_minibatch_epoch on 200 examples, "
                 f"learning_rate=0.1, batch_size={batch_size}")
        with np.errstate(all="ignore"):
            for _ in range(50):
                theta = _floats(check, check.call(X, y, theta, 0.1, batch_size,
                                                  tried=tried), tried, "theta")
            loss = float(np.mean((X @ theta - y) ** 2) / 2)
        check.expect(
            np.isfinite(loss) and loss < 1.1 * best_loss, tried=tried,
            expected=f"a loss near the least-squares loss {best_loss:.4g}", got=loss,
            hint=hint,
        )
    check.ok("α = 0.1 works at batch sizes 10 and 100 alike")
    return check.report()


# Exercise 3: a schedule that restarts every epoch.


def _sgd_reference(X, y, theta0, schedule, n_epochs, rng):
    """Stochastic descent with the update count t kept across epochs."""
    theta, t = np.array(theta0, dtype=float), 0
    for _ in range(n_epochs):
        for i in rng.permutation(len(y)):
            theta = theta - schedule(t) * (X[i] @ theta - y[i]) * X[i]
            t += 1
    return theta


def check_fix_schedule(fixed_sgd, *, quiet=False):
    """Check ``fixed_sgd(X, y, theta0, schedule, n_epochs, rng)`` → ``(theta, rates)``.

    The learning rate of update t (counted from 0 over all epochs) must be
    ``schedule(t)``; the examples are visited as in the broken loop, one
    ``rng.permutation`` per epoch. Tried with a smooth and a step schedule.
    """
    check = Check("fixed_sgd", fixed_sgd, quiet)
    rng = np.random.default_rng(83)
    cases = [  # schedule, its formula, m, epochs, seed
        (lambda t: 0.1 / (1 + t / 4), "α(t) = 0.1 / (1 + t/4)", 6, 3, 11),
        (lambda t: 0.05 if t < 10 else 0.01, "α(t) = 0.05 for t < 10, then 0.01",
         5, 4, 12),
    ]
    for schedule, name, n_samples, n_epochs, seed in cases:
        X, y = _line_data(rng, n_samples)
        theta0 = rng.normal(size=2)
        theta0_before = theta0.copy()
        tried = (f"fixed_sgd(X of shape {X.shape}, y, theta0={_short(theta0)}, "
                 f"schedule {name}, n_epochs={n_epochs}, "
                 f"rng=np.random.default_rng({seed}))")
        got = check.call(X, y, theta0, schedule, n_epochs, np.random.default_rng(seed),
                         tried=tried)
        theta, rates = _pair(check, got, tried, "theta, rates")
        rates = _floats(check, rates, tried, "the rates")
        total = n_samples * n_epochs
        expected_rates = np.array([schedule(t) for t in range(total)])
        check.expect_close(
            rates, expected_rates, tried=tried,
            hint=f"{n_epochs} epochs of {n_samples} examples make {total} updates; "
            "the schedule's t counts them all, and a new epoch is not a new start.",
        )
        expected = _sgd_reference(X, y, theta0_before, schedule, n_epochs,
                                  np.random.default_rng(seed))
        check.expect_close(
            _floats(check, theta, tried, "theta"), expected, tried=tried,
            hint="use the rate you record for the update itself, and keep the rest of "
            "broken_sgd as it was (one rng.permutation(len(y)) per epoch).",
        )
        check.expect(
            np.array_equal(theta0, theta0_before), tried=tried,
            expected=f"theta0 unchanged, {_short(theta0_before)}", got=theta0,
            hint="work on a copy of theta0.",
        )
    check.ok("the rate of update t is schedule(t), t counted across epochs")
    check.ok("θ matches stochastic descent with that schedule; theta0 unchanged")

    tried = "fixed_sgd on a single example for 3 epochs, α(t) = 0.1 / (1 + t)"
    got = check.call(np.array([[1.0, 2.0]]), np.array([3.0]), np.zeros(2),
                     lambda t: 0.1 / (1 + t), 3, np.random.default_rng(0), tried=tried)
    _theta, rates = _pair(check, got, tried, "theta, rates")
    rates = _floats(check, rates, tried, "the rates")
    check.expect_close(rates, np.array([0.1, 0.05, 0.1 / 3]), tried=tried,
                       hint="with one example, every epoch is a single update.")
    check.ok("the rate keeps decaying from one epoch to the next")
    return check.report()


# Exercise 4: sampling with replacement where the text says shuffle.


def check_fix_shuffle(fixed_sgd_epoch, *, quiet=False):
    """Check ``fixed_sgd_epoch(X, y, theta, learning_rate, rng)`` → (theta, visited).

    ``visited`` must be a random order of all the examples, drawn from ``rng``,
    and θ the result of one stochastic update per example in that order.
    """
    check = Check("fixed_sgd_epoch", fixed_sgd_epoch, quiet)
    rng = np.random.default_rng(84)

    def run_case(n_samples, seed, rate=0.02):
        X, y = _line_data(rng, n_samples)
        theta = rng.normal(size=2)
        theta_before = theta.copy()
        tried = (f"fixed_sgd_epoch(X of shape {X.shape}, y, theta={_short(theta)}, "
                 f"learning_rate={rate}, rng=np.random.default_rng({seed}))")
        got = check.call(X, y, theta, rate, np.random.default_rng(seed), tried=tried)
        new_theta, visited = _pair(check, got, tried, "theta, visited")
        visited = _floats(check, visited, tried, "the visited indices")
        check.expect(
            visited.shape == (n_samples,)
            and np.array_equal(np.sort(visited), np.arange(n_samples)),
            tried=tried, expected=f"each of the {n_samples} indices exactly once",
            got=f"{len(np.unique(visited))} distinct indices in {visited.size} visits",
            hint="an epoch visits every example once; count how often each index "
            "appears (np.bincount) to see what your order does.",
        )
        check.expect(
            np.array_equal(theta, theta_before), tried=tried,
            expected=f"theta unchanged, {_short(theta_before)}", got=theta,
            hint="return a new θ; do not update the caller's array in place.",
        )
        return X, y, theta_before, rate, tried, new_theta, visited.astype(int)

    for n_samples, seed in [(1, 0), (7, 1), (40, 2)]:
        X, y, theta, rate, tried, new_theta, visited = run_case(n_samples, seed)
        expected = theta.copy()
        for i in visited:
            expected = expected - rate * (X[i] @ expected - y[i]) * X[i]
        check.expect_close(
            _floats(check, new_theta, tried, "theta"), expected, tried=tried,
            hint="update θ once per example, in the order you return as visited.",
        )
    check.ok("every example is visited exactly once per epoch")
    check.ok("θ is one stochastic update per example, in the order visited")

    orders = [run_case(40, seed)[-1] for seed in (3, 4, 5)]
    check.expect(
        not any(np.array_equal(order, np.arange(40)) for order in orders)
        and not np.array_equal(orders[0], orders[1]),
        tried="fixed_sgd_epoch on 40 examples with seeds 3, 4 and 5",
        expected="a different random order for each seed",
        got=" | ".join(_indices(order) for order in orders),
        hint="the order must be shuffled, using the generator passed as rng.",
    )
    check.ok("the order is shuffled, and differs from seed to seed")

    again = [run_case(40, 6)[-1] for _ in range(2)]
    check.expect(
        np.array_equal(*again),
        tried="fixed_sgd_epoch twice, each time with rng=np.random.default_rng(6)",
        expected="the same order both times",
        got=" | ".join(_indices(order) for order in again),
        hint="draw the order from the rng argument, not from np.random, so that a "
        "seed makes the run repeatable.",
    )
    check.ok("the order comes from rng: the same seed gives the same epoch")
    return check.report()


# Exercise 5: an in-place update that corrupts the stored path.


def check_fix_inplace(fixed_regression_path, *, quiet=False):
    """Check ``fixed_regression_path(X, y, theta0, learning_rate, n_steps)``.

    It must return n_steps + 1 parameter vectors, each the θ of its own step of
    batch descent on the mean squared error, none sharing memory with another
    or with the caller's theta0.
    """
    check = Check("fixed_regression_path", fixed_regression_path, quiet)
    rng = np.random.default_rng(85)

    for n_features, n_steps in [(2, 5), (3, 12)]:
        X = np.column_stack([np.ones(20), rng.normal(size=(20, n_features - 1))])
        y = X @ rng.normal(size=n_features) + 0.3 * rng.normal(size=20)
        theta0 = rng.normal(size=n_features)
        theta0_before = theta0.copy()
        tried = (f"fixed_regression_path(X of shape {X.shape}, y, "
                 f"theta0={_short(theta0)}, learning_rate=0.1, n_steps={n_steps})")
        path = check.call(X, y, theta0, 0.1, n_steps, tried=tried)
        check.expect(
            hasattr(path, "__len__") and len(path) == n_steps + 1, tried=tried,
            expected=f"{n_steps + 1} parameter vectors (the start, then one per step)",
            got=_kind(path), hint="record θ once before the loop and once per step.",
        )
        rows = [_floats(check, row, tried, "each θ") for row in path]
        check.expect(
            np.array_equal(theta0, theta0_before), tried=tried,
            expected=f"theta0 unchanged, {_short(theta0_before)}", got=theta0,
            hint="the loop changed the caller's theta0: start from a copy of it.",
        )
        minimum = np.linalg.lstsq(X, y, rcond=None)[0]
        expected = _descent_closed_form(X.T @ X / len(y), minimum, theta0_before, 0.1,
                                        n_steps)
        check.expect_close(
            np.array(rows), expected, tried=tried,
            hint="print the path: if several rows are equal, they may be one array "
            "stored several times and changed in place afterwards.",
        )
        shared = [(i, j) for i in range(len(path)) for j in range(i + 1, len(path))
                  if np.shares_memory(path[i], path[j])]
        shared += [(i, "theta0") for i in range(len(path))
                   if np.shares_memory(path[i], theta0)]
        check.expect(
            not shared, tried=tried,
            expected="each recorded θ stored in its own memory",
            got=f"entries sharing memory: {shared[:4]}",
            hint="an array changed in place after it was recorded changes the "
            "record too.",
        )
    check.ok("n_steps + 1 vectors, each the θ of its own step")
    check.ok("no two recorded θ are the same array; theta0 is left unchanged")
    return check.report()


# Exercise 6: divergence from unscaled features.


def _scaled_fit_reference(X, y, learning_rate, n_steps):
    """Descent on standardized features (closed form), mapped back to X's units."""
    mean, std = X.mean(axis=0), X.std(axis=0)
    S = np.column_stack([np.ones(len(y)), (X - mean) / std])
    minimum = np.linalg.lstsq(S, y, rcond=None)[0]
    theta = _descent_closed_form(S.T @ S / len(y), minimum, np.zeros(S.shape[1]),
                                 learning_rate, n_steps)[-1]
    weights = theta[1:] / std
    return np.concatenate([[theta[0] - mean @ weights], weights])


def _badly_scaled(rng, n_samples, n_features):
    rooms = rng.integers(1, 7, size=n_samples).astype(float)
    area = 20.0 + 25.0 * rooms + rng.uniform(0.0, 40.0, size=n_samples)
    y = 50.0 + 10.0 * rooms + 2.0 * area + 10.0 * rng.normal(size=n_samples)
    X = np.column_stack([rooms, area]) if n_features == 2 else area[:, None]
    return X, y


def check_fix_scaling(fixed_fit, *, quiet=False):
    """Check ``fixed_fit(X, y, learning_rate, n_steps)`` → θ in the units of X.

    The fit must standardize the features, take n_steps of batch descent from
    θ = 0, and return (intercept, one weight per feature) for the raw features.
    """
    check = Check("fixed_fit", fixed_fit, quiet)
    rng = np.random.default_rng(86)
    hint = ("standardize each column of X, take exactly n_steps steps of descent from "
            "zeros as before, then turn the fitted θ back into an intercept and "
            "weights for the raw columns.")

    limits = []
    for n_features, rate, n_steps in [(2, 0.3, 10), (2, 0.5, 40), (1, 0.5, 5)]:
        X, y = _badly_scaled(rng, 60, n_features)
        limits.append(_limit(X))
        X_before, y_before = X.copy(), y.copy()
        tried = (f"fixed_fit(X of shape {X.shape} (rooms, area in m²), y, "
                 f"learning_rate={rate}, n_steps={n_steps})")
        got = check.call(X, y, rate, n_steps, tried=tried)
        got = _floats(check, got, tried, "theta")
        check.expect(
            np.array_equal(X, X_before) and np.array_equal(y, y_before), tried=tried,
            expected="X and y unchanged", got="the caller's data was modified",
            hint="build scaled copies instead of changing X in place.",
        )
        check.expect(
            np.all(np.isfinite(got)), tried=tried, expected="finite numbers", got=got,
            hint="the step still diverges: the features need scaling first.",
        )
        check.expect_close(got, _scaled_fit_reference(X, y, rate, n_steps), tried=tried,
                           hint=hint, rtol=1e-6, atol=1e-6)
    check.ok(f"no divergence at α = 0.5, where raw features need α < {max(limits):.1e}")
    check.ok("n_steps of descent on standardized features, θ in X's units")

    X, y = _badly_scaled(rng, 60, 2)
    tried = f"fixed_fit(X of shape {X.shape}, y, learning_rate=0.5, n_steps=3000)"
    got = _floats(check, check.call(X, y, 0.5, 3000, tried=tried), tried, "theta")
    design = np.column_stack([np.ones(len(y)), X])
    check.expect_close(
        got, np.linalg.lstsq(design, y, rcond=None)[0], tried=tried, rtol=1e-6,
        atol=1e-6, hint="after many steps θ should be the least-squares fit on the raw "
        "features: intercept first, then one weight per column of X.",
    )
    check.ok("after many steps θ is the least-squares fit on the raw features")
    return check.report()


def _limit(X):
    """The largest stable α of batch descent on the raw features with an intercept."""
    design = np.column_stack([np.ones(len(X)), X])
    return 2 / np.linalg.eigvalsh(design.T @ design / len(X))[-1]


EXERCISES = {
    "fix_sign": check_fix_sign,
    "fix_mean_gradient": check_fix_mean_gradient,
    "fix_schedule": check_fix_schedule,
    "fix_shuffle": check_fix_shuffle,
    "fix_inplace": check_fix_inplace,
    "fix_scaling": check_fix_scaling,
}
