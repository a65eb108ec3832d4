"""Checks for notebook 06, gradient ascent."""

import numpy as np

from ._common import Check


def _log_likelihood(theta, X, y):
    """Mean log-likelihood of logistic regression, written out here as the reference."""
    z = X @ theta
    return float(np.mean(y * z - np.logaddexp(0.0, z)))


def _finite_differences(theta, X, y, eps=1e-6):
    """Central differences of the log-likelihood, one coordinate at a time."""
    gradient = np.zeros_like(theta)
    for k in range(len(theta)):
        shift = np.zeros_like(theta)
        shift[k] = eps
        up = _log_likelihood(theta + shift, X, y)
        down = _log_likelihood(theta - shift, X, y)
        gradient[k] = (up - down) / (2 * eps)
    return gradient


def _case(m, seed, scale=1.0):
    data = np.random.default_rng(seed)
    X = np.column_stack([np.ones(m), data.normal(size=(m, 2))])
    y = (data.uniform(size=m) < 0.5).astype(float)
    return X, y, scale * data.normal(size=3)


def _short(array):
    return np.array2string(np.round(array, 3), separator=", ")


def _gradient_hint(got, expected, m):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        got = None
    if got is None or got.shape != expected.shape:
        return "return one number per entry of theta, as an array of the same shape."
    if np.allclose(got, -expected, rtol=1e-4, atol=1e-7):
        return "the sign is flipped: your vector points downhill, not uphill."
    if np.allclose(got, m * expected, rtol=1e-4, atol=1e-7):
        return "the log-likelihood is a mean over the examples: divide the sum by m."
    return ("compare each piece with the formula derived above: the predicted "
            "probabilities σ(Xθ), the errors between labels and predictions, and the "
            "product with X transposed.")


def check_log_likelihood_gradient(log_likelihood_gradient, *, quiet=False):
    """Check ``log_likelihood_gradient(theta, X, y)`` against finite differences.

    Compares with central differences of the mean log-likelihood on random
    data, and checks that it is a mean, that a small step along it raises the
    log-likelihood, and that the inputs are left unchanged.
    """
    check = Check("log_likelihood_gradient", log_likelihood_gradient, quiet)
    for m, seed, scale in [(6, 61, 1.0), (25, 62, 0.3), (11, 63, 3.0)]:
        X, y, theta = _case(m, seed, scale)
        before = [theta.copy(), X.copy(), y.copy()]
        tried = (f"log_likelihood_gradient(theta={_short(theta)}, "
                 f"X of shape {X.shape}, y of shape {y.shape})")
        got = check.call(theta, X, y, tried=tried)
        expected = _finite_differences(before[0], before[1], before[2])
        check.expect_close(got, expected, tried=tried, rtol=1e-5, atol=1e-7,
                           hint=_gradient_hint(got, expected, m))
        check.expect(
            all(np.array_equal(a, b) for a, b in zip([theta, X, y], before)),
            tried=tried, expected="theta, X and y unchanged after the call",
            got="an input was modified",
            hint="compute new arrays instead of changing the inputs in place.",
        )
    check.ok("matches central finite differences of the mean log-likelihood")
    check.ok("theta, X and y left unchanged")

    X, y, theta = _case(8, 64)
    tried = "the same 8 examples given once, then each of them twice"
    once = check.call(theta, X, y, tried=tried)
    twice = check.call(theta, np.vstack([X, X]), np.concatenate([y, y]), tried=tried)
    check.expect_close(
        twice, np.asarray(once, dtype=float), tried=tried,
        hint="the log-likelihood is a mean over the examples: divide by m, so that "
        "repeating the data changes nothing.",
    )
    check.ok("a mean: repeating every example leaves it unchanged")

    direction = np.asarray(check.call(theta, X, y, tried="at a random θ"), dtype=float)
    stepped = _log_likelihood(theta + 1e-3 * direction, X, y)
    rises = stepped > _log_likelihood(theta, X, y)
    check.expect(
        rises, tried="a step of 0.001 times the result, from a random θ",
        expected="a higher log-likelihood", got="a lower one",
        hint="the gradient points uphill: check the sign of the error term.",
    )
    check.ok("a small step along it raises the log-likelihood")
    return check.report()


def _step_hint(got, theta, gradient, rate):
    try:
        got = float(np.asarray(got, dtype=float))
    except (TypeError, ValueError):
        got = np.nan
    if not np.isfinite(got):
        return "return the new θ, a number of the same shape as theta."
    if np.isclose(got, theta - rate * gradient):
        return "ascent steps up the slope: add the scaled gradient, do not subtract it."
    if np.isclose(got, rate * gradient):
        return "return the new θ, not only the change: start from theta."
    return "scale the gradient by the learning rate (multiply) before adding it to θ."


def check_ascent_step(ascent_step, *, quiet=False):
    """Check ``ascent_step(theta, gradient, learning_rate)`` = θ + α·gradient.

    Tries floats and arrays against the plain formula, and checks that a small
    step raises a function to maximise and that the inputs are left unchanged.
    """
    check = Check("ascent_step", ascent_step, quiet)
    for theta, gradient, rate in [(1.0, 2.0, 0.1), (-0.5, -3.0, 0.25), (0.0, 7.0, 1.0)]:
        tried = f"ascent_step({theta}, {gradient}, {rate})"
        got = check.call(theta, gradient, rate, tried=tried)
        check.expect_close(got, theta + rate * gradient, tried=tried,
                           hint=_step_hint(got, theta, gradient, rate))
    check.ok("floats: θ + α·gradient, for positive and negative slopes")

    rng = np.random.default_rng(66)
    for _ in range(3):
        theta, gradient = rng.normal(size=3), rng.normal(size=3)
        rate = float(rng.uniform(0.01, 0.5))
        before = [theta.copy(), gradient.copy()]
        tried = (f"ascent_step(theta={_short(theta)}, "
                 f"gradient={_short(gradient)}, {rate:.3f})")
        got = check.call(theta, gradient, rate, tried=tried)
        check.expect_close(got, before[0] + rate * before[1], tried=tried,
                           hint="use array arithmetic on the whole vector.")
        check.expect(
            np.array_equal(theta, before[0]) and np.array_equal(gradient, before[1]),
            tried=tried, expected="theta and gradient unchanged after the call",
            got="the inputs were modified",
            hint="build a new array (theta + ...) instead of updating theta in place "
            "with +=.",
        )
    check.ok("arrays: every entry updated, inputs left unchanged")

    # J(θ) = −(θ − 1)², slope −2(θ − 1): a small step from θ = 3 must raise J.
    got = check.call(3.0, -4.0, 0.1, tried="ascent_step(3.0, -4.0, 0.1)")
    got = float(np.asarray(got))
    check.expect(
        -(got - 1) ** 2 > -4.0,
        tried="one step on J(θ) = −(θ − 1)² from θ = 3, α = 0.1",
        expected="J above −4 (closer to the top at θ = 1)", got=-(got - 1) ** 2,
        hint="ascent steps up the slope: add the gradient, do not subtract it.",
    )
    check.ok("a small step climbs towards the maximum")
    return check.report()


EXERCISES = {
    "log_likelihood_gradient": check_log_likelihood_gradient,
    "ascent_step": check_ascent_step,
}
