"""Every objective against an independent reference: finite differences, formulas."""

import warnings

import numpy as np
import pytest

import gdlib as gd

RNG_SEED = 20240611


def central_differences(function, theta, eps=1e-6):
    """A finite-difference gradient written here, independent of gdlib's own."""
    theta = np.array(theta, dtype=float)
    gradient = np.empty_like(theta)
    for index in np.ndindex(theta.shape):
        up, down = theta.copy(), theta.copy()
        up[index] += eps
        down[index] -= eps
        gradient[index] = (float(function(up)) - float(function(down))) / (2 * eps)
    return gradient


def regression_data(rng, n_samples=40, n_features=3):
    X = gd.add_intercept(rng.normal(size=(n_samples, n_features)))
    y = X @ rng.normal(size=n_features + 1) + 0.3 * rng.normal(size=n_samples)
    return X, y


def classification_data(rng, n_samples=40):
    X, y = gd.make_two_classes(n_samples, separation=1.5, rng=rng)
    return gd.add_intercept(X), y


def cases():
    """(name, objective, data maker or None, shape of θ, scale of random θ)."""
    return [
        ("quadratic", gd.Quadratic1D(curvature=3.0, minimum=-0.5), None, (), 2.0),
        ("double well", gd.DoubleWell1D(tilt=0.3), None, (), 1.5),
        ("bowl", gd.QuadraticBowl(8.0, center=(1.0, -2.0), angle=25), None, (2,), 3.0),
        ("rosenbrock", gd.Rosenbrock(a=1.0, b=100.0), None, (2,), 1.5),
        ("linear regression", gd.LinearRegression(), regression_data, (4,), 2.0),
        ("log-likelihood", gd.LogLikelihood(), classification_data, (3,), 2.0),
        ("negated bowl", gd.Negated(gd.QuadraticBowl(4.0)), None, (2,), 3.0),
        ("negated likelihood", gd.Negated(gd.LogLikelihood()), classification_data,
         (3,), 2.0),
    ]


CASES = {name: rest for name, *rest in cases()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_analytic_gradient_matches_finite_differences_at_random_points(name):
    objective, make_data, shape, scale = CASES[name]
    rng = np.random.default_rng(RNG_SEED)
    X, y = make_data(rng) if make_data else (None, None)
    for _ in range(10):
        theta = rng.uniform(-scale, scale, size=shape)
        analytic = np.asarray(objective.gradient(theta, X, y), dtype=float)
        numeric = central_differences(lambda t: objective.loss(t, X, y), theta)
        assert analytic.shape == np.shape(theta)
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["linear regression", "log-likelihood"])
def test_loss_and_gradient_together_equal_each_separately(name):
    objective, make_data, shape, _ = CASES[name]
    rng = np.random.default_rng(1)
    X, y = make_data(rng)
    theta = rng.normal(size=shape)
    loss, gradient = objective.loss_and_gradient(theta, X, y)
    assert loss == objective.loss(theta, X, y)
    np.testing.assert_array_equal(gradient, objective.gradient(theta, X, y))


@pytest.mark.parametrize("name", ["linear regression", "log-likelihood"])
def test_loss_and_gradient_are_means_so_batch_size_never_changes_their_scale(name):
    objective, make_data, shape, _ = CASES[name]
    rng = np.random.default_rng(2)
    X, y = make_data(rng)
    theta = rng.normal(size=shape)
    doubled_X, doubled_y = np.vstack([X, X]), np.concatenate([y, y])
    assert objective.loss(theta, doubled_X, doubled_y) == pytest.approx(
        objective.loss(theta, X, y), rel=1e-12
    )
    np.testing.assert_allclose(
        objective.gradient(theta, doubled_X, doubled_y),
        objective.gradient(theta, X, y), rtol=1e-12,
    )
    # The gradient of a batch is the average of the one-example gradients.
    singles = [objective.gradient(theta, X[i : i + 1], y[i : i + 1]) for i in range(8)]
    np.testing.assert_allclose(
        objective.gradient(theta, X[:8], y[:8]), np.mean(singles, axis=0), rtol=1e-12
    )


def test_linear_regression_step_on_example_adds_the_scaled_one_example_gradient():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(5, 4)), rng.normal(size=5)
    objective = gd.LinearRegression()
    for i in range(5):
        theta = rng.normal(size=4)
        before = theta.copy()
        moved = objective.step_on_example(theta, X[i], y[i], -0.3)
        expected = theta - 0.3 * objective.gradient(theta, X[i : i + 1], y[i : i + 1])
        np.testing.assert_allclose(moved, expected, rtol=1e-13, atol=1e-15)
        np.testing.assert_array_equal(theta, before)


def test_linear_regression_loss_is_half_the_mean_squared_residual():
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    y = np.array([1.0, 2.0, 5.0])
    theta = np.array([1.0, 1.0])
    # Residuals 0, 0, -2: J = (0 + 0 + 4) / (2 * 3).
    assert gd.LinearRegression().loss(theta, X, y) == pytest.approx(4 / 6)
    # Gradient (1/3) Xᵀ r = (1/3) [-2, -4].
    np.testing.assert_allclose(
        gd.LinearRegression().gradient(theta, X, y), [-2 / 3, -4 / 3]
    )


def test_linear_regression_loss_grid_agrees_with_loss_at_each_point():
    X, y = regression_data(np.random.default_rng(3), n_features=1)
    thetas = np.random.default_rng(4).normal(size=(5, 7, 2))
    grid = gd.LinearRegression().loss_grid(thetas, X, y)
    pointwise = [[gd.LinearRegression().loss(t, X, y) for t in row] for row in thetas]
    np.testing.assert_allclose(grid, pointwise, rtol=1e-12)


def naive_log_likelihood(theta, X, y):
    """The textbook formula with σ written out: fine for moderate z only."""
    p = 1 / (1 + np.exp(-(X @ theta)))
    return np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def test_log_likelihood_equals_the_textbook_formula_for_moderate_z():
    X, y = classification_data(np.random.default_rng(5))
    for theta in np.random.default_rng(6).normal(size=(5, 3)):
        assert gd.LogLikelihood().loss(theta, X, y) == pytest.approx(
            naive_log_likelihood(theta, X, y), rel=1e-12
        )


@pytest.mark.parametrize(
    ("labels", "loss", "gradient"),
    [
        # Both examples predicted right with certainty: log-likelihood 0, slope 0.
        ([1.0, 0.0], 0.0, 0.0),
        # Both wrong: each costs |z| = 1000; slope (1/2)(1000·(0−1) − 1000·(1−0)).
        ([0.0, 1.0], -1000.0, -1000.0),
    ],
)
def test_log_likelihood_is_exact_and_silent_at_z_of_plus_minus_1000(
    labels, loss, gradient
):
    X = np.array([[1000.0], [-1000.0]])  # with θ = 1: z = +1000 and -1000
    y, theta = np.array(labels), np.array([1.0])
    objective = gd.LogLikelihood()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would fail the test
        assert objective.loss(theta, X, y) == loss
        np.testing.assert_array_equal(objective.gradient(theta, X, y), [gradient])
        both = objective.loss_and_gradient(theta, X, y)
    assert both[0] == loss


def test_sigmoid_is_exact_at_the_extremes_and_symmetric():
    z = np.array([-1000.0, -30.0, -1.0, 0.0, 1.0, 30.0, 1000.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = gd.sigmoid(z)
    assert values[0] == 0.0
    assert values[-1] == 1.0
    assert gd.sigmoid(0.0) == 0.5
    moderate = slice(1, -1)
    np.testing.assert_allclose(values[moderate], 1 / (1 + np.exp(-z[moderate])))
    np.testing.assert_allclose(gd.sigmoid(-z), 1 - values, atol=1e-15)


def test_known_minima():
    assert gd.Quadratic1D(curvature=3.0, minimum=-0.5).loss(-0.5) == 0.0
    bowl = gd.QuadraticBowl(10.0, center=(1.0, 2.0))
    assert bowl.loss(bowl.minimum) == 0.0
    np.testing.assert_array_equal(bowl.gradient(bowl.minimum), [0.0, 0.0])
    banana = gd.Rosenbrock(a=2.0, b=50.0)
    np.testing.assert_array_equal(banana.minimum, [2.0, 4.0])
    assert banana.loss(banana.minimum) == 0.0
    np.testing.assert_array_equal(banana.gradient(banana.minimum), [0.0, 0.0])


def test_bowl_has_the_condition_number_it_was_built_with():
    for kappa in (1.0, 10.0, 250.0):
        eigenvalues = np.linalg.eigvalsh(gd.QuadraticBowl(kappa, angle=37).A)
        assert eigenvalues.max() / eigenvalues.min() == pytest.approx(kappa)
        assert eigenvalues.min() == pytest.approx(1.0)


def test_bowl_and_rosenbrock_evaluate_a_whole_grid_like_each_point():
    points = np.random.default_rng(7).normal(size=(4, 6, 2))
    for objective in (gd.QuadraticBowl(5.0, center=(0.5, -1.0)), gd.Rosenbrock()):
        grid = objective.loss(points)
        assert grid.shape == (4, 6)
        expected = [[objective.loss(p) for p in row] for row in points]
        np.testing.assert_allclose(grid, expected, rtol=1e-12)


def test_double_well_minima_are_where_the_slope_vanishes_and_the_left_is_deeper():
    well = gd.DoubleWell1D(tilt=0.3)
    left, right = well.minima()
    assert left < 0 < right
    for point in (left, right):
        assert well.gradient(point) == pytest.approx(0.0, abs=1e-9)
        assert central_differences(well.gradient, point) > 0  # curves upwards
    assert well.loss(left) < well.loss(right)


def test_negated_flips_loss_and_gradient():
    X, y = classification_data(np.random.default_rng(8))
    theta = np.array([0.2, -0.4, 0.9])
    inner, outer = gd.LogLikelihood(), gd.Negated(gd.LogLikelihood())
    assert outer.loss(theta, X, y) == -inner.loss(theta, X, y)
    np.testing.assert_array_equal(
        outer.gradient(theta, X, y), -inner.gradient(theta, X, y)
    )
    loss, gradient = outer.loss_and_gradient(theta, X, y)
    assert loss == -inner.loss(theta, X, y)
    np.testing.assert_array_equal(gradient, -inner.gradient(theta, X, y))
    # Without a loss_and_gradient to forward, the two are computed separately.
    loss, gradient = gd.Negated(gd.Quadratic1D()).loss_and_gradient(3.0)
    assert (loss, gradient) == (-4.0, -4.0)


def test_numerical_gradient_matches_known_derivatives():
    assert gd.numerical_gradient(lambda t: t**3, 2.0) == pytest.approx(12.0, rel=1e-8)
    theta = np.array([0.3, -1.2, 2.0])
    numeric = gd.numerical_gradient(lambda t: np.sum(np.sin(t)), theta)
    np.testing.assert_allclose(numeric, np.cos(theta), rtol=1e-8)
    X, y = regression_data(np.random.default_rng(9))
    numeric = gd.numerical_gradient(gd.LinearRegression().loss, np.ones(4), X, y)
    np.testing.assert_allclose(
        numeric, gd.LinearRegression().gradient(np.ones(4), X, y), rtol=1e-7
    )


def test_numerical_gradient_leaves_theta_untouched():
    theta = np.array([1.0, 2.0])
    gd.numerical_gradient(lambda t: t @ t, theta)
    np.testing.assert_array_equal(theta, [1.0, 2.0])


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: gd.Quadratic1D(curvature=0.0), ValueError,
         r"curvature must be a positive finite number, got 0\.0"),
        (lambda: gd.QuadraticBowl(condition_number=0.5), ValueError,
         r"condition_number must be at least 1, got 0\.5"),
        (lambda: gd.QuadraticBowl(center=(1.0, 2.0, 3.0)), ValueError,
         r"center must have 2 entries, got shape \(3,\)"),
        (lambda: gd.Rosenbrock(b=-1.0), ValueError,
         r"b must be a positive finite number, got -1\.0"),
        (lambda: gd.Negated(42), TypeError,
         r"objective must have loss\(theta, X, y\) and gradient\(theta, X, y\) "
         + r"methods, got int without loss and gradient"),
        (lambda: gd.numerical_gradient(np.sum, [1.0], eps=0.0), ValueError,
         r"eps must be a positive finite number, got 0\.0"),
    ],
)
def test_bad_construction_is_refused_with_a_clear_message(make, error, match):
    with pytest.raises(error, match=match):
        make()


@pytest.mark.parametrize(
    ("objective", "theta", "X", "y", "match"),
    [
        (gd.LinearRegression(), np.zeros(3), np.ones((4, 2)), np.ones(4),
         r"theta must have shape \(2,\) \(one entry per column of X\), got \(3,\)"),
        (gd.LinearRegression(), np.zeros(1), np.ones(4), np.ones(4),
         r"X must be 2-D, of shape \(n_samples, n_features\), got shape \(4,\)"),
        (gd.LogLikelihood(), np.zeros(2), np.ones((3, 2)), np.array([-1.0, 1.0, 1.0]),
         r"y must contain only the labels 0 and 1, got -1, 1"),
        (gd.QuadraticBowl(), np.zeros(3), None, None,
         r"theta must have shape \(2,\) \(one entry per axis of the bowl\), "
         + r"got \(3,\)"),
        (gd.Rosenbrock(), np.zeros(()), None, None,
         r"theta must have shape \(2,\) .*, got \(\)"),
        (gd.Quadratic1D(), np.zeros(2), None, None,
         r"theta must have shape \(\) \(a single number\), got \(2,\)"),
        (gd.Negated(gd.LinearRegression()), np.zeros(3), np.ones((4, 2)), np.ones(4),
         r"theta must have shape \(2,\)"),
    ],
)
def test_validate_names_the_shape_an_objective_needs(objective, theta, X, y, match):
    with pytest.raises(ValueError, match=match):
        objective.validate(theta, X, y)


def test_validate_accepts_what_fits():
    gd.LinearRegression().validate(np.zeros(2), np.ones((4, 2)), np.ones(4))
    labels = np.array([0.0, 1.0, 1.0])
    gd.LogLikelihood().validate(np.zeros(2), np.ones((3, 2)), labels)
    gd.QuadraticBowl().validate(np.zeros(2))
    gd.DoubleWell1D().validate(np.float64(0.5))
    gd.Negated(gd.Quadratic1D()).validate(np.zeros(()))
