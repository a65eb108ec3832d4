"""Bad input stops at the public boundary with a message naming what to fix.

Every message has one shape: the parameter, what it must be, what it got.
"""

import numpy as np
import pytest

import gdlib as gd
from gdlib import _validation as check

LOOPS = {
    "batch": (gd.batch_gradient_descent, {}),
    "stochastic": (gd.stochastic_gradient_descent, {"rng": 0}),
    "minibatch": (gd.minibatch_gradient_descent, {"batch_size": 4, "rng": 0}),
    "ascent": (gd.gradient_ascent, {}),
}


def good_call():
    """A call that runs: linear regression on 10 examples with an intercept."""
    X, y = gd.make_line(10, rng=0)
    return {
        "objective": gd.LinearRegression(),
        "theta0": np.zeros(2),
        "X": gd.add_intercept(X),
        "y": y,
        "learning_rate": 0.01,
        "max_iterations": 3,
    }


def call(loop_name, **changes):
    loop, fixed = LOOPS[loop_name]
    arguments = {**good_call(), **fixed, **changes}
    objective, theta0 = arguments.pop("objective"), arguments.pop("theta0")
    return loop(objective, theta0, **arguments)


def with_nan(array, index):
    array = np.array(array, dtype=float)
    array[index] = np.nan
    return array


BAD_INPUTS = {
    # name: (changes to the good call, error type, message pattern)
    "theta0 too long for X": (
        {"theta0": np.zeros(3)}, ValueError,
        r"theta0 must have shape \(2,\) \(one entry per column of X\), got \(3,\)"),
    "theta0 a number for 2 columns": (
        {"theta0": 0.0}, ValueError,
        r"theta0 must have shape \(2,\) \(one entry per column of X\), got \(\)"),
    "theta0 a column": (
        {"theta0": np.zeros((2, 1))}, ValueError,
        r"theta0 must have shape \(2,\) .*, got \(2, 1\)"),
    "theta0 with NaN": (
        {"theta0": [0.0, np.nan]}, ValueError,
        r"theta0 must contain only finite numbers, got 1 NaN or infinite value"),
    "theta0 with inf": (
        {"theta0": [np.inf, 0.0]}, ValueError,
        r"theta0 must contain only finite numbers, got 1 NaN or infinite value"),
    "theta0 missing": (
        {"theta0": None}, TypeError,
        r"theta0 must be a number or an array of numbers, got None"),
    "theta0 text": (
        {"theta0": "zero"}, TypeError,
        r"theta0 must be a number or an array of numbers, got 'zero'"),
    "X and y of different lengths": (
        {"y": np.zeros(9)}, ValueError,
        r"X and y must have the same number of examples \(rows\), got X with 10 "
        + r"and y with 9"),
    "y a column": (
        {"y": np.zeros((10, 1))}, ValueError, r"y must be 1-D, got shape \(10, 1\)"),
    "X of three dimensions": (
        {"X": np.zeros((10, 2, 1))}, ValueError,
        r"X must be 1-D or 2-D, got shape \(10, 2, 1\)"),
    "empty data": (
        {"X": np.zeros((0, 2)), "y": np.zeros(0)}, ValueError,
        r"X must not be empty, got shape \(0, 2\)"),
    "NaN in X": (
        {"X": with_nan(np.ones((10, 2)), (3, 1))}, ValueError,
        r"X must contain only finite numbers, got 1 NaN or infinite value"),
    "inf in y": (
        {"y": np.r_[np.zeros(9), np.inf]}, ValueError,
        r"y must contain only finite numbers, got 1 NaN or infinite value"),
    "y without X": (
        {"X": None}, ValueError, r"X and y must .*given.*, got X=None"),
    "learning rate zero": (
        {"learning_rate": 0.0}, ValueError,
        r"learning_rate must be a positive finite number, got 0\.0"),
    "learning rate negative": (
        {"learning_rate": -0.1}, ValueError,
        r"learning_rate must be a positive finite number, got -0\.1"),
    "learning rate infinite": (
        {"learning_rate": np.inf}, ValueError,
        r"learning_rate must be a positive finite number, got inf"),
    "learning rate NaN": (
        {"learning_rate": np.nan}, ValueError,
        r"learning_rate must be a positive finite number, got nan"),
    "learning rate text": (
        {"learning_rate": "0.1"}, TypeError,
        r"learning_rate must be a positive finite number, got '0\.1'"),
    "max_iterations zero": (
        {"max_iterations": 0}, ValueError,
        r"max_iterations must be an integer at least 1, got 0"),
    "max_iterations fractional": (
        {"max_iterations": 10.5}, TypeError,
        r"max_iterations must be an integer at least 1, got 10\.5"),
    "negative threshold": (
        {"loss_threshold": -1e-4}, ValueError,
        r"loss_threshold must be a non-negative finite number, got -0\.0001"),
    "NaN threshold": (
        {"loss_threshold": np.nan}, ValueError,
        r"loss_threshold must be a non-negative finite number, got nan"),
    "patience zero": (
        {"patience": 0}, ValueError, r"patience must be an integer at least 1, got 0"),
    "callback not callable": (
        {"callback": "stop"}, TypeError,
        r"callback must be callable or None, got 'stop'"),
    "objective without gradient": (
        {"objective": type("OnlyLoss", (), {"loss": lambda self, t, X, y: 0.0})()},
        TypeError,
        r"objective must have loss\(theta, X, y\) and gradient\(theta, X, y\) "
        + r"methods, got OnlyLoss without gradient"),
    "objective not an objective": (
        {"objective": np.mean}, TypeError,
        r"objective must have .* methods, got .* without loss and gradient"),
}


@pytest.mark.parametrize("loop_name", sorted(LOOPS))
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_each_bad_input_is_refused_with_its_message(loop_name, case):
    changes, error, match = BAD_INPUTS[case]
    with pytest.raises(error, match=match):
        call(loop_name, **changes)


@pytest.mark.parametrize("loop_name", sorted(LOOPS))
def test_the_good_call_itself_runs(loop_name):
    assert call(loop_name).iterations == 3


@pytest.mark.parametrize(
    ("batch_size", "error", "match"),
    [
        (0, ValueError, r"batch_size must be an integer between 1 and 10, got 0"),
        (11, ValueError, r"batch_size must be an integer between 1 and 10, got 11"),
        (2.0, TypeError, r"batch_size must be an integer between 1 and 10, got 2\.0"),
    ],
)
@pytest.mark.parametrize("loop_name", ["minibatch", "ascent"])
def test_batch_size_must_fit_the_data(loop_name, batch_size, error, match):
    with pytest.raises(error, match=match):
        call(loop_name, batch_size=batch_size)


def test_batch_size_without_data_is_refused():
    with pytest.raises(ValueError, match=r"batch_size needs data X and y"):
        gd.run(gd.Quadratic1D(), 3.0, learning_rate=0.1, batch_size=1)


@pytest.mark.parametrize(
    ("rng", "error", "match"),
    [
        ("seed", TypeError,
         r"rng must be a numpy Generator, a non-negative integer seed or None, "
         + r"got 'seed'"),
        (-1, ValueError, r"rng as a seed must be an integer >= 0, got -1"),
        (np.random.RandomState(0), TypeError, r"rng must be a numpy Generator"),
    ],
)
def test_rng_must_be_a_generator_or_a_seed(rng, error, match):
    with pytest.raises(error, match=match):
        call("stochastic", rng=rng)


class Careless:
    """An objective as a learner might first write it, with one mistake each."""

    def __init__(self, mistake):
        self.mistake = mistake

    def loss(self, theta, X, y):
        residual = X @ theta - y
        if self.mistake == "loss per example":
            return residual**2 / 2
        return float(residual @ residual) / (2 * len(y))

    def gradient(self, theta, X, y):
        if self.mistake == "gradient as a column":
            return (X.T @ (X @ theta - y) / len(y))[:, None]
        if self.mistake == "gradient as a list":
            return list(X.T @ (X @ theta - y) / len(y))
        return X.T @ (X @ theta - y) / len(y)


@pytest.mark.parametrize(
    ("mistake", "error", "match"),
    [
        ("loss per example", ValueError,
         r"objective\.loss must return one number \(the mean over the examples\), "
         + r"got shape \(10,\)"),
        ("gradient as a column", ValueError,
         r"objective\.gradient must return the shape of theta0 \(2,\), "
         + r"got shape \(2, 1\)"),
        ("gradient as a list", TypeError,
         r"objective\.gradient must return a number or a numpy array, got list"),
    ],
)
@pytest.mark.parametrize("loop_name", sorted(LOOPS))
def test_an_objective_that_returns_the_wrong_shape_is_named(
    loop_name, mistake, error, match
):
    with pytest.raises(error, match=match):
        call(loop_name, objective=Careless(mistake))


def test_theta0_that_does_not_fit_a_custom_objective_gets_a_clear_message():
    # No validate() here: the first evaluation's own error is reported with
    # the shapes involved, never a bare numpy traceback from inside the loop.
    message = (
        r"theta0 must fit the objective with X of shape \(10, 2\), "
        r"y of shape \(10,\), got shape \(3,\), for which the objective raised "
        r"ValueError: matmul"
    )
    with pytest.raises(ValueError, match=message):
        call("batch", objective=Careless("none"), theta0=np.zeros(3))


def test_a_non_finite_loss_at_the_start_is_refused():
    with pytest.raises(ValueError, match=r"the loss at theta0 must be finite, got inf"):
        gd.run(gd.DoubleWell1D(), 1e200, learning_rate=0.1)


def test_log_likelihood_refuses_labels_other_than_0_and_1():
    X, y = gd.make_two_classes(10, rng=0)
    with pytest.raises(ValueError, match=r"y must contain only the labels 0 and 1"):
        gd.gradient_ascent(gd.LogLikelihood(), np.zeros(2), X, 2 * y - 1,
                           learning_rate=0.1)


def test_linear_regression_refuses_one_dimensional_X_with_a_remedy():
    X, y = gd.make_line(10, rng=0)
    with pytest.raises(ValueError, match=r"X must be 2-D.*use X\[:, None\]"):
        gd.batch_gradient_descent(gd.LinearRegression(), np.zeros(1), X[:, 0], y,
                                  learning_rate=0.1)


def test_functions_of_theta_alone_refuse_parameters_of_the_wrong_size():
    with pytest.raises(ValueError, match=r"theta0 must have shape \(2,\)"):
        gd.batch_gradient_descent(gd.Rosenbrock(), [1.0, 2.0, 3.0], learning_rate=1e-3)
    with pytest.raises(ValueError, match=r"theta0 must have shape \(\) \(a single"):
        gd.batch_gradient_descent(gd.Quadratic1D(), [1.0, 2.0], learning_rate=0.1)


# The validators themselves ------------------------------------------------------------


def test_validators_return_clean_values():
    assert check.positive_number("a", 2) == 2.0
    assert isinstance(check.positive_number("a", np.float32(0.5)), float)
    assert check.non_negative_number("b", 0) == 0.0
    assert check.integer_in_range("c", np.int64(3), 1, 5) == 3
    array = check.finite_array("d", [1, 2])
    assert array.dtype == float
    original = np.array([1.0, 2.0])
    assert not np.shares_memory(check.finite_array("e", original), original)
    assert check.data(None, None) == (None, None)
    generator = np.random.default_rng(0)
    assert check.rng(generator) is generator


@pytest.mark.parametrize(
    ("validator", "arguments", "error", "match"),
    [
        (check.integer_in_range, ("n", True, 1), TypeError,
         r"n must be an integer at least 1, got True"),
        (check.integer_in_range, ("n", 9, 1, 5), ValueError,
         r"n must be an integer between 1 and 5, got 9"),
        (check.non_negative_number, ("t", [0.1]), TypeError,
         r"t must be a non-negative finite number, got \[0\.1\]"),
        (check.finite_array, ("v", [[1.0], [2.0, 3.0]]), TypeError,
         r"v must be a number or an array of numbers, got \[\[1\.0\], "
         + r"\[2\.0, 3\.0\]\]"),
        (check.finite_array, ("v", np.zeros((2, 2)), (1,)), ValueError,
         r"v must be 1-D, got shape \(2, 2\)"),
        (check.theta_shape, ("w", np.zeros(3), (2,), "two weights"), ValueError,
         r"w must have shape \(2,\) \(two weights\), got \(3,\)"),
    ],
)
def test_validator_messages_name_parameter_constraint_and_value(
    validator, arguments, error, match
):
    with pytest.raises(error, match=match):
        validator(*arguments)


def test_long_values_are_shortened_in_messages():
    with pytest.raises(TypeError, match=r"got an array of shape \(1000,\)"):
        check.positive_number("learning_rate", np.zeros(1000))
    with pytest.raises(TypeError, match=r"got 'xxxxx.*\.\.\.\.$"):
        check.positive_number("learning_rate", "x" * 200)
