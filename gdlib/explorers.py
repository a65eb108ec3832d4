"""The figures and computations behind the sliders of notebooks 04 to 06.

Each explorer keeps its data and its figure's fixed parts. Its ``run`` method
is the pure computation behind one position of the sliders and returns the
run and the readout text, so it can be tested without a browser; its
``update`` method also moves the figure's changing lines. A notebook wires
them to sliders in one call::

    explorer = gd.explorers.SGDExplorer(X, y)
    gd.widgets.interactive(explorer.update, explorer.view,
                           learning_rate=gd.widgets.log_slider("α₀", 1e-3, 0.5, 0.05),
                           decay=gd.widgets.float_slider("decay", 0, 0.05, 0.01),
                           seed=gd.widgets.int_slider("seed", 0, 20, 0))

:func:`plot_boundaries` draws the static figure beside the ascent explorer.
"""

import warnings

import matplotlib.pyplot as plt
import numpy as np

from . import plots, widgets
from .core import DivergenceWarning
from .loops import (
    gradient_ascent,
    minibatch_gradient_descent,
    stochastic_gradient_descent,
)
from .objectives import LinearRegression, LogLikelihood
from .sampling import decaying_learning_rate


def _least_squares(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]


def _box_around(*points, margin=0.25):
    """Axis limits holding every point, widened by ``margin`` of their spread."""
    points = np.array(points, dtype=float)
    low, high = points.min(axis=0), points.max(axis=0)
    pad = margin * np.maximum(high - low, 1.0)
    return (low[0] - pad[0], high[0] + pad[0]), (low[1] - pad[1], high[1] + pad[1])


def _quietly(function, *args, **kwargs):
    """Run a loop; divergence is reported in the readout, not as a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DivergenceWarning)
        return function(*args, **kwargs)


class _RegressionExplorer:
    """Contours of the mean squared error with a path, and a curve beside them."""

    def __init__(self, X, y, theta0):
        self.X, self.y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        self.objective = LinearRegression()
        self.theta0 = np.zeros(2) if theta0 is None else np.asarray(theta0, dtype=float)
        self.best = _least_squares(self.X, self.y)
        self.best_loss = self.objective.loss(self.best, self.X, self.y)
        self.xlim, self.ylim = _box_around(self.theta0, self.best)

    def _contour_panel(self, ax, method):
        grid = plots.contour_grid(self.objective, self.xlim, self.ylim, self.X, self.y,
                                  resolution=100)
        plots.plot_contours(self.objective, ax=ax, grid=grid, optimum=self.best)
        ax.plot(*self.theta0, "o", mfc="white", mec=plots.COLORS[method], ms=7)
        color, marker = plots.COLORS[method], plots.MARKERS[method]
        (self.path,) = ax.plot([], [], color=color, lw=0.7, alpha=0.8)
        (self.end,) = ax.plot([], [], marker=marker, color=color, ms=9, ls="none",
                              label="end")
        # The optimum sits near the top right corner: keep the legend clear of it.
        ax.legend(loc="lower right", fontsize=9)


class SGDExplorer(_RegressionExplorer):
    """Stochastic descent on a line fit, with α_t = α₀ / (1 + decay·t) and a seed.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2)
        Inputs with the column of ones first.
    y : ndarray of shape (n_samples,)
    epochs : int >= 1, default=20
    theta0 : array-like of shape (2,), optional
        Start; zeros by default.
    """

    def __init__(self, X, y, epochs=20, theta0=None):
        super().__init__(X, y, theta0)
        self.epochs = epochs
        self.fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
        self._contour_panel(left, "stochastic")
        left.set_title("path of every update")
        (self.curve,) = right.plot([], [], color=plots.COLORS["stochastic"],
                                   marker=".", lw=1)
        right.set(yscale="log", xlim=(0, epochs), ylim=(1e-3, 20),
                  xlabel="epoch", ylabel=r"distance $\|\theta - \theta^*\|$",
                  title="distance to the least-squares θ*")
        self.fig.tight_layout()
        self.view = widgets.LiveFigure(self.fig, [self.path, self.end, self.curve])

    def run(self, learning_rate, decay, seed):
        """One run for one position of the sliders: (Result, readout text)."""
        result = _quietly(
            stochastic_gradient_descent, self.objective, self.theta0, self.X, self.y,
            learning_rate=decaying_learning_rate(learning_rate, decay),
            max_iterations=self.epochs, loss_threshold=0.0, rng=seed,
            record_updates=True,
        )
        distance = float(np.linalg.norm(result.theta - self.best))
        text = (f"α₀ = {learning_rate:.3g}, decay = {decay:.3g}, seed = {seed} → "
                f"after {result.iterations} epochs: J = {result.loss:.4f}, "
                f"|θ − θ*| = {distance:.4f}")
        if result.reason == "diverged":
            text += " (diverged: lower α₀)"
        return result, text

    def update(self, learning_rate, decay, seed):
        result, text = self.run(learning_rate, decay, seed)
        self.path.set_data(*result.update_thetas.T)
        self.end.set_data([result.theta[0]], [result.theta[1]])
        distances = np.linalg.norm(result.thetas - self.best, axis=1)
        self.curve.set_data(np.arange(len(distances)), distances)
        return text


class MinibatchExplorer(_RegressionExplorer):
    """Mini-batch descent on a line fit for a fixed number of epochs, batch size free.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2)
        Inputs with the column of ones first.
    y : ndarray of shape (n_samples,)
    learning_rate : float > 0, default=0.1
    epochs : int >= 1, default=10
    seed : int, default=0
        Seeds the shuffling, the same for every batch size.
    theta0 : array-like of shape (2,), optional
    """

    def __init__(self, X, y, learning_rate=0.1, epochs=10, seed=0, theta0=None):
        super().__init__(X, y, theta0)
        self.learning_rate, self.epochs, self.seed = learning_rate, epochs, seed
        self.fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
        self._contour_panel(left, "minibatch")
        left.set_title(f"every update, α = {learning_rate:g}")
        start_loss = self.objective.loss(self.theta0, self.X, self.y)
        right.axhline(self.best_loss, color=plots.COLORS["reference"], lw=1, ls="--",
                      label="least squares")
        (self.curve,) = right.plot([], [], color=plots.COLORS["minibatch"],
                                   marker=".", lw=1, label="mini-batch")
        right.set(yscale="log", xlim=(0, epochs),
                  ylim=(0.9 * self.best_loss, 1.5 * start_loss), xlabel="epoch",
                  ylabel=r"loss $J(\theta)$", title=f"loss over {epochs} epochs")
        right.legend()
        self.fig.tight_layout()
        self.view = widgets.LiveFigure(self.fig, [self.path, self.end, self.curve])

    def run(self, batch_size):
        """One run for one batch size: (Result, readout text)."""
        result = _quietly(
            minibatch_gradient_descent, self.objective, self.theta0, self.X, self.y,
            learning_rate=self.learning_rate, batch_size=batch_size,
            max_iterations=self.epochs, loss_threshold=0.0, rng=self.seed,
            record_updates=True,
        )
        per_epoch = -(-len(self.y) // batch_size)
        updates = "update" if per_epoch == 1 else "updates"
        text = (f"batch size = {batch_size} → {per_epoch} {updates} per epoch, "
                f"{result.updates} in {result.iterations} epochs: "
                f"J = {result.loss:.4f}")
        if result.reason == "diverged":
            text += " (diverged)"
        return result, text

    def update(self, batch_size):
        result, text = self.run(batch_size)
        self.path.set_data(*result.update_thetas.T)
        self.end.set_data([result.theta[0]], [result.theta[1]])
        self.curve.set_data(np.arange(len(result.losses)), result.losses)
        return text


def boundary_segment(theta, xlim, ylim):
    """End points of the line θ₀ + θ₁x₁ + θ₂x₂ = 0 across a box (None if θ₁ = θ₂ = 0).

    Walks along whichever axis the line is less steep against, so nearly
    vertical lines are drawn as well as flat ones.

    Parameters
    ----------
    theta : array-like of shape (3,)
        Intercept, then one weight per feature.
    xlim, ylim : (float, float)
        The box, in the units of the two features.

    Returns
    -------
    (x1 values, x2 values) : tuple of two arrays of shape (2,), or None
    """
    t0, t1, t2 = np.asarray(theta, dtype=float)
    if abs(t1) < 1e-12 and abs(t2) < 1e-12:
        return None
    if abs(t2) >= abs(t1):
        x1 = np.array(xlim, dtype=float)
        return x1, -(t0 + t1 * x1) / t2
    x2 = np.array(ylim, dtype=float)
    return -(t0 + t2 * x2) / t1, x2


def _scatter_classes(ax, X, y, class_names, feature_names):
    for value, marker, colour in [(0, "o", "#4c72b0"), (1, "^", "#dd8452")]:
        rows = np.asarray(y) == value
        ax.scatter(X[rows, 1], X[rows, 2], s=16, marker=marker, color=colour,
                   label=class_names[value])
    ax.set_xlabel(feature_names[0])
    ax.set_ylabel(feature_names[1])


def _limits(X):
    pad = 0.5
    return ((X[:, 1].min() - pad, X[:, 1].max() + pad),
            (X[:, 2].min() - pad, X[:, 2].max() + pad))


def plot_boundaries(X, y, thetas, ax=None, *, class_names=("class 0", "class 1"),
                    feature_names=("$x_1$", "$x_2$")):
    """Two-class data and the decision boundary of several parameter vectors.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 3)
        Inputs with the column of ones first; columns 1 and 2 are plotted.
    y : ndarray of shape (n_samples,), labels 0 and 1
    thetas : dict of {label: array-like of shape (3,)}
        Drawn in order, from light to dark.
    ax : matplotlib Axes, optional
    class_names : (str, str)
    feature_names : (str, str)
        Axis labels.

    Returns
    -------
    matplotlib Axes
    """
    ax = plt.gca() if ax is None else ax
    X = np.asarray(X, dtype=float)
    xlim, ylim = _limits(X)
    _scatter_classes(ax, X, y, class_names, feature_names)
    shades = plt.get_cmap("Purples")(np.linspace(0.35, 1.0, max(len(thetas), 1)))
    for shade, (label, theta) in zip(shades, thetas.items()):
        segment = boundary_segment(theta, xlim, ylim)
        if segment is not None:
            ax.plot(*segment, color=shade, lw=2, label=label)
    ax.set(xlim=xlim, ylim=ylim)
    ax.legend(fontsize=8, loc="best")
    return ax


def accuracy(theta, X, y):
    """Share of examples on the right side of the boundary (predict 1 when x·θ ≥ 0).

    Parameters
    ----------
    theta : array-like of shape (n_features,)
    X : ndarray of shape (n_samples, n_features)
        Inputs, with the column of ones if θ has an intercept.
    y : ndarray of shape (n_samples,), labels 0 and 1

    Returns
    -------
    float in [0, 1]
    """
    predicted = np.asarray(X) @ np.asarray(theta) >= 0
    return float(np.mean(predicted == (np.asarray(y) == 1)))


class AscentExplorer:
    """Logistic regression by gradient ascent: the boundary after k steps of size α.

    Runs are cached per learning rate, so moving the iterations slider only
    picks a stored θ.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 3)
        Inputs with the column of ones first.
    y : ndarray of shape (n_samples,), labels 0 and 1
    theta0 : array-like of shape (3,)
    max_iterations : int >= 1, default=200
        The iterations slider's upper end.
    class_names, feature_names : (str, str)
        Legend entries for the classes, and axis labels.
    """

    def __init__(self, X, y, theta0, max_iterations=200,
                 class_names=("class 0", "class 1"), feature_names=("$x_1$", "$x_2$")):
        self.X, self.y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        self.theta0 = np.asarray(theta0, dtype=float)
        self.max_iterations = max_iterations
        self.objective = LogLikelihood()
        self._runs = {}
        self.fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
        self.xlim, self.ylim = _limits(self.X)
        _scatter_classes(left, self.X, self.y, class_names, feature_names)
        start = boundary_segment(self.theta0, self.xlim, self.ylim)
        if start is not None:
            left.plot(*start, color="#999999", lw=1.5, ls="--", label="start")
        (self.line,) = left.plot([], [], color=plots.COLORS["ascent"], lw=2.5,
                                 label="boundary")
        left.set(xlim=self.xlim, ylim=self.ylim, title="decision boundary")
        left.legend(fontsize=8, loc="lower right")
        (self.curve,) = right.plot([], [], color=plots.COLORS["ascent"], lw=1.5)
        (self.now,) = right.plot([], [], "o", color=plots.COLORS["ascent"], ms=8)
        right.set(xlim=(0, max_iterations), ylim=(-3.0, 0.0), xlabel="iteration",
                  ylabel="mean log-likelihood", title="climbing the log-likelihood")
        self.fig.tight_layout()
        self.view = widgets.LiveFigure(self.fig, [self.line, self.curve, self.now])

    def _run(self, learning_rate):
        if learning_rate not in self._runs:
            self._runs[learning_rate] = _quietly(
                gradient_ascent, self.objective, self.theta0, self.X, self.y,
                learning_rate=learning_rate, max_iterations=self.max_iterations,
                loss_threshold=0.0,
            )
        return self._runs[learning_rate]

    def run(self, learning_rate, iterations):
        """θ after ``iterations`` steps of size α: (Result, θ, readout text)."""
        result = self._run(learning_rate)
        k = min(iterations, result.iterations)
        theta = result.thetas[k]
        text = (f"α = {learning_rate:.3g}, iterations = {iterations} → "
                f"log-likelihood = {result.losses[k]:.4f}, "
                f"accuracy = {accuracy(theta, self.X, self.y):.1%}")
        return result, theta, text

    def update(self, learning_rate, iterations):
        result, theta, text = self.run(learning_rate, iterations)
        segment = boundary_segment(theta, self.xlim, self.ylim)
        self.line.set_data(*(segment if segment is not None else ([], [])))
        self.curve.set_data(np.arange(len(result.losses)), result.losses)
        k = min(iterations, result.iterations)
        self.now.set_data([k], [result.losses[k]])
        return text
