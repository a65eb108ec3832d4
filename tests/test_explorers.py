"""The sliders of notebooks 04 to 06, through the pure functions behind them."""

import re
import warnings

import matplotlib
import numpy as np
import pytest

import gdlib as gd

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def line():
    X, y = gd.make_line(60, rng=3)
    return gd.add_intercept(gd.standardize(X)[0]), y


@pytest.fixture(scope="module")
def flowers():
    iris = gd.load_iris()
    keep = iris.target > 0
    X = gd.add_intercept(gd.standardize(iris.data[keep][:, 2:4])[0])
    return X, (iris.target[keep] == 2).astype(float)


def _readout(box):
    return re.sub("<[^>]+>", "", box.children[-1].value)


def _box(explorer, **controls):
    return gd.widgets.interactive(explorer.update, explorer.view, **controls)


def test_sgd_run_is_stochastic_descent_with_the_decaying_rate(line):
    X, y = line
    explorer = gd.explorers.SGDExplorer(X, y, epochs=5)

    result, text = explorer.run(0.05, 0.02, 4)

    schedule = gd.decaying_learning_rate(0.05, 0.02)
    plain = gd.stochastic_gradient_descent(gd.LinearRegression(), np.zeros(2), X, y,
                                           learning_rate=schedule, max_iterations=5,
                                           loss_threshold=0.0, rng=4)
    np.testing.assert_array_equal(result.theta, plain.theta)
    distance = np.linalg.norm(plain.theta - np.linalg.lstsq(X, y, rcond=None)[0])
    assert text.startswith("α₀ = 0.05, decay = 0.02, seed = 4 → after 5 epochs")
    assert f"J = {plain.loss:.4f}" in text and f"|θ − θ*| = {distance:.4f}" in text


def test_sgd_explorer_reports_divergence_in_the_readout_not_as_a_warning(line):
    X, y = line
    explorer = gd.explorers.SGDExplorer(X, y, epochs=5)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result, text = explorer.run(50.0, 0.0, 0)

    assert result.reason == "diverged"
    assert text.endswith("(diverged: lower α₀)")


def test_sgd_explorer_box_follows_each_slider(line):
    X, y = line
    explorer = gd.explorers.SGDExplorer(X, y, epochs=3)
    box = _box(explorer,
               learning_rate=gd.widgets.log_slider("α₀", 1e-3, 0.5, 0.05),
               decay=gd.widgets.float_slider("decay", 0.0, 0.05, 0.01, step=0.001),
               seed=gd.widgets.int_slider("seed", 0, 20, 0))
    learning_rate, decay, seed = box.children[:3]

    seed.value = 7
    assert "seed = 7" in _readout(box)
    decay.value = 0.03
    assert "decay = 0.03" in _readout(box)
    learning_rate.value = 0.1
    assert "α₀ = 0.1," in _readout(box)
    path = explorer.path.get_xydata()
    assert len(path) == 3 * len(y) + 1


@pytest.mark.parametrize(
    ("batch_size", "per_epoch"), [(1, "60 updates"), (7, "9 updates"), (60, "1 update")]
)
def test_minibatch_run_counts_updates_per_epoch(line, batch_size, per_epoch):
    X, y = line
    explorer = gd.explorers.MinibatchExplorer(X, y, learning_rate=0.1, epochs=4)

    result, text = explorer.run(batch_size)

    assert result.updates == 4 * -(-len(y) // batch_size)
    assert result.gradient_evaluations == 4 * len(y)
    assert text.startswith(f"batch size = {batch_size} → {per_epoch} per epoch")
    assert text.endswith(f"J = {result.loss:.4f}")


def test_minibatch_explorer_box_follows_the_slider(line):
    X, y = line
    explorer = gd.explorers.MinibatchExplorer(X, y, epochs=2)
    box = _box(explorer, batch_size=gd.widgets.int_slider("batch size", 1, len(y), 10))

    box.children[0].value = 13
    assert _readout(box).startswith("batch size = 13 → 5 updates per epoch")
    assert len(explorer.path.get_xydata()) == 2 * 5 + 1


def test_ascent_run_picks_theta_after_k_iterations(flowers):
    X, y = flowers
    theta0 = np.array([0.0, 1.0, -2.0])
    explorer = gd.explorers.AscentExplorer(X, y, theta0, max_iterations=30)

    result, theta, text = explorer.run(3.0, 12)

    plain = gd.gradient_ascent(gd.LogLikelihood(), theta0, X, y, learning_rate=3.0,
                               max_iterations=12, loss_threshold=0.0)
    np.testing.assert_allclose(theta, plain.theta, rtol=1e-12)
    accuracy = np.mean((X @ plain.theta > 0) == (y == 1))
    assert text == (f"α = 3, iterations = 12 → log-likelihood = {plain.loss:.4f}, "
                    f"accuracy = {accuracy:.1%}")
    _, start, text = explorer.run(3.0, 0)
    np.testing.assert_array_equal(start, theta0)
    assert result is explorer.run(3.0, 30)[0]


def test_ascent_explorer_box_follows_each_slider(flowers):
    X, y = flowers
    explorer = gd.explorers.AscentExplorer(X, y, [0.0, 1.0, -2.0], max_iterations=40)
    box = _box(explorer, learning_rate=gd.widgets.log_slider("α", 1e-2, 1e3, 3.0),
               iterations=gd.widgets.int_slider("iterations", 0, 40, 20))
    learning_rate, iterations = box.children[:2]

    iterations.value = 33
    assert "iterations = 33 →" in _readout(box)
    learning_rate.value = 10.0
    assert _readout(box).startswith("α = 10, iterations = 33 →")


def test_boundary_segment_lies_on_the_line_steep_or_flat():
    for theta in ([0.5, 1.0, -2.0], [0.5, 3.0, 0.01], [0.2, 0.0, 1.0], [1.0, 2.0, 0.0]):
        x1, x2 = gd.explorers.boundary_segment(theta, (-2, 2), (-3, 3))
        np.testing.assert_allclose(theta[0] + theta[1] * x1 + theta[2] * x2, 0,
                                   atol=1e-12)
    assert gd.explorers.boundary_segment([1.0, 0.0, 0.0], (-2, 2), (-3, 3)) is None


def test_plot_boundaries_draws_one_labelled_line_per_theta(flowers):
    import matplotlib.pyplot as plt

    X, y = flowers
    fig, ax = plt.subplots()
    thetas = {"start": [0, 1, -2], "later": [0, 3, 3], "none": [0, 0, 0]}

    gd.explorers.plot_boundaries(X, y, thetas, ax, class_names=("a", "b"))

    assert [line.get_label() for line in ax.get_lines()] == ["start", "later"]
    assert ax.get_xlabel() == "$x_1$"
    assert {text.get_text() for text in ax.get_legend().get_texts()} >= {"a", "b"}
    plt.close(fig)


def test_accuracy_counts_the_right_side_of_the_boundary():
    X = np.array([[1.0, -1.0], [1.0, 1.0], [1.0, 2.0]])
    assert gd.explorers.accuracy([0.0, 1.0], X, np.array([0.0, 1.0, 0.0])) == 2 / 3
