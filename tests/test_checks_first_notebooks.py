"""The checks of notebooks 01 to 03 stay friendly whatever a learner submits.

Right and typical wrong answers are in ``tests/catalogue``; here are the answers
that are not answers at all: untouched stubs, wrong types, endless loops.
"""

import contextlib

import numpy as np
import pytest

import gdlib as gd
from gdlib.checks import CheckFailed, NotAttemptedYet

CHECKS = {
    "update_step": gd.checks.check_update_step,
    "mse_cost": gd.checks.check_mse_cost,
    "mse_gradient": gd.checks.check_mse_gradient,
    "batch_descent": gd.checks.check_batch_descent,
}


def _stub(*args):
    raise NotImplementedError()


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_untouched_stub_is_not_attempted_yet(name):
    with pytest.raises(NotAttemptedYet, match=f"{name} is not attempted yet"):
        CHECKS[name](_stub)


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("returned", [None, "text", [1.0, "a"], {"theta": 1.0}])
def test_a_result_of_the_wrong_type_fails_with_a_message(name, returned):
    with pytest.raises(CheckFailed, match=f"{name} gave a wrong answer"):
        CHECKS[name](lambda *args: returned)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_something_that_is_not_a_function_is_named(name):
    with pytest.raises(CheckFailed, match="must be a function"):
        CHECKS[name](42)


def test_a_loop_that_never_stops_is_stopped_and_explained():
    def batch_descent(gradient, loss, theta0, X, y, learning_rate, loss_threshold,
                      max_iterations):
        theta = np.array(theta0, dtype=float)
        while True:
            # A learner's catch-all must not hide the check's guard.
            with contextlib.suppress(Exception):
                theta = theta - learning_rate * gradient(theta, X, y)

    with pytest.raises(CheckFailed, match="must stop after max_iterations updates"):
        gd.checks.check_batch_descent(batch_descent)


def test_a_gradient_list_is_refused_before_it_breaks_the_update():
    def mse_gradient(theta, X, y):
        return list(X.T @ (X @ theta - y) / len(y))

    with pytest.raises(CheckFailed, match="a NumPy array"):
        gd.checks.check_mse_gradient(mse_gradient)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_quiet_checks_print_nothing(name, capsys):
    answers = {
        "update_step": lambda theta, gradient, rate: theta - rate * gradient,
        "mse_cost": lambda theta, X, y: float(np.mean((X @ theta - y) ** 2) / 2),
        "mse_gradient": lambda theta, X, y: X.T @ (X @ theta - y) / len(y),
        "batch_descent": _plain_batch_descent,
    }
    assert CHECKS[name](answers[name], quiet=True) is True
    assert capsys.readouterr().out == ""


def _plain_batch_descent(gradient, loss, theta0, X, y, learning_rate, loss_threshold,
                         max_iterations):
    theta, losses = np.array(theta0, dtype=float), [loss(theta0, X, y)]
    for _ in range(max_iterations):
        theta = theta - learning_rate * gradient(theta, X, y)
        losses.append(loss(theta, X, y))
        if abs(losses[-1] - losses[-2]) < loss_threshold:
            return theta, losses, "converged"
    return theta, losses, "max_iterations"
