"""Reading runs in gradient evaluations, checked against runs replayed by hand."""

import numpy as np
import pytest

import gdlib as gd
from gdlib.comparison import evaluations_to_reach, loss_per_update


def problem(n_samples=23):
    X, y = gd.make_line(n_samples, noise=0.5, rng=4)
    return gd.add_intercept(X - X.mean()), y


@pytest.mark.parametrize("batch_size", [1, 5, 10, 23])
def test_loss_per_update_counts_every_batch_including_the_short_last_one(batch_size):
    X, y = problem()
    objective = gd.LinearRegression()
    result = gd.minibatch_gradient_descent(
        objective, np.zeros(2), X, y, learning_rate=0.05, batch_size=batch_size,
        loss_threshold=0, max_iterations=3, rng=0, record_updates=True)
    evaluations, losses = loss_per_update(result, objective, X, y)

    per_pass = -(-23 // batch_size)
    assert len(evaluations) == len(losses) == 3 * per_pass + 1
    assert evaluations[0] == 0
    assert evaluations[-1] == result.gradient_evaluations == 3 * 23
    # At the end of each pass the per-update loss is the recorded loss.
    np.testing.assert_allclose(losses[::per_pass], result.losses, rtol=1e-12)
    expected = [objective.loss(theta, X, y) for theta in result.update_thetas]
    np.testing.assert_allclose(losses, expected, rtol=1e-12)


def test_loss_per_update_works_without_a_loss_grid():
    X, y = problem()

    class PlainSquares:
        def loss(self, theta, X, y):
            return float(np.mean((X @ theta - y) ** 2) / 2)

        def gradient(self, theta, X, y):
            return X.T @ (X @ theta - y) / len(y)

    result = gd.minibatch_gradient_descent(
        PlainSquares(), np.zeros(2), X, y, learning_rate=0.05, batch_size=4,
        loss_threshold=0, max_iterations=2, rng=0, record_updates=True)
    evaluations, losses = loss_per_update(result, PlainSquares(), X, y)
    assert list(evaluations[:7]) == [0, 4, 8, 12, 16, 20, 23]
    np.testing.assert_allclose(losses[[0, 6, 12]], result.losses, rtol=1e-12)


def test_loss_per_update_needs_recorded_updates():
    X, y = problem()
    result = gd.batch_gradient_descent(gd.LinearRegression(), np.zeros(2), X, y,
                                       learning_rate=0.1, max_iterations=2)
    with pytest.raises(ValueError, match="record_updates=True"):
        loss_per_update(result, gd.LinearRegression(), X, y)


def test_evaluations_to_reach_counts_whole_passes():
    X, y = problem()
    objective = gd.LinearRegression()
    result = gd.batch_gradient_descent(objective, np.zeros(2), X, y,
                                       learning_rate=0.5, loss_threshold=0,
                                       max_iterations=30)
    target = result.losses[4] * 1.000001
    first = next(k for k, loss in enumerate(result.losses) if loss <= target)
    assert evaluations_to_reach(result, target, 23) == first * 23
    assert evaluations_to_reach(result, result.losses[0] + 1, 23) == 0
    assert evaluations_to_reach(result, -1.0, 23) is None
    with pytest.raises(ValueError, match="n_samples must be an integer at least 1"):
        evaluations_to_reach(result, 1.0, 0)
