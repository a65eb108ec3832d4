"""Checks for notebook 01, the update rule."""

import numpy as np

from ._common import Check


def check_update_step(update_step, *, quiet=False):
    """Check ``update_step(theta, gradient, learning_rate)`` = θ − α·gradient.

    Tries floats and arrays against the plain formula, and checks that a small
    step lowers a cost and that the inputs are left unchanged.
    """
    check = Check("update_step", update_step, quiet)
    rng = np.random.default_rng(2024)

    for theta, gradient, rate in [(3.0, 4.0, 0.1), (-1.5, -2.0, 0.25), (0.0, 7.0, 1.0)]:
        tried = f"update_step({theta}, {gradient}, {rate})"
        got = check.call(theta, gradient, rate, tried=tried)
        check.expect_close(
            got, theta - rate * gradient, tried=tried,
            hint="the new θ is the old θ minus the learning rate times the gradient; "
            "check the sign and that you multiply by the learning rate.",
        )
    check.ok("floats: θ − α·gradient, for positive and negative slopes")

    for _ in range(3):
        theta, gradient = rng.normal(size=3), rng.normal(size=3)
        rate = float(rng.uniform(0.01, 0.5))
        theta_before, gradient_before = theta.copy(), gradient.copy()
        tried = f"update_step(theta={_short(theta)}, gradient={_short(gradient)}, {rate:.3f})"
        got = check.call(theta, gradient, rate, tried=tried)
        check.expect_close(
            got, theta_before - rate * gradient_before, tried=tried,
            hint="use array arithmetic on the whole vector (no loop over one entry).",
        )
        check.expect(
            np.array_equal(theta, theta_before) and np.array_equal(gradient, gradient_before),
            tried=tried, expected="theta and gradient unchanged after the call",
            got="the inputs were modified",
            hint="build a new array (theta - ...) instead of updating theta in place "
            "with -=.",
        )
    check.ok("arrays: every entry updated, inputs left unchanged")

    # J(θ) = θ², slope 2θ: a small step from θ = 2 must lower the cost.
    theta = 2.0
    got = check.call(theta, 2 * theta, 0.1, tried="update_step(2.0, 4.0, 0.1) on J(θ) = θ²")
    check.expect(
        float(np.asarray(got)) ** 2 < theta**2,
        tried="one step on J(θ) = θ² from θ = 2 with α = 0.1",
        expected=f"a cost below {theta**2}", got=float(np.asarray(got)) ** 2,
        hint="descent steps against the slope: subtract, do not add.",
    )
    check.ok("a small step lowers the cost")
    return check.report()


def _short(array):
    return np.array2string(np.round(array, 3), separator=", ")


EXERCISES = {"update_step": check_update_step}
