"""Checks for notebook 09, beyond plain descent."""

import numpy as np

from ._common import Check


def _reference(theta, velocity, gradient, learning_rate, momentum):
    """The course's convention: v ← βv + g, then θ ← θ − αv."""
    new_velocity = momentum * np.asarray(velocity, float) + np.asarray(gradient, float)
    return np.asarray(theta, float) - learning_rate * new_velocity, new_velocity


def _pair(check, got, tried):
    """The learner's answer as two arrays, failing clearly if it is not a pair."""
    check.expect(
        isinstance(got, (tuple, list)) and len(got) == 2,
        tried=tried, expected="a pair (new_theta, new_velocity)",
        got=f"{type(got).__name__} {got!r}"[:120],
        hint="end with `return new_theta, new_velocity`.",
    )
    return got[0], got[1]


def _compare(check, got, expected, tried):
    new_theta, new_velocity = _pair(check, got, tried)
    theta_ok = _close(new_theta, expected[0])
    velocity_ok = _close(new_velocity, expected[1])
    if theta_ok and velocity_ok:
        return
    if _close(new_theta, expected[1]) and _close(new_velocity, expected[0]):
        hint = "the pair is in the wrong order: return new_theta first."
    elif not velocity_ok:
        hint = ("the new velocity is off. In this course it is a running sum of "
                "gradients: the old velocity shrunk by the momentum, plus the "
                "gradient; the learning rate enters only in the θ step.")
    else:
        hint = ("the velocity is right but θ is not: step θ against the new "
                "velocity, scaled by the learning rate.")
    check.expect(False, tried=tried, expected=f"({_show(expected[0])}, "
                 f"{_show(expected[1])})",
                 got=f"({_show(new_theta)}, {_show(new_velocity)})", hint=hint)


def _close(got, expected):
    try:
        got = np.asarray(got)
    except (TypeError, ValueError):
        return False
    if got.dtype.kind not in "biuf":  # numbers only, not text or objects
        return False
    return got.shape == np.shape(expected) and bool(
        np.allclose(got, expected, rtol=1e-9, atol=1e-12))


def _show(value):
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return repr(value)[:60]
    return np.array2string(np.round(array, 6), separator=", ")


def check_momentum_step(momentum_step, *, quiet=False):
    """Check ``momentum_step(theta, velocity, gradient, learning_rate, momentum)``.

    Compares with v ← βv + g, θ ← θ − αv on floats and arrays, checks that the
    inputs are left unchanged, that momentum 0 is a plain step, and that many
    steps in a row reach the bottom of a narrow bowl.
    """
    check = Check("momentum_step", momentum_step, quiet)
    rng = np.random.default_rng(909)

    for args in [(3.0, 0.0, 4.0, 0.1, 0.9), (-1.0, 2.0, -0.5, 0.2, 0.5),
                 (0.5, -1.5, 1.0, 0.05, 0.99)]:
        tried = f"momentum_step{args}"
        _compare(check, check.call(*args, tried=tried), _reference(*args), tried)
    check.ok("floats: v ← βv + g, then θ ← θ − αv")

    for _ in range(3):
        theta, velocity, gradient = rng.normal(size=(3, 4))
        rate, beta = float(rng.uniform(0.01, 0.3)), float(rng.uniform(0.3, 0.95))
        before = [theta.copy(), velocity.copy(), gradient.copy()]
        tried = (f"momentum_step(theta={_show(theta)}, velocity={_show(velocity)}, "
                 f"gradient={_show(gradient)}, {rate:.3f}, {beta:.3f})")
        got = check.call(theta, velocity, gradient, rate, beta, tried=tried)
        _compare(check, got, _reference(*before, rate, beta), tried)
        check.expect(
            all(np.array_equal(a, b) for a, b in zip([theta, velocity, gradient],
                                                      before)),
            tried=tried, expected="theta, velocity and gradient unchanged",
            got="an input array was modified",
            hint="build new arrays (velocity = ...) instead of updating in place "
            "with += or -=.",
        )
    check.ok("arrays: every entry updated, inputs left unchanged")

    theta, gradient = np.array([1.0, -2.0]), np.array([0.4, 0.8])
    tried = "momentum_step([1, -2], velocity=[5, 5], gradient=[0.4, 0.8], 0.5, 0.0)"
    got = check.call(theta, np.array([5.0, 5.0]), gradient, 0.5, 0.0, tried=tried)
    _compare(check, got, (theta - 0.5 * gradient, gradient), tried)
    check.ok("momentum 0 forgets the old velocity: a plain gradient step")

    # A narrow bowl J = ½ θᵀAθ, 16 times steeper across than along.
    A = np.array([[26.0, 12.0], [12.0, 8.0]]) / 2
    theta, velocity = np.array([-2.5, 1.5]), np.zeros(2)
    tried = "300 steps with α = 0.03, β = 0.8 on a narrow bowl from (-2.5, 1.5)"
    for _ in range(300):
        got = check.call(theta, velocity, A @ theta, 0.03, 0.8, tried=tried)
        theta, velocity = (np.asarray(part, dtype=float) for part in
                           _pair(check, got, tried))
    check.expect(
        np.all(np.isfinite(theta)) and np.linalg.norm(theta) < 1e-4,
        tried=tried, expected="θ within 1e-4 of the minimum (0, 0)",
        got=f"θ = {_show(theta)}",
        hint="feed the velocity you return into the next step; with the right "
        "rule these steps converge.",
    )
    check.ok("300 steps in a row reach the bottom of a narrow bowl")
    return check.report()


EXERCISES = {"momentum_step": check_momentum_step}
