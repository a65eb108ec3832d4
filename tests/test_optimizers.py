"""Momentum and Adam against plain restatements of their update rules."""

import warnings

import numpy as np
import pytest

import gdlib as gd


def plain_momentum(gradient, theta, learning_rate, momentum, steps):
    """v ← βv + g, θ ← θ − αv, written out, returning every θ."""
    theta = np.array(theta, dtype=float)
    velocity = np.zeros_like(theta)
    path = [theta.copy()]
    for _ in range(steps):
        velocity = momentum * velocity + gradient(theta)
        theta = theta - learning_rate * velocity
        path.append(theta.copy())
    return np.array(path)


def plain_adam(gradient, theta, learning_rate, beta1, beta2, epsilon, steps):
    """Adam with bias correction, written out, returning every θ."""
    theta = np.array(theta, dtype=float)
    mean, square = np.zeros_like(theta), np.zeros_like(theta)
    path = [theta.copy()]
    for t in range(1, steps + 1):
        g = gradient(theta)
        mean = beta1 * mean + (1 - beta1) * g
        square = beta2 * square + (1 - beta2) * g * g
        mean_hat = mean / (1 - beta1**t)
        square_hat = square / (1 - beta2**t)
        theta = theta - learning_rate * mean_hat / (np.sqrt(square_hat) + epsilon)
        path.append(theta.copy())
    return np.array(path)


def line_problem(seed=0):
    X, y = gd.make_line(40, slope=-1.5, intercept=0.5, noise=0.3, rng=seed)
    return gd.add_intercept(X), y


@pytest.mark.parametrize("momentum", [0.0, 0.5, 0.9])
def test_momentum_follows_the_plain_rule_on_the_rosenbrock_valley(momentum):
    objective = gd.Rosenbrock()
    result = gd.momentum_descent(objective, [-1.2, 1.0], learning_rate=5e-4,
                                 momentum=momentum, loss_threshold=0,
                                 max_iterations=60)
    expected = plain_momentum(objective.gradient, [-1.2, 1.0], 5e-4, momentum, 60)
    np.testing.assert_allclose(result.thetas, expected, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(result.losses, objective.loss(expected), rtol=1e-12)
    assert result.reason == "max_iterations"
    assert result.iterations == result.updates == 60


def test_momentum_on_data_follows_the_plain_rule():
    X, y = line_problem()
    objective = gd.LinearRegression()
    result = gd.momentum_descent(objective, np.zeros(2), X, y, learning_rate=0.02,
                                 momentum=0.8, loss_threshold=0, max_iterations=25)
    expected = plain_momentum(lambda t: X.T @ (X @ t - y) / len(y), np.zeros(2),
                              0.02, 0.8, 25)
    np.testing.assert_allclose(result.thetas, expected, rtol=1e-12, atol=1e-14)
    assert result.gradient_evaluations == 25 * len(y)
    assert result.batch_size == len(y)


def test_zero_momentum_is_batch_descent_exactly():
    X, y = line_problem(3)
    objective = gd.LinearRegression()
    options = {"learning_rate": 0.05, "loss_threshold": 1e-6, "max_iterations": 400}
    heavy = gd.momentum_descent(objective, [1.0, -1.0], X, y, momentum=0.0, **options)
    plain = gd.batch_gradient_descent(objective, [1.0, -1.0], X, y, **options)
    assert np.array_equal(heavy.thetas, plain.thetas)
    assert np.array_equal(heavy.losses, plain.losses)
    assert (heavy.reason, heavy.iterations) == (plain.reason, plain.iterations)
    assert heavy.gradient_evaluations == plain.gradient_evaluations


def test_momentum_reaches_least_squares_faster_than_plain_descent():
    X, y = line_problem(5)
    exact = np.linalg.lstsq(X, y, rcond=None)[0]
    options = {"learning_rate": 0.05, "loss_threshold": 1e-12,
               "max_iterations": 5000}
    objective = gd.LinearRegression()
    heavy = gd.momentum_descent(objective, np.zeros(2), X, y, momentum=0.9, **options)
    plain = gd.batch_gradient_descent(objective, np.zeros(2), X, y, **options)
    np.testing.assert_allclose(heavy.theta, exact, atol=1e-4)
    assert heavy.reason == "converged"
    assert heavy.iterations < plain.iterations / 3


def test_momentum_with_a_schedule_uses_the_rate_of_each_update():
    objective = gd.Quadratic1D()
    result = gd.momentum_descent(objective, 3.0, learning_rate=lambda t: 0.1 / (1 + t),
                                 momentum=0.5, loss_threshold=0, max_iterations=5)
    theta, velocity = 3.0, 0.0
    for t in range(5):
        velocity = 0.5 * velocity + 2 * (theta - 1)
        theta = theta - 0.1 / (1 + t) * velocity
    assert result.theta == pytest.approx(theta, rel=1e-13)
    assert isinstance(result.theta, float)


def test_momentum_keeps_theta0_and_reports_its_velocity():
    theta0 = np.array([2.0, 1.0])
    result = gd.momentum_descent(gd.QuadraticBowl(10), theta0, learning_rate=0.05,
                                 momentum=0.9, loss_threshold=0, max_iterations=3)
    assert np.array_equal(theta0, [2.0, 1.0])
    expected = plain_momentum(gd.QuadraticBowl(10).gradient, theta0, 0.05, 0.9, 3)
    velocity = (expected[-2] - expected[-1]) / 0.05
    np.testing.assert_allclose(result.extra["velocity"], velocity, rtol=1e-10)
    assert result.extra["method"] == "momentum"


@pytest.mark.parametrize("start", [[-1.2, 1.0], [0.5, -0.5]])
def test_adam_follows_the_plain_rule(start):
    objective = gd.Rosenbrock()
    result = gd.adam(objective, start, learning_rate=0.01, beta1=0.8, beta2=0.99,
                     epsilon=1e-6, loss_threshold=0, max_iterations=80)
    expected = plain_adam(objective.gradient, start, 0.01, 0.8, 0.99, 1e-6, 80)
    np.testing.assert_allclose(result.thetas, expected, rtol=1e-12, atol=1e-14)
    assert result.iterations == 80


def test_adam_first_step_is_learning_rate_per_coordinate():
    # Gradients of very different sizes in the two coordinates of the bowl.
    objective = gd.QuadraticBowl(1000, angle=0)
    theta0 = np.array([3.0, -0.002])
    result = gd.adam(objective, theta0, learning_rate=0.1, loss_threshold=0,
                     max_iterations=1)
    first = result.thetas[1] - result.thetas[0]
    sign = np.sign(objective.gradient(theta0))
    np.testing.assert_allclose(first, -0.1 * sign, rtol=1e-6)


def test_adam_on_data_matches_plain_rule_and_ends_near_least_squares():
    X, y = line_problem(7)
    objective = gd.LinearRegression()
    result = gd.adam(objective, np.zeros(2), X, y, learning_rate=0.05,
                     loss_threshold=0, max_iterations=600)
    expected = plain_adam(lambda t: X.T @ (X @ t - y) / len(y), np.zeros(2),
                          0.05, 0.9, 0.999, 1e-8, 600)
    np.testing.assert_allclose(result.thetas, expected, rtol=1e-10, atol=1e-12)
    exact = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(result.theta, exact, atol=0.05)
    assert result.extra == {"method": "adam", "beta1": 0.9, "beta2": 0.999,
                            "epsilon": 1e-8}


@pytest.mark.parametrize("method", [gd.momentum_descent, gd.adam])
def test_stopping_rule_is_the_change_in_loss(method):
    result = method(gd.Quadratic1D(), 3.0, learning_rate=0.05, loss_threshold=1e-3,
                    max_iterations=10_000)
    assert result.reason == "converged"
    assert abs(result.losses[-1] - result.losses[-2]) < 1e-3
    changes = np.abs(np.diff(result.losses[:-1]))
    assert np.all(changes >= 1e-3)
    assert len(result.times) == len(result.losses) == len(result.thetas)
    assert np.all(np.diff(result.times) >= 0)


@pytest.mark.parametrize(
    ("method", "options"),
    [(gd.momentum_descent, {"momentum": 0.9}), (gd.adam, {})],
)
def test_divergence_stops_with_a_warning(method, options):
    with pytest.warns(gd.DivergenceWarning, match="learning_rate=50"):
        result = method(gd.Rosenbrock(), [-1.2, 1.0], learning_rate=50.0,
                        max_iterations=100, **options)
    assert result.reason == "diverged"
    assert np.all(np.isfinite(result.losses))
    assert result.updates == result.iterations + 1


def test_a_run_that_does_not_diverge_gives_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gd.adam(gd.Rosenbrock(), [-1.2, 1.0], learning_rate=0.02, max_iterations=200)


FRACTION = r"momentum must be a number in \[0, 1\), "


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"momentum": 1.0}, ValueError, FRACTION + "got 1.0"),
        ({"momentum": -0.1}, ValueError, FRACTION + "got -0.1"),
        ({"momentum": "0.9"}, TypeError, FRACTION + "got '0.9'"),
        ({"momentum": float("nan")}, ValueError, r"momentum must be .*, got nan"),
        ({"learning_rate": 0.0}, ValueError, "learning_rate must be a positive finite"),
        ({"max_iterations": 0}, ValueError, "max_iterations must be an integer at"),
        ({"loss_threshold": -1}, ValueError, "loss_threshold must be a non-negative"),
    ],
)
def test_momentum_rejects_bad_settings(options, error, match):
    arguments = {"learning_rate": 0.1, **options}
    with pytest.raises(error, match=match):
        gd.momentum_descent(gd.Quadratic1D(), 3.0, **arguments)


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"beta1": 1.0}, ValueError, r"beta1 must be a number in \[0, 1\), got 1.0"),
        ({"beta2": 1.5}, ValueError, r"beta2 must be a number in \[0, 1\), got 1.5"),
        ({"epsilon": 0}, ValueError, "epsilon must be a positive finite number, got 0"),
        ({"beta1": None}, TypeError, r"beta1 must be a number in \[0, 1\), got None"),
    ],
)
def test_adam_rejects_bad_settings(options, error, match):
    with pytest.raises(error, match=match):
        gd.adam(gd.Quadratic1D(), 3.0, learning_rate=0.1, **options)


def test_bad_data_and_objective_are_rejected_as_in_the_other_loops():
    X, y = line_problem()
    with pytest.raises(ValueError, match="theta0 must fit the objective with X of"):
        gd.momentum_descent(gd.LinearRegression(), np.zeros(3), X, y, learning_rate=0.1)
    with pytest.raises(TypeError, match="objective must have loss"):
        gd.adam(object(), 1.0, learning_rate=0.1)
    with pytest.raises(ValueError, match="X and y must be given together"):
        gd.adam(gd.LinearRegression(), np.zeros(2), X, learning_rate=0.1)
