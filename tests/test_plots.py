"""The figure helpers on the Agg backend: axes, labels and artists, not pixels."""

import matplotlib
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest

import gdlib as gd
from gdlib import plots

plt.switch_backend("Agg")


@pytest.fixture
def ax():
    figure, axes = plt.subplots()
    yield axes
    plt.close(figure)


def colour_of(line):
    return mcolors.to_hex(line.get_color())


def line_data():
    X, y = gd.make_line(30, rng=0)
    return X, y, gd.add_intercept(X)


def test_each_method_has_its_own_colour_and_marker():
    assert set(plots.COLORS) == set(plots.MARKERS)
    assert {"batch", "stochastic", "minibatch", "ascent"} <= set(plots.COLORS)
    assert len({mcolors.to_hex(c) for c in plots.COLORS.values()}) == len(plots.COLORS)
    assert len(set(plots.MARKERS.values())) == len(plots.MARKERS)


def test_use_course_style_sets_the_shared_look():
    with matplotlib.rc_context():
        plots.use_course_style()
        assert plt.rcParams["axes.grid"] is True
        assert tuple(plt.rcParams["figure.figsize"]) == (6.4, 4.0)


def test_plot_loss_labels_its_axes_and_uses_the_method_colour(ax):
    result = gd.batch_gradient_descent(gd.Quadratic1D(), 3.0, learning_rate=0.1)
    returned = plots.plot_loss(result, ax=ax, method="batch")
    assert returned is ax
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_ydata(), result.losses)
    np.testing.assert_array_equal(line.get_xdata(), np.arange(len(result.losses)))
    assert colour_of(line) == plots.COLORS["batch"]
    assert ax.get_xlabel() == "iteration"
    assert "J" in ax.get_ylabel()
    assert ax.get_legend() is None  # one series needs no legend


def test_plot_loss_of_two_methods_adds_a_legend_and_log_scale(ax):
    plots.plot_loss([4.0, 2.0, 1.0], ax=ax, method="batch")
    plots.plot_loss([4.0, 3.0, 0.5], ax=ax, method="stochastic", label="SGD", log=True,
                    x=[0, 10, 20], xlabel="update")
    batch, sgd = ax.get_lines()
    assert colour_of(batch) != colour_of(sgd) == plots.COLORS["stochastic"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["batch", "SGD"]
    assert ax.get_yscale() == "log"
    assert ax.get_xlabel() == "update"
    np.testing.assert_array_equal(sgd.get_xdata(), [0, 10, 20])


def test_plot_loss_draws_on_the_current_axes_when_none_is_given(ax):
    plt.sca(ax)
    assert plots.plot_loss([1.0, 0.5]) is ax


def test_plot_cost_1d_draws_the_curve_and_the_iterates(ax):
    result = gd.batch_gradient_descent(gd.Quadratic1D(), 3.0, learning_rate=0.3)
    assert plots.plot_cost_1d(gd.Quadratic1D(), result, ax=ax, method="ascent") is ax
    curve, path, start = ax.get_lines()
    expected = gd.Quadratic1D().loss(curve.get_xdata())
    np.testing.assert_allclose(curve.get_ydata(), expected)
    assert (start.get_xdata()[0], start.get_ydata()[0]) == (3.0, 4.0)
    np.testing.assert_array_equal(path.get_xdata(), result.thetas)
    assert colour_of(path) == plots.COLORS["ascent"]
    assert curve.get_xdata().min() < result.thetas.min() < result.thetas.max()
    assert ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.get_legend().get_texts()) == 3


def test_plot_cost_1d_without_iterates_uses_its_bounds(ax):
    plots.plot_cost_1d(gd.DoubleWell1D(), ax=ax, bounds=(-2.0, 2.0))
    (curve,) = ax.get_lines()
    assert (curve.get_xdata()[0], curve.get_xdata()[-1]) == (-2.0, 2.0)


def test_plot_contours_draws_levels_paths_and_optimum(ax):
    bowl = gd.QuadraticBowl()
    batch = gd.batch_gradient_descent(bowl, [2.5, 2.0], learning_rate=0.1)
    returned = plots.plot_contours(
        bowl, {"batch": batch, "stochastic (α = 0.1)": batch.thetas[::2]}, ax=ax,
        optimum=bowl.minimum,
    )
    assert returned is ax
    assert len(ax.collections) >= 1  # the contour set
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["batch", "stochastic (α = 0.1)", "optimum"]
    colours = {line.get_label(): colour_of(line) for line in ax.get_lines()}
    assert colours["batch"] == plots.COLORS["batch"]
    assert colours["stochastic (α = 0.1)"] == plots.COLORS["stochastic"]
    assert ax.get_xlabel() == r"$\theta_0$" and ax.get_ylabel() == r"$\theta_1$"
    assert ax.get_xlim() == (-3.0, 3.0)


def test_contour_grid_matches_the_loss_and_can_be_reused(ax):
    _, y, Xi = line_data()
    grid = plots.contour_grid(gd.LinearRegression(), (-1, 3), (0, 4), Xi, y,
                              resolution=15)
    t0, t1, values = grid
    assert values.shape == (15, 15)
    assert values[4, 7] == pytest.approx(
        gd.LinearRegression().loss(np.array([t0[4, 7], t1[4, 7]]), Xi, y)
    )
    # An objective without loss_grid, evaluated point by point, agrees.
    slow = plots.contour_grid(gd.Negated(gd.LinearRegression()), (-1, 3), (0, 4), Xi,
                              y, resolution=15)
    np.testing.assert_allclose(slow[2], -values)
    plots.plot_contours(gd.LinearRegression(), ax=ax, grid=grid)
    assert ax.get_xlim() == (-1.0, 3.0) and ax.get_ylim() == (0.0, 4.0)


def test_contour_levels_suit_costs_and_likelihoods_alike():
    cost = np.linspace(0.5, 100.0, 50)
    levels = plots._log_levels(cost, 10)
    assert levels.min() > 0.5 and levels.max() == pytest.approx(100.0)
    assert np.all(np.diff(levels) > 0)
    likelihood = -cost  # all values below 0, best at the top
    levels = plots._log_levels(likelihood, 10)
    assert levels.max() < -0.5 and levels.min() == pytest.approx(-100.0)
    assert np.all(np.diff(levels) > 0)
    assert np.all(np.isfinite(levels))


def test_plot_contours_of_a_log_likelihood_draws_finite_levels(ax):
    X, y = gd.make_two_classes(60, rng=1)
    result = gd.gradient_ascent(gd.LogLikelihood(), np.zeros(2), X, y,
                                learning_rate=0.5)
    with np.errstate(all="raise"):
        plots.plot_contours(gd.LogLikelihood(), {"ascent": result}, ax=ax, X=X, y=y,
                            xlim=(-1, 4), ylim=(-1, 3))
    levels = ax.collections[0].levels
    assert np.all(np.isfinite(levels)) and levels.max() < 0


def test_plot_fit_draws_data_and_the_line(ax):
    X, y, _ = line_data()
    returned = plots.plot_fit(X, y, np.array([1.0, 2.0]), ax=ax, method="minibatch")
    assert returned is ax
    assert len(ax.collections) == 1  # the scatter of the data
    (line,) = ax.get_lines()
    x = line.get_xdata()
    np.testing.assert_allclose(line.get_ydata(), 1.0 + 2.0 * x)
    assert colour_of(line) == plots.COLORS["minibatch"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("$x$", "$y$")


def test_plot_decision_boundary_draws_both_classes_and_the_boundary(ax):
    X, y = gd.make_two_classes(40, rng=2)
    theta = np.array([0.5, 2.0, -1.0])
    assert plots.plot_decision_boundary(X, y, theta, ax=ax) is ax
    assert len(ax.collections) == 2
    (line,) = ax.get_lines()
    x1, x2 = line.get_xdata(), line.get_ydata()
    np.testing.assert_allclose(theta[0] + theta[1] * x1 + theta[2] * x2, 0.0,
                               atol=1e-12)
    assert colour_of(line) == plots.COLORS["ascent"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("$x_1$", "$x_2$")


@pytest.mark.parametrize(
    "draw",
    [
        lambda ax: plots.plot_loss([1.0], ax=ax, method="newton"),
        lambda ax: plots.plot_fit([[0.0], [1.0]], [0.0, 1.0], [0, 1], ax=ax,
                                  method="newton"),
        lambda ax: plots.plot_contours(gd.QuadraticBowl(), {"newton": [[0, 0], [1, 1]]},
                                       ax=ax),
    ],
)
def test_an_unknown_method_is_refused_with_the_known_ones(ax, draw):
    with pytest.raises(ValueError, match=r"method must be one of \[.*'batch'.*\], "
                       r"got 'newton'"):
        draw(ax)
