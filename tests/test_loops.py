"""The four loops against independent references and against each other."""

import numpy as np
import pytest

import gdlib as gd

SEED = 12345


def regression_problem(n_samples=60, seed=0):
    """Standardized two-feature regression with an intercept column."""
    X, y = gd.make_badly_scaled(n_samples, noise=1.0, rng=seed)
    return gd.add_intercept(gd.standardize(X)[0]), y


def classification_problem(n_samples=60, seed=0):
    X, y = gd.make_two_classes(n_samples, separation=2.0, rng=seed)
    return gd.add_intercept(X), y


class IndexSpy:
    """A regression objective that notes which examples each gradient saw.

    Column 1 of X holds each example's index, so a batch names its rows. The
    first call is the check at θ₀, on all the data; the updates follow.
    """

    def __init__(self):
        self.batches = []

    def update_batches(self, n_samples):
        assert self.batches[0] == list(range(n_samples))
        return self.batches[1:]

    def loss(self, theta, X, y):
        return gd.LinearRegression().loss(theta, X, y)

    def gradient(self, theta, X, y):
        self.batches.append(X[:, 1].astype(int).tolist())
        return gd.LinearRegression().gradient(theta, X, y)


def indexed_data(n_samples):
    X = np.column_stack([np.ones(n_samples), np.arange(n_samples)])
    return X, np.zeros(n_samples)


# Independent references -------------------------------------------------------------


def test_batch_descent_reaches_the_least_squares_solution():
    X, y = regression_problem()
    exact = np.linalg.lstsq(X, y, rcond=None)[0]
    result = gd.batch_gradient_descent(
        gd.LinearRegression(), np.zeros(3), X, y, learning_rate=0.5,
        loss_threshold=1e-16, max_iterations=20_000,
    )
    assert result.reason == "converged"
    assert np.linalg.norm(result.theta - exact) <= 1e-6 * np.linalg.norm(exact)


def test_batch_descent_fits_a_line_like_the_closed_form():
    X, y = gd.make_line(80, slope=-1.5, intercept=4.0, noise=0.3, rng=SEED)
    Xi = gd.add_intercept(X)
    exact = np.linalg.lstsq(Xi, y, rcond=None)[0]
    result = gd.batch_gradient_descent(
        gd.LinearRegression(), np.zeros(2), Xi, y, learning_rate=0.1,
        loss_threshold=1e-18, max_iterations=100_000,
    )
    np.testing.assert_allclose(result.theta, exact, rtol=1e-6)


def plain_sgd(X, y, theta0, learning_rate, seed, loss_threshold, max_iterations):
    """Stochastic descent on J = 1/(2m)||Xθ − y||², written out as on a slide."""
    rng = np.random.default_rng(seed)
    theta = np.array(theta0, dtype=float)
    path, losses = [theta.copy()], [np.mean((X @ theta - y) ** 2) / 2]
    for _ in range(max_iterations):
        for i in rng.permutation(len(y)):
            error = X[i] @ theta - y[i]
            theta = theta - learning_rate * error * X[i]
        path.append(theta.copy())
        losses.append(np.mean((X @ theta - y) ** 2) / 2)
        if abs(losses[-1] - losses[-2]) < loss_threshold:
            break
    return np.array(path), np.array(losses)


def test_stochastic_descent_matches_a_plain_restatement():
    X, y = regression_problem(n_samples=40, seed=1)
    settings = {"learning_rate": 0.02, "loss_threshold": 1e-7, "max_iterations": 200}
    path, losses = plain_sgd(X, y, np.zeros(3), seed=SEED, **settings)
    result = gd.stochastic_gradient_descent(
        gd.LinearRegression(), np.zeros(3), X, y, rng=SEED, **settings
    )
    assert result.iterations == len(path) - 1 > 5
    np.testing.assert_allclose(result.thetas, path, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(result.losses, losses, rtol=1e-12)


class GradientOnly:
    """Linear regression without its fused one-example step: the generic path."""

    def loss(self, theta, X, y):
        return gd.LinearRegression().loss(theta, X, y)

    def gradient(self, theta, X, y):
        return gd.LinearRegression().gradient(theta, X, y)


@pytest.mark.parametrize("maximize", [False, True])
def test_a_fused_one_example_step_follows_the_generic_update(maximize):
    X, y = regression_problem(n_samples=30, seed=2)
    settings = {"learning_rate": lambda t: 0.05 / (1 + t / 30), "max_iterations": 25,
                "record_updates": True, "batch_size": 1, "maximize": maximize}
    assert hasattr(gd.LinearRegression(), "step_on_example")
    fused = gd.run(gd.LinearRegression(), np.zeros(3), X, y, rng=SEED, **settings)
    generic = gd.run(GradientOnly(), np.zeros(3), X, y, rng=SEED, **settings)
    assert fused.updates == generic.updates == 30 * fused.iterations > 0
    np.testing.assert_allclose(fused.update_thetas, generic.update_thetas,
                               rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fused.losses, generic.losses, rtol=1e-10)
    assert fused.reason == generic.reason


def plain_minibatch_updates(X, y, theta0, learning_rate, batch_size, seed, passes):
    """Every θ of mini-batch descent, the last short batch included."""
    rng = np.random.default_rng(seed)
    theta = np.array(theta0, dtype=float)
    updates = [theta.copy()]
    for _ in range(passes):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch_size):
            rows = order[start : start + batch_size]
            gradient = X[rows].T @ (X[rows] @ theta - y[rows]) / len(rows)
            theta = theta - learning_rate * gradient
            updates.append(theta.copy())
    return np.array(updates)


def test_minibatch_descent_matches_a_plain_restatement_with_a_short_last_batch():
    X, y = regression_problem(n_samples=23, seed=2)
    expected = plain_minibatch_updates(X, y, np.ones(3), 0.1, 5, SEED, passes=4)
    result = gd.minibatch_gradient_descent(
        gd.LinearRegression(), np.ones(3), X, y, learning_rate=0.1, batch_size=5,
        rng=SEED, loss_threshold=0.0, max_iterations=4, record_updates=True,
    )
    assert result.updates == 4 * 5  # batches of 5, 5, 5, 5 and 3
    np.testing.assert_allclose(result.update_thetas, expected, rtol=1e-12, atol=1e-12)


def test_ascent_climbs_the_log_likelihood_like_a_plain_restatement():
    X, y = classification_problem()
    theta = np.zeros(3)
    path = [theta]
    for _ in range(25):
        p = 1 / (1 + np.exp(-(X @ theta)))
        theta = theta + 0.5 * X.T @ (y - p) / len(y)
        path.append(theta)
    result = gd.gradient_ascent(gd.LogLikelihood(), np.zeros(3), X, y,
                                learning_rate=0.5, loss_threshold=0.0,
                                max_iterations=25)
    np.testing.assert_allclose(result.thetas, path, rtol=1e-12, atol=1e-14)
    assert np.all(np.diff(result.losses) > 0)


# The variants against each other ----------------------------------------------------


def test_minibatch_with_the_whole_data_set_is_batch_descent_exactly():
    X, y = regression_problem()
    batch = gd.batch_gradient_descent(gd.LinearRegression(), np.zeros(3), X, y,
                                      learning_rate=0.3)
    whole = gd.minibatch_gradient_descent(gd.LinearRegression(), np.zeros(3), X, y,
                                          learning_rate=0.3, batch_size=len(y), rng=7)
    np.testing.assert_array_equal(whole.thetas, batch.thetas)
    np.testing.assert_array_equal(whole.losses, batch.losses)
    assert (whole.reason, whole.updates) == (batch.reason, batch.updates)


def test_minibatch_of_one_is_stochastic_descent_for_the_same_rng():
    X, y = regression_problem()
    options = {"learning_rate": 0.01, "max_iterations": 30, "record_updates": True}
    sgd = gd.stochastic_gradient_descent(gd.LinearRegression(), np.zeros(3), X, y,
                                         rng=np.random.default_rng(SEED), **options)
    ones = gd.minibatch_gradient_descent(gd.LinearRegression(), np.zeros(3), X, y,
                                         batch_size=1, rng=np.random.default_rng(SEED),
                                         **options)
    np.testing.assert_array_equal(ones.update_thetas, sgd.update_thetas)
    np.testing.assert_array_equal(ones.losses, sgd.losses)


@pytest.mark.parametrize("batch_size", [None, 1, 7])
def test_ascent_on_j_follows_descent_on_minus_j(batch_size):
    X, y = classification_problem()
    options = {"learning_rate": 0.2, "max_iterations": 40, "record_updates": True}
    if batch_size is not None:
        options.update(batch_size=batch_size, rng=SEED)
    up = gd.gradient_ascent(gd.LogLikelihood(), np.zeros(3), X, y, **options)
    down = gd.run(gd.Negated(gd.LogLikelihood()), np.zeros(3), X, y, **options)
    np.testing.assert_array_equal(up.update_thetas, down.update_thetas)
    np.testing.assert_array_equal(up.losses, -down.losses)
    assert (up.reason, up.iterations) == (down.reason, down.iterations)


def test_ascent_on_a_function_of_theta_alone_mirrors_descent():
    up = gd.gradient_ascent(gd.Negated(gd.Quadratic1D()), 3.0, learning_rate=0.1)
    down = gd.batch_gradient_descent(gd.Quadratic1D(), 3.0, learning_rate=0.1)
    np.testing.assert_array_equal(up.thetas, down.thetas)
    np.testing.assert_array_equal(up.losses, -down.losses)


def test_the_entry_points_are_the_one_loop_with_one_setting_fixed():
    X, y = regression_problem()
    model, theta0 = gd.LinearRegression(), np.zeros(3)
    same = {"X": X, "y": y, "learning_rate": 0.02, "max_iterations": 20}
    pairs = [
        (gd.batch_gradient_descent(model, theta0, **same),
         gd.run(model, theta0, **same)),
        (gd.stochastic_gradient_descent(model, theta0, rng=3, **same),
         gd.run(model, theta0, batch_size=1, rng=3, **same)),
        (gd.minibatch_gradient_descent(model, theta0, batch_size=8, rng=3, **same),
         gd.run(model, theta0, batch_size=8, rng=3, **same)),
        (gd.gradient_ascent(gd.Negated(model), theta0, **same),
         gd.run(gd.Negated(model), theta0, maximize=True, **same)),
    ]
    for entry, direct in pairs:
        np.testing.assert_array_equal(entry.thetas, direct.thetas)
        assert entry.iterations > 1


# Shuffling and seeds ----------------------------------------------------------------


def test_stochastic_descent_visits_every_example_once_per_pass_in_a_new_order():
    spy = IndexSpy()
    X, y = indexed_data(9)
    result = gd.stochastic_gradient_descent(spy, np.zeros(2), X, y, learning_rate=1e-3,
                                            rng=SEED, loss_threshold=0.0,
                                            max_iterations=4)
    assert result.updates == 4 * 9
    batches = spy.update_batches(9)
    assert all(len(batch) == 1 for batch in batches)
    orders = [[b[0] for b in batches[k * 9 : (k + 1) * 9]] for k in range(4)]
    for order in orders:
        assert sorted(order) == list(range(9))
    assert len({tuple(order) for order in orders}) == 4


def test_minibatch_uses_the_short_last_batch_and_covers_every_example():
    spy = IndexSpy()
    X, y = indexed_data(10)
    result = gd.minibatch_gradient_descent(spy, np.zeros(2), X, y, learning_rate=1e-3,
                                           batch_size=4, rng=SEED, loss_threshold=0.0,
                                           max_iterations=3)
    assert result.updates == 9
    assert result.gradient_evaluations == 30
    batches = spy.update_batches(10)
    assert [len(batch) for batch in batches] == [4, 4, 2] * 3
    for k in range(3):
        seen = [row for batch in batches[3 * k : 3 * k + 3] for row in batch]
        assert sorted(seen) == list(range(10))


def test_same_seed_gives_identical_runs_and_another_seed_another_path():
    X, y = regression_problem()

    def sgd(rng):
        return gd.stochastic_gradient_descent(gd.LinearRegression(), np.zeros(3), X, y,
                                              learning_rate=0.01, rng=rng,
                                              max_iterations=10)

    first, again = sgd(SEED), sgd(SEED)
    np.testing.assert_array_equal(first.thetas, again.thetas)
    np.testing.assert_array_equal(first.losses, again.losses)
    from_generator = sgd(np.random.default_rng(SEED))
    np.testing.assert_array_equal(from_generator.thetas, first.thetas)
    other = sgd(SEED + 1)
    assert not np.allclose(other.thetas[1:], first.thetas[1:])


def test_one_generator_shared_by_two_runs_gives_them_different_orders():
    X, y = regression_problem()
    rng = np.random.default_rng(SEED)
    runs = [
        gd.stochastic_gradient_descent(gd.LinearRegression(), np.zeros(3), X, y,
                                       learning_rate=0.01, rng=rng, max_iterations=3)
        for _ in range(2)
    ]
    assert not np.array_equal(runs[0].thetas, runs[1].thetas)


# Counts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("batch_size", "updates_per_pass"), [(None, 1), (1, 30), (8, 4), (30, 1)]
)
def test_counts_of_updates_and_gradient_evaluations(batch_size, updates_per_pass):
    X, y = regression_problem(n_samples=30)
    options = {} if batch_size is None else {"batch_size": batch_size, "rng": 0}
    result = gd.run(gd.LinearRegression(), np.zeros(3), X, y, learning_rate=0.01,
                    loss_threshold=0.0, max_iterations=5, **options)
    assert result.iterations == 5
    assert result.updates == 5 * updates_per_pass
    assert result.gradient_evaluations == 5 * 30


# Options each entry point fixes -----------------------------------------------------


@pytest.mark.parametrize(
    ("loop", "option"),
    [
        (gd.batch_gradient_descent, "batch_size"),
        (gd.batch_gradient_descent, "maximize"),
        (gd.stochastic_gradient_descent, "batch_size"),
        (gd.stochastic_gradient_descent, "maximize"),
        (gd.minibatch_gradient_descent, "maximize"),
        (gd.gradient_ascent, "maximize"),
    ],
)
def test_an_entry_point_refuses_the_option_it_fixes(loop, option):
    X, y = regression_problem()
    kwargs = {"batch_size": 4} if loop is gd.minibatch_gradient_descent else {}
    kwargs[option] = 4 if option == "batch_size" else True
    with pytest.raises(TypeError, match=rf"{loop.__name__}\(\) does not take {option}"):
        loop(gd.LinearRegression(), np.zeros(3), X, y, learning_rate=0.1, **kwargs)


@pytest.mark.parametrize(
    "loop", [gd.stochastic_gradient_descent, gd.minibatch_gradient_descent]
)
def test_per_example_loops_need_data(loop):
    kwargs = {"batch_size": 1} if loop is gd.minibatch_gradient_descent else {}
    with pytest.raises(ValueError, match=r"needs data: X and y must both be given"):
        loop(gd.Quadratic1D(), 3.0, None, None, learning_rate=0.1, **kwargs)
