"""The update rule and the one loop: stopping rules, records, schedules, options."""

import re
import warnings

import numpy as np
import pytest

import gdlib as gd


def line_data(n_samples=30, seed=0):
    X, y = gd.make_line(n_samples, slope=2.0, intercept=1.0, noise=0.5, rng=seed)
    return gd.add_intercept(gd.standardize(X)[0]), y


class Recorder:
    """Wraps an objective and counts which of its methods the loop calls."""

    def __init__(self, objective):
        self.objective = objective
        self.calls = {"loss": 0, "gradient": 0, "loss_and_gradient": 0}

    def loss(self, theta, X=None, y=None):
        self.calls["loss"] += 1
        return self.objective.loss(theta, X, y)

    def gradient(self, theta, X=None, y=None):
        self.calls["gradient"] += 1
        return self.objective.gradient(theta, X, y)

    def loss_and_gradient(self, theta, X=None, y=None):
        self.calls["loss_and_gradient"] += 1
        return self.objective.loss_and_gradient(theta, X, y)


class BlowsUp:
    """J(θ) = θ², except that the loss is infinite once |θ| > 10."""

    def loss(self, theta, X=None, y=None):
        return np.inf if abs(theta) > 10 else float(theta) ** 2

    def gradient(self, theta, X=None, y=None):
        return 2 * theta


# The update rule --------------------------------------------------------------------


def test_step_goes_down_the_slope_and_up_when_maximizing():
    assert gd.step(3.0, 6.0, 0.1) == pytest.approx(2.4)
    assert gd.step(3.0, 6.0, 0.1, maximize=True) == pytest.approx(3.6)
    assert isinstance(gd.step(3.0, 6.0, 0.1), float)


def test_step_on_arrays_returns_a_new_array_and_mutates_nothing():
    theta, gradient = np.array([1.0, -2.0]), np.array([0.5, 4.0])
    new = gd.step(theta, gradient, 0.25)
    np.testing.assert_array_equal(new, [1.0 - 0.125, -2.0 - 1.0])
    np.testing.assert_array_equal(theta, [1.0, -2.0])
    np.testing.assert_array_equal(gradient, [0.5, 4.0])
    assert new is not theta and not np.shares_memory(new, theta)
    up = gd.step(theta, gradient, 0.25, maximize=True)
    np.testing.assert_array_equal(up, [1.0 + 0.125, -2.0 + 1.0])


def test_step_accepts_lists_and_integers():
    np.testing.assert_allclose(gd.step([1, 2], [1, 1], 0.5), [0.5, 1.5])
    assert gd.step(1, 2, 1) == -1.0


@pytest.mark.parametrize(
    ("learning_rate", "error", "got"),
    [
        (0.0, ValueError, r"0\.0"),
        (-0.1, ValueError, r"-0\.1"),
        (np.inf, ValueError, r"inf"),
        (np.nan, ValueError, r"nan"),
        ("0.1", TypeError, r"'0\.1'"),
        (True, TypeError, r"True"),
    ],
)
def test_step_refuses_a_bad_learning_rate(learning_rate, error, got):
    match = r"learning_rate must be a positive finite number, got " + got
    with pytest.raises(error, match=match):
        gd.step(1.0, 1.0, learning_rate)


def test_step_refuses_a_gradient_of_another_shape():
    with pytest.raises(ValueError, match=r"gradient must have the same shape as theta"):
        gd.step(np.zeros(2), np.zeros(3), 0.1)


# What a run returns -----------------------------------------------------------------


def test_result_records_one_entry_per_iteration_plus_the_start():
    X, y = line_data()
    result = gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=0.1)
    assert result.reason == "converged"
    k = result.iterations
    assert result.losses.shape == (k + 1,)
    assert result.thetas.shape == (k + 1, 2)
    assert result.times.shape == (k + 1,)
    assert np.all(np.diff(result.times) >= 0)
    assert result.updates == k
    assert result.gradient_evaluations == k * len(y)
    np.testing.assert_array_equal(result.theta, result.thetas[-1])
    assert result.loss == result.losses[-1]
    for theta, loss in zip(result.thetas, result.losses, strict=True):
        assert gd.LinearRegression().loss(theta, X, y) == pytest.approx(loss, rel=1e-12)
    assert "converged" in repr(result)


def test_a_function_of_theta_alone_needs_no_data():
    result = gd.run(gd.Quadratic1D(), 3.0, learning_rate=0.1)
    assert isinstance(result.theta, float)
    assert result.thetas.shape == (result.iterations + 1,)
    assert result.reason == "converged"
    assert abs(result.theta - 1.0) < 0.02
    bowl = gd.run(gd.QuadraticBowl(), [2.0, -1.0], learning_rate=0.1,
                  loss_threshold=1e-12)
    np.testing.assert_allclose(bowl.theta, [0.0, 0.0], atol=1e-5)


def test_batch_iteration_computes_loss_and_gradient_together():
    X, y = line_data()
    counted = Recorder(gd.LinearRegression())
    result = gd.run(counted, np.zeros(2), X, y, learning_rate=0.1)
    # One shared evaluation at the start and one per iteration; nothing separate.
    assert counted.calls == {
        "loss": 0, "gradient": 0, "loss_and_gradient": result.iterations + 1
    }


def test_minibatch_iteration_takes_one_gradient_per_batch_and_one_loss():
    X, y = line_data(n_samples=10)
    counted = Recorder(gd.LinearRegression())
    result = gd.run(counted, np.zeros(2), X, y, learning_rate=0.1, batch_size=4,
                    max_iterations=3, loss_threshold=0.0, rng=0)
    assert result.updates == 3 * 3  # batches of 4, 4 and 2
    assert counted.calls == {"loss": 3, "gradient": 9, "loss_and_gradient": 1}


# Stopping rules ---------------------------------------------------------------------


def test_converged_stops_at_the_first_small_change_in_loss():
    result = gd.run(gd.Quadratic1D(), 3.0, learning_rate=0.1, loss_threshold=1e-4)
    changes = np.abs(np.diff(result.losses))
    assert result.reason == "converged"
    assert changes[-1] < 1e-4
    assert np.all(changes[:-1] >= 1e-4)


def test_max_iterations_stops_after_exactly_that_many_passes():
    result = gd.run(gd.QuadraticBowl(), [2.0, 2.0], learning_rate=0.01,
                    loss_threshold=0.0, max_iterations=7)
    assert result.reason == "max_iterations"
    assert result.iterations == 7
    assert len(result.losses) == 8


def test_a_threshold_of_zero_runs_to_max_iterations_unless_the_loss_stops_moving():
    result = gd.run(gd.Quadratic1D(), 3.0, learning_rate=0.5, loss_threshold=0.0,
                    max_iterations=50)
    # α = 1/curvature lands on the minimum at once; later passes change nothing,
    # yet |ΔJ| = 0 is not below a threshold of 0.
    assert result.reason == "max_iterations"
    assert result.theta == 1.0


def test_a_divergent_learning_rate_stops_as_diverged_within_a_few_iterations():
    # For J = (θ − 1)², any α > 1 diverges; α = 1.5 quadruples the loss per pass.
    with pytest.warns(gd.DivergenceWarning) as caught:
        result = gd.run(gd.Quadratic1D(), 3.0, learning_rate=1.5)
    assert result.reason == "diverged"
    assert result.iterations <= 8
    message = str(caught[0].message)
    assert "learning_rate=1.5" in message
    assert "Lower the learning rate" in message
    assert caught[0].filename == __file__  # the warning points at the caller
    assert np.all(np.isfinite(result.losses))
    assert np.all(np.isfinite(result.thetas))
    assert np.isfinite(result.theta)


def test_a_far_too_large_rate_on_regression_diverges_at_once():
    X, y = line_data()
    # Standardized features: the largest curvature is about 2, so α = 5 diverges.
    with pytest.warns(gd.DivergenceWarning, match=r"learning_rate=5\b"):
        result = gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=5.0)
    assert result.reason == "diverged"
    assert result.iterations <= 3


def test_a_non_finite_loss_stops_the_run_and_never_returns_nan():
    with pytest.warns(gd.DivergenceWarning, match=r"the loss became inf"):
        result = gd.run(BlowsUp(), 3.0, learning_rate=10.0)
    assert result.reason == "diverged"
    assert result.iterations == 0
    assert result.theta == 3.0
    assert np.all(np.isfinite(result.losses))


def test_stochastic_divergence_is_caught_too():
    X, y = line_data()
    with pytest.warns(gd.DivergenceWarning):
        result = gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=50.0,
                        batch_size=1, rng=0)
    assert result.reason == "diverged"
    assert np.all(np.isfinite(result.thetas))


def test_ascent_diverges_when_the_objective_falls_far_below_its_start():
    hill = gd.Negated(gd.Quadratic1D())
    with pytest.warns(gd.DivergenceWarning, match=r"ascent diverged .* fell far below"):
        result = gd.run(hill, 3.0, learning_rate=1.5, maximize=True)
    assert result.reason == "diverged"


def test_patience_stops_when_no_pass_improves_the_best_loss_enough():
    # Tiny steps improve the loss by far less than the threshold of 1.
    result = gd.run(gd.QuadraticBowl(), [2.0, 2.0], learning_rate=1e-4,
                    loss_threshold=1.0, patience=3)
    assert result.reason == "no_improvement"
    assert result.iterations == 3


def test_patience_keeps_going_while_the_best_loss_improves():
    X, y = line_data(n_samples=40)
    result = gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=0.05,
                    batch_size=1, rng=3, patience=4, loss_threshold=1e-6)
    assert result.reason == "no_improvement"
    best_before = result.losses[:-4].min()
    assert result.losses[-4:].min() >= best_before - 1e-6
    assert result.iterations > 4


def test_callback_sees_each_pass_and_can_stop_the_run():
    seen = []

    def callback(iteration, theta, loss):
        seen.append((iteration, theta, loss))
        return iteration == 4

    result = gd.run(gd.QuadraticBowl(), [2.0, 2.0], learning_rate=0.05,
                    callback=callback)
    assert result.reason == "callback"
    assert result.iterations == 4
    assert [s[0] for s in seen] == [1, 2, 3, 4]
    for iteration, theta, loss in seen:
        np.testing.assert_array_equal(theta, result.thetas[iteration])
        assert loss == result.losses[iteration]


# Records are copies -----------------------------------------------------------------


def test_inputs_are_never_modified():
    X, y = line_data()
    theta0 = np.array([5.0, -5.0])
    copies = X.copy(), y.copy(), theta0.copy()
    gd.run(gd.LinearRegression(), theta0, X, y, learning_rate=0.1, batch_size=7, rng=0,
           record_updates=True, max_iterations=5)
    gd.run(gd.LinearRegression(), theta0, X, y, learning_rate=0.1)
    for after, before in zip((X, y, theta0), copies, strict=True):
        np.testing.assert_array_equal(after, before)


def test_recorded_history_is_never_aliased_to_later_updates():
    X, y = line_data()
    received = []
    result = gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=0.1,
                    batch_size=5, rng=0, max_iterations=6, loss_threshold=0.0,
                    record_updates=True,
                    callback=lambda i, theta, loss: received.append(theta))
    # Had the loop handed out or kept its working array, every entry would
    # equal the final θ.
    assert len({tuple(theta) for theta in received}) == 6
    assert len({tuple(row) for row in result.update_thetas}) == result.updates + 1
    originals = [theta.copy() for theta in received]
    for theta in received:
        theta += 100.0  # a careless callback changes nothing recorded
    np.testing.assert_array_equal(result.thetas[1:], originals)
    result.theta[:] = 0.0
    assert not np.array_equal(result.thetas[-1], [0.0, 0.0])


def test_update_thetas_replays_every_update_and_meets_thetas_at_pass_ends():
    X, y = line_data(n_samples=12)
    result = gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=0.1,
                    batch_size=5, rng=0, max_iterations=4, loss_threshold=0.0,
                    record_updates=True)
    per_pass = 3  # batches of 5, 5 and 2
    assert result.update_thetas.shape == (4 * per_pass + 1, 2)
    np.testing.assert_array_equal(result.update_thetas[::per_pass], result.thetas)


def test_update_thetas_is_absent_unless_asked_for():
    assert gd.run(gd.Quadratic1D(), 3.0, learning_rate=0.1).update_thetas is None


# Learning-rate schedules ------------------------------------------------------------


def test_schedule_counts_updates_across_passes_and_is_never_reset():
    X, y = line_data(n_samples=6)
    calls = []

    def schedule(t):
        calls.append(t)
        return 0.1 / (1 + t)

    result = gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=schedule,
                    batch_size=1, rng=0, max_iterations=3, loss_threshold=0.0)
    assert result.updates == 18
    assert calls == list(range(18))


def test_schedule_values_are_the_steps_taken():
    calls = []

    def schedule(t):
        calls.append(t)
        return 0.3 / (1 + t)

    result = gd.run(gd.Quadratic1D(), 3.0, learning_rate=schedule, max_iterations=5,
                    loss_threshold=0.0)
    theta = 3.0
    for t in range(5):
        theta = theta - 0.3 / (1 + t) * 2.0 * (theta - 1.0)
        assert result.thetas[t + 1] == pytest.approx(theta, rel=1e-15)
    assert calls == [0, 1, 2, 3, 4]


def test_a_schedule_that_turns_bad_is_stopped_with_its_update_count():
    message = r"learning_rate\(3\) must be a positive finite number, got -0\.1"
    with pytest.raises(ValueError, match=message):
        gd.run(gd.Quadratic1D(), 3.0, max_iterations=10,
               learning_rate=lambda t: 0.1 if t < 3 else -0.1)


def test_divergence_with_a_schedule_names_the_last_rate():
    with pytest.warns(gd.DivergenceWarning, match=r"schedule \(last α = 1\.5\)"):
        gd.run(gd.Quadratic1D(), 3.0, learning_rate=lambda t: 1.5)


# Progress ---------------------------------------------------------------------------


def test_runs_are_silent_by_default(capsys):
    X, y = line_data()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gd.run(gd.LinearRegression(), np.zeros(2), X, y, learning_rate=0.1,
               batch_size=4, rng=0)
    assert capsys.readouterr() == ("", "")


def test_progress_in_a_script_prints_a_final_line(capsys):
    gd.run(gd.Quadratic1D(), 3.0, learning_rate=0.1, max_iterations=20,
           loss_threshold=0.0, progress=True)
    out = capsys.readouterr().out
    assert re.search(r"epoch +20/20  loss +[0-9.e+-]+\n$", out)
