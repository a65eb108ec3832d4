"""The course's figures: one colour per method, labelled axes, ``ax=None`` everywhere.

Every function draws on the axes it is given (or on the current one), returns
those axes, and labels them, so a notebook cell can combine several in one
figure and end with ``plt.show()``.
"""

import matplotlib.pyplot as plt
import numpy as np

#: One colour per method, the same in every notebook.
COLORS = {
    "batch": "#1f77b4",
    "stochastic": "#d62728",
    "minibatch": "#2ca02c",
    "ascent": "#9467bd",
    "momentum": "#ff7f0e",
    "adam": "#8c564b",
    "reference": "#333333",
}

#: Marker per method, so the figures also read in grey.
MARKERS = {
    "batch": "o",
    "stochastic": ".",
    "minibatch": "s",
    "ascent": "^",
    "momentum": "D",
    "adam": "v",
    "reference": "*",
}

CONTOUR_CMAP = "viridis"


def use_course_style():
    """Set the figure size, font size and grid used throughout the course."""
    plt.rcParams.update(
        {
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 80,
            "font.size": 11,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def _axes(ax):
    """The axes to draw on: the one given, or the current one."""
    return plt.gca() if ax is None else ax


def _style(method):
    """The colour and marker of a method, with a clear error for unknown names."""
    if method not in COLORS:
        raise ValueError(f"method must be one of {sorted(COLORS)}, got {method!r}.")
    return COLORS[method], MARKERS[method]


def plot_loss(
    losses, ax=None, *, method="batch", label=None, log=False, x=None,
    xlabel="iteration",
):
    """Draw a loss curve.

    Parameters
    ----------
    losses : array-like or Result
        Loss per iteration (a :class:`gdlib.Result` gives its ``losses``).
    ax : matplotlib Axes, optional
    method : str, default="batch"
        Picks the colour; one of ``COLORS``.
    label : str, optional
        Legend entry; defaults to the method.
    log : bool, default=False
        Logarithmic loss axis (for losses that shrink by orders of magnitude).
    x : array-like, optional
        Positions along the horizontal axis (default 0, 1, 2, ...).
    xlabel : str, default="iteration"

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    values = np.asarray(getattr(losses, "losses", losses), dtype=float)
    x = np.arange(len(values)) if x is None else np.asarray(x)
    color, _ = _style(method)
    ax.plot(x, values, color=color, label=label or method)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(r"loss $J(\theta)$")
    if len(ax.get_lines()) > 1:
        ax.legend()
    return ax


def plot_cost_1d(
    objective, thetas=None, ax=None, *, bounds=None, method="batch", label=None
):
    """Draw a 1-D cost J(θ) and, optionally, the iterates of a run on it.

    Parameters
    ----------
    objective : object with ``loss(theta)``
    thetas : array-like or Result, optional
        Iterates θ₀, θ₁, ... to mark on the curve, joined in order.
    ax : matplotlib Axes, optional
    bounds : (float, float), optional
        Range of θ drawn; by default it covers the iterates with a margin.
    method : str, default="batch"
        Picks the colour and marker of the iterates; one of ``COLORS``.
    label : str, optional
        Legend entry for the iterates; defaults to the method.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    path = None
    if thetas is not None:
        path = np.asarray(getattr(thetas, "thetas", thetas), dtype=float)
    if bounds is None:
        low, high = (-3.0, 3.0) if path is None else (path.min(), path.max())
        margin = max(0.5, 0.15 * (high - low))
        bounds = (low - margin, high + margin)
    grid = np.linspace(*bounds, 400)
    ax.plot(
        grid, objective.loss(grid), color=COLORS["reference"], lw=1.5,
        label=r"$J(\theta)$",
    )
    if path is not None:
        color, marker = _style(method)
        ax.plot(path, objective.loss(path), color=color, marker=marker, ms=5, lw=1,
                label=label or method)
        ax.plot(path[0], objective.loss(path[0]), "o", mfc="white", mec=color, ms=8,
                label="start")
    ax.set_xlabel(r"$\theta$")
    ax.set_ylabel(r"$J(\theta)$")
    ax.legend()
    return ax


def contour_grid(objective, xlim, ylim, X=None, y=None, resolution=120):
    """Loss on a grid of (θ₀, θ₁), for :func:`plot_contours`: compute once, reuse.

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` of a θ of shape (2,)
        A ``loss_grid(thetas, X, y)`` method, if present, does the whole grid
        at once.
    xlim, ylim : (float, float)
        Ranges of θ₀ and θ₁.
    X, y : ndarray, optional
        Data the objective needs.
    resolution : int, default=120
        Grid points along each axis.

    Returns
    -------
    T0, T1, J : ndarray of shape (resolution, resolution)
    """
    t0, t1 = np.meshgrid(
        np.linspace(*xlim, resolution), np.linspace(*ylim, resolution)
    )
    points = np.stack([t0, t1], axis=-1)
    if hasattr(objective, "loss_grid"):
        values = objective.loss_grid(points, X, y)
    else:
        try:
            values = np.asarray(objective.loss(points, X, y), dtype=float)
            if values.shape != t0.shape:
                raise ValueError
        except (ValueError, TypeError, IndexError):
            flat = [objective.loss(p, X, y) for p in points.reshape(-1, 2)]
            values = np.array(flat, dtype=float).reshape(t0.shape)
    return t0, t1, values


def plot_contours(
    objective, paths=None, ax=None, *, xlim=(-3, 3), ylim=(-3, 3), X=None, y=None,
    optimum=None, levels=25, log_levels=True, grid=None,
):
    """Draw the level sets of a cost of two parameters, with descent paths on top.

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)``
    paths : dict of {method: array-like or Result}, optional
        Each path, an array of shape (k, 2) (or a Result's ``thetas``), drawn in
        its method's colour.
    ax : matplotlib Axes, optional
    xlim, ylim : (float, float)
        Ranges of θ₀ and θ₁.
    X, y : ndarray, optional
        Data the objective needs.
    optimum : array-like of shape (2,), optional
        Marked with a star.
    levels : int, default=25
        Number of level sets.
    log_levels : bool, default=True
        Space the levels geometrically away from the best value on the grid
        (the lowest, or for a surface with no positive value such as a
        log-likelihood, the highest), which shows both the floor and the walls.
    grid : tuple, optional
        A precomputed :func:`contour_grid` result, to redraw quickly.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    if grid is None:
        grid = contour_grid(objective, xlim, ylim, X, y)
    t0, t1, values = grid
    chosen = _log_levels(values, levels) if log_levels else levels
    ax.contour(t0, t1, values, levels=chosen, cmap=CONTOUR_CMAP, linewidths=0.8)
    for method, path in (paths or {}).items():
        path = np.asarray(getattr(path, "thetas", path), dtype=float)
        # A key may add a note after the method's name: "stochastic (α = 0.1)".
        color, marker = _style(method.split()[0])
        ax.plot(path[:, 0], path[:, 1], color=color, marker=marker, ms=3, lw=1,
                label=method)
        ax.plot(*path[0], "o", mfc="white", mec=color, ms=7)
    if optimum is not None:
        ax.plot(
            *np.asarray(optimum, dtype=float), "*", color=COLORS["reference"], ms=14,
            label="optimum",
        )
    ax.set_xlabel(r"$\theta_0$")
    ax.set_ylabel(r"$\theta_1$")
    ax.set_xlim(*t0[0, [0, -1]])
    ax.set_ylim(*t1[[0, -1], 0])
    if paths or optimum is not None:
        ax.legend(loc="upper right", fontsize=9)
    return ax


def _log_levels(values, count):
    """Levels packed geometrically towards the best value of the grid.

    A cost is best at its lowest; a surface with no positive value (a
    log-likelihood, or any −J) is best at its highest. The levels sit at
    distances from that best value spaced by equal ratios, over six decades.
    """
    finite = values[np.isfinite(values)]
    climb = finite.max() <= 0
    best = finite.max() if climb else finite.min()
    gaps = np.abs(finite - best)
    top = gaps.max()
    if top == 0:
        return count
    steps = np.geomspace(top * 1e-6, top, count)
    return np.sort(best - steps) if climb else best + steps


def plot_fit(X, y, theta, ax=None, *, method="batch", label="fitted line"):
    """Scatter 1-feature data and draw the line ŷ = θ₀ + θ₁x.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 1) or (n_samples,), without the ones column
    y : ndarray of shape (n_samples,)
    theta : array-like of shape (2,)
        Intercept then slope.
    ax : matplotlib Axes, optional
    method : str, default="batch"
        Picks the colour of the line; one of ``COLORS``.
    label : str, default="fitted line"
        Legend entry of the line.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    x = np.asarray(X, dtype=float).reshape(len(y), -1)[:, 0]
    ax.scatter(x, y, s=12, color="#999999", label="data")
    line = np.linspace(x.min(), x.max(), 2)
    color, _ = _style(method)
    ax.plot(line, theta[0] + theta[1] * line, color=color, lw=2, label=label)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.legend()
    return ax


def plot_decision_boundary(X, y, theta, ax=None, *, method="ascent", label="boundary"):
    """Scatter two-class data and draw the line where θ₀ + θ₁x₁ + θ₂x₂ = 0.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2), without the ones column
    y : ndarray of shape (n_samples,), labels 0 and 1
    theta : array-like of shape (3,)
        Intercept, then one weight per feature.
    ax : matplotlib Axes, optional
    method : str, default="ascent"
        Picks the colour of the boundary; one of ``COLORS``.
    label : str, default="boundary"
        Legend entry of the boundary.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    X = np.asarray(X, dtype=float)
    for label_value, marker, colour in [(0, "o", "#4c72b0"), (1, "^", "#dd8452")]:
        rows = np.asarray(y) == label_value
        ax.scatter(X[rows, 0], X[rows, 1], s=16, marker=marker, color=colour,
                   label=f"class {label_value}")
    x1 = np.linspace(X[:, 0].min(), X[:, 0].max(), 2)
    color, _ = _style(method)
    if abs(theta[2]) > 1e-12:
        x2 = -(theta[0] + theta[1] * x1) / theta[2]
        ax.plot(x1, x2, color=color, lw=2, label=label)
        ax.set_ylim(X[:, 1].min() - 0.5, X[:, 1].max() + 0.5)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.legend(fontsize=9)
    return ax
