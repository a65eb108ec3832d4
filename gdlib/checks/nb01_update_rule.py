"""Checks for notebook 01, the update rule."""

import numpy as np

from ._common import Check


def check_update_step(update_step, *, quiet=False):
    """Check ``update_step(theta, gradient, learning_rate)`` = θ − α·gradient.

    Tries floats and arrays of several shapes against the plain formula, and
    checks that a small step lowers a cost and that the inputs are left unchanged.
    """
    check = Check("update_step", update_step, quiet)
    rng = np.random.default_rng(2024)

    for theta, gradient, rate in [(3.0, 4.0, 0.1), (-1.5, -2.0, 0.25), (0.0, 7.0, 1.0)]:
        tried = f"update_step({theta}, {gradient}, {rate})"
        got = check.call(theta, gradient, rate, tried=tried)
        check.expect(
            np.ndim(got) == 0, tried=tried, expected="a single number",
            got=f"something of shape {np.shape(got)}",
            hint="for a float theta, return a float: no list or array around it.",
        )
        check.expect_close(
            got, theta - rate * gradient, tried=tried,
            hint=_hint(got, theta, gradient, rate),
        )
    check.ok("floats: θ − α·gradient, for positive and negative slopes")

    for shape in [(3,), (5,), (2, 3)]:
        theta, gradient = rng.normal(size=shape), rng.normal(size=shape)
        rate = float(rng.uniform(0.01, 0.5))
        theta_before, gradient_before = theta.copy(), gradient.copy()
        tried = (f"update_step(theta={_short(theta)}, gradient={_short(gradient)}, "
                 f"{rate:.3f})")
        got = check.call(theta, gradient, rate, tried=tried)
        check.expect(
            np.array_equal(theta, theta_before)
            and np.array_equal(gradient, gradient_before),
            tried=tried, expected="theta and gradient unchanged after the call",
            got="the inputs were modified",
            hint="build a new array (theta - ...) instead of changing theta or "
            "gradient in place with -= or *=.",
        )
        check.expect_close(
            got, theta_before - rate * gradient_before, tried=tried,
            hint="every entry of theta moves against its own entry of the gradient; "
            "NumPy arithmetic on whole arrays does that for any shape.",
        )
    check.ok("arrays of shape (3,), (5,) and (2, 3): every entry updated")
    check.ok("inputs left unchanged")

    # J(θ) = θ², slope 2θ: a small step from θ = 2 must lower the cost.
    theta = 2.0
    tried = "update_step(2.0, 4.0, 0.1) on J(θ) = θ²"
    got = check.call(theta, 2 * theta, 0.1, tried=tried)
    check.expect(
        float(np.asarray(got)) ** 2 < theta**2,
        tried="one step on J(θ) = θ² from θ = 2 with α = 0.1",
        expected=f"a cost below {theta**2}", got=float(np.asarray(got)) ** 2,
        hint="descent steps against the slope: subtract, do not add.",
    )
    check.ok("a small step lowers the cost")
    return check.report()


def _hint(got, theta, gradient, rate):
    """Name the likely slip without giving the formula away."""
    try:
        got = float(np.asarray(got))
    except (TypeError, ValueError):
        return "return a number computed from theta, gradient and learning_rate."
    if np.isclose(got, theta + rate * gradient):
        return "this stepped uphill: descent moves against the sign of the slope."
    if np.isclose(got, theta - gradient) and rate != 1.0:
        return "the learning rate is missing: it scales how far one step goes."
    return ("the new θ depends on the old θ, the slope and the learning rate; "
            "check each one appears, once, with the right sign.")


def _short(array):
    return np.array2string(np.round(array, 3), separator=", ")


EXERCISES = {"update_step": check_update_step}
