"""Checks for notebook 02, the mean squared error and its gradient."""

import numpy as np

from ._common import Check

# (n_samples, n_parameters) of the random problems; m = 1 and m < d included.
SHAPES = [(7, 2), (12, 3), (1, 2), (3, 5), (40, 4)]


def _problems(rng):
    """Random regression problems (X with a ones column, y, θ), one per shape."""
    for m, d in SHAPES:
        X = np.column_stack([np.ones(m), rng.normal(size=(m, d - 1))])
        yield X, rng.normal(size=m), rng.normal(size=d)


def _cost_by_loop(theta, X, y):
    """J(θ) = 1/(2m) Σᵢ (xᵢ·θ − yᵢ)², one example at a time in plain Python."""
    total = 0.0
    for row, target in zip(X.tolist(), y.tolist()):
        error = sum(t * x for t, x in zip(theta.tolist(), row)) - target
        total += error * error
    return total / (2 * len(y))


def _gradient_by_loop(theta, X, y):
    """∂J/∂θⱼ = 1/m Σᵢ (xᵢ·θ − yᵢ) xᵢⱼ, one example at a time in plain Python."""
    gradient = [0.0] * len(theta)
    for row, target in zip(X.tolist(), y.tolist()):
        error = sum(t * x for t, x in zip(theta.tolist(), row)) - target
        for j, x in enumerate(row):
            gradient[j] += error * x
    return np.array(gradient) / len(y)


def _describe(X, y, theta):
    return f"X of shape {X.shape}, y of shape {y.shape}, theta of shape {theta.shape}"


def _unchanged(check, before, after, tried):
    check.expect(
        all(np.array_equal(b, a) for b, a in zip(before, after)),
        tried=tried, expected="theta, X and y unchanged after the call",
        got="an input was modified",
        hint="compute new arrays from the inputs instead of changing them in place.",
    )


def _number(check, value, tried):
    """The learner's cost as a float, or a failure saying it is not a number."""
    try:
        return float(np.asarray(value, dtype=float).reshape(()))
    except (TypeError, ValueError):
        check.expect(False, tried=tried, expected="a single number",
                     got=f"{type(value).__name__} {value!r:.60}",
                     hint="return the cost as one number (a float).")


def _cost_hint(got, expected, m):
    ratio = got / expected if expected else np.nan
    if np.isclose(ratio, m) and m > 1:
        return "this looks like a sum over the examples: J is a mean (divide by m)."
    if np.isclose(ratio, 2.0):
        return "this is twice the expected value: mind the ½ in front of the mean."
    if np.isclose(got, np.sqrt(2 * expected)):
        return "this looks like a root mean square: J uses the squares themselves."
    return ("J is ½ times the mean, over the m examples, of the squared difference "
            "between the prediction X @ theta and the target.")


def check_mse_cost(mse_cost, *, quiet=False):
    """Check ``mse_cost(theta, X, y)`` = 1/(2m) ||Xθ − y||² against a plain loop."""
    check = Check("mse_cost", mse_cost, quiet)
    rng = np.random.default_rng(202)

    for X, y, theta in _problems(rng):
        before = (theta.copy(), X.copy(), y.copy())
        tried = f"mse_cost(theta, X, y) with {_describe(X, y, theta)}"
        got = check.call(theta, X, y, tried=tried)
        check.expect(
            np.ndim(got) == 0, tried=tried, expected="a single number",
            got=f"something of shape {np.shape(got)}",
            hint="average the squared errors over all examples into one number.",
        )
        got, expected = _number(check, got, tried), _cost_by_loop(theta, X, y)
        check.expect(
            np.isclose(got, expected, rtol=1e-9, atol=1e-12),
            tried=tried, expected=expected, got=got,
            hint=_cost_hint(got, expected, len(y)),
        )
        _unchanged(check, before, (theta, X, y), tried)
    check.ok("matches 1/(2m) Σ (xᵢ·θ − yᵢ)² on 5 random problems, m from 1 to 40")
    check.ok("returns one number and leaves theta, X and y unchanged")

    X, _, theta = next(_problems(rng))
    tried = "mse_cost(theta, X, X @ theta): a perfect fit"
    got = _number(check, check.call(theta, X, X @ theta, tried=tried), tried)
    check.expect(abs(got) < 1e-12, tried=tried, expected=0.0, got=got,
                 hint="every prediction equals its target, so every error is zero.")
    check.ok("zero for a perfect fit")

    X, y, theta = next(_problems(rng))
    tried = "the same data twice over (np.vstack([X, X]), np.concatenate([y, y]))"
    once = _number(check, check.call(theta, X, y, tried=tried), tried)
    twice = check.call(theta, np.vstack([X, X]), np.concatenate([y, y]), tried=tried)
    twice = _number(check, twice, tried)
    check.expect(np.isclose(once, twice, rtol=1e-9), tried=tried, expected=once,
                 got=twice, hint="J is a mean: repeating every example must not "
                 "change it. Divide by the number of examples, len(y).")
    check.ok("a mean: repeating every example leaves J unchanged")
    return check.report()


def _gradient_hint(got, expected, m):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        got = None
    if got is None or got.shape != expected.shape:
        return "return a NumPy array with one entry per parameter (per entry of theta)."
    if np.allclose(got, -expected, rtol=1e-6):
        return ("the sign is flipped: the error is prediction minus target, "
                "X @ theta - y.")
    if m > 1 and np.allclose(got, m * expected, rtol=1e-6):
        return "this looks like a sum over the examples: the gradient is a mean too."
    if np.allclose(got, 2 * expected, rtol=1e-6):
        return ("this is twice the expected value: the ½ in J cancels the 2 that "
                "comes from differentiating the square.")
    return ("entry j is the mean over the examples of (error of example i) times "
            "(feature j of example i); in matrix form that is one product with X.T.")


def check_mse_gradient(mse_gradient, *, quiet=False):
    """Check ``mse_gradient(theta, X, y)`` = (1/m) Xᵀ(Xθ − y) against a plain loop."""
    check = Check("mse_gradient", mse_gradient, quiet)
    rng = np.random.default_rng(203)

    for X, y, theta in _problems(rng):
        before = (theta.copy(), X.copy(), y.copy())
        tried = f"mse_gradient(theta, X, y) with {_describe(X, y, theta)}"
        got = check.call(theta, X, y, tried=tried)
        check.expect(
            isinstance(got, np.ndarray), tried=tried, expected="a NumPy array",
            got=type(got).__name__,
            hint="return an array, so that theta - learning_rate * gradient works.",
        )
        expected = _gradient_by_loop(theta, X, y)
        check.expect_close(got, expected, tried=tried, rtol=1e-9, atol=1e-12,
                           hint=_gradient_hint(got, expected, len(y)))
        _unchanged(check, before, (theta, X, y), tried)
    check.ok("matches 1/m Σ (xᵢ·θ − yᵢ) xᵢ on 5 random problems, m from 1 to 40")
    check.ok("one entry per parameter; theta, X and y unchanged")

    X, y, theta = list(_problems(rng))[-1]
    got = np.asarray(check.call(theta, X, y, tried="mse_gradient(theta, X, y)"))
    estimate = _central_difference(lambda t: _cost_by_loop(t, X, y), theta)
    check.expect(
        np.allclose(got, estimate, rtol=1e-5, atol=1e-7),
        tried="comparing with finite differences of J at a random theta",
        expected=estimate, got=got,
        hint="the gradient must be the slope of J along each parameter.",
    )
    check.ok("agrees with finite differences of J (the gradient check)")

    best = np.linalg.lstsq(X, y, rcond=None)[0]
    got = np.asarray(check.call(best, X, y, tried="mse_gradient at least squares θ"))
    check.expect(
        np.allclose(got, 0.0, atol=1e-9),
        tried="mse_gradient(theta_best, X, y), theta_best from np.linalg.lstsq",
        expected=np.zeros_like(best), got=got,
        hint="at the minimum of J the slope along every parameter is zero.",
    )
    check.ok("zero at the least-squares minimum")

    gradient = np.asarray(check.call(theta, X, y, tried="mse_gradient(theta, X, y)"))
    step = theta - 1e-3 * gradient
    lower = _cost_by_loop(step, X, y) < _cost_by_loop(theta, X, y)
    check.expect(lower, tried="a small step θ − 0.001 · gradient",
                 expected="a lower cost", got="a higher cost",
                 hint="the gradient points uphill; check the sign of the error.")
    check.ok("a small step against it lowers J")
    return check.report()


def _central_difference(function, theta, eps=1e-6):
    estimate = np.zeros_like(theta)
    for j in range(len(theta)):
        shift = np.zeros_like(theta)
        shift[j] = eps
        estimate[j] = (function(theta + shift) - function(theta - shift)) / (2 * eps)
    return estimate


EXERCISES = {"mse_cost": check_mse_cost, "mse_gradient": check_mse_gradient}
