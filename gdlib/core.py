"""The update rule and the one loop behind every variant of gradient descent.

Notebook 01 derives the update rule, notebook 03 the batch loop with its stopping
rule, notebook 04 the stochastic loop, notebook 05 the mini-batch loop and
notebook 06 gradient ascent. They are all :func:`run` with different settings.
"""

import math
import numbers
import sys
import time
import warnings
from dataclasses import dataclass, field

import numpy as np

from . import _validation as check

#: A loss this many times its starting size (or 1, if larger) above it has diverged.
DIVERGENCE_GROWTH = 1e4

REASONS = ("converged", "max_iterations", "diverged", "no_improvement", "callback")


class DivergenceWarning(RuntimeWarning):
    """The loss became non-finite or grew far past its starting value."""


def step(theta, gradient, learning_rate, *, maximize=False):
    """Take one gradient step and return the new parameters.

    Computes ``theta - learning_rate * gradient``, or ``theta + learning_rate *
    gradient`` when maximizing. The inputs are never modified. Derived in
    notebook 01.

    Parameters
    ----------
    theta : float or ndarray
        Current parameters θ.
    gradient : float or ndarray, same shape as theta
        Gradient ∂J/∂θ at ``theta``.
    learning_rate : float, > 0
        Step size α.
    maximize : bool, default=False
        Step up the slope (gradient ascent) instead of down.

    Returns
    -------
    float or ndarray
        The new parameters, a new object of the same shape as ``theta``.

    Raises
    ------
    ValueError
        If the shapes differ or ``learning_rate`` is not positive and finite.

    Examples
    --------
    >>> step(3.0, 6.0, 0.1)
    2.4
    >>> step(3.0, 6.0, 0.1, maximize=True)
    3.6
    """
    learning_rate = check.positive_number("learning_rate", learning_rate)
    if np.shape(theta) != np.shape(gradient):
        raise ValueError(
            "gradient must have the same shape as theta, got "
            f"{np.shape(gradient)} for theta of shape {np.shape(theta)}."
        )
    direction = 1.0 if maximize else -1.0
    new = np.add(theta, direction * learning_rate * np.asarray(gradient))
    return float(new) if np.ndim(new) == 0 else new


@dataclass
class Result:
    """What a run of gradient descent did, ready to print and plot.

    Attributes
    ----------
    theta : float or ndarray
        Final parameters (the last ones with a finite loss).
    losses : ndarray of shape (iterations + 1,)
        Loss on the whole data set before the first iteration and after each one.
    thetas : ndarray of shape (iterations + 1, *theta.shape)
        Parameters before the first iteration and after each one.
    reason : str
        Why the run stopped: "converged", "max_iterations", "diverged",
        "no_improvement" (patience ran out) or "callback".
    iterations : int
        Completed passes over the data (epochs).
    updates : int
        Parameter updates made (iterations times batches per pass).
    gradient_evaluations : int
        Per-example gradients computed, the fair unit of work across variants.
    times : ndarray of shape (iterations + 1,)
        Seconds since the start, when each entry of ``losses`` was recorded.
    update_thetas : ndarray of shape (updates + 1, *theta.shape) or None
        Parameters after every single update, when ``record_updates=True``.
    learning_rate : float or callable
        The learning rate or schedule the run was given.
    batch_size : int
        Examples per update.
    extra : dict
        Further records a variant may keep (empty for plain descent).
    """

    theta: object
    losses: np.ndarray
    thetas: np.ndarray
    reason: str
    iterations: int
    updates: int
    gradient_evaluations: int
    times: np.ndarray
    learning_rate: object = None
    batch_size: int | None = None
    update_thetas: np.ndarray | None = None
    extra: dict = field(default_factory=dict)

    @property
    def loss(self):
        """Final loss."""
        return float(self.losses[-1])

    def __repr__(self):
        theta = np.round(self.theta, 6)
        return (
            f"Result(reason={self.reason!r}, iterations={self.iterations}, "
            f"loss={self.loss:.6g}, theta={theta})"
        )


def _batches(X, y, batch_size, rng, shuffle, *, as_rows=False):
    """(X, y) of each batch of one pass: every example once, the last may be smaller.

    With ``as_rows`` (for batches of one), each example comes as a row of X
    and its target, as the objectives' optional ``step_on_example`` takes them.
    """
    n_samples = len(y)
    order = rng.permutation(n_samples) if shuffle else np.arange(n_samples)
    if as_rows:
        rows = order.tolist()
        return zip(map(X.__getitem__, rows), map(y.__getitem__, rows))
    if batch_size == 1:
        # Indexing a (m, 1, ...) view by an int gives a one-example batch as a
        # view, cheaper than indexing by a list of one; the maps run in C.
        one_X = X.reshape(n_samples, 1, *X.shape[1:])
        one_y = y.reshape(n_samples, 1)
        rows = order.tolist()
        return zip(map(one_X.__getitem__, rows), map(one_y.__getitem__, rows))
    starts = range(0, n_samples, batch_size)
    chosen = (order[start : start + batch_size] for start in starts)
    return ((X[rows], y[rows]) for rows in chosen)


def _value_and_gradient(objective, theta, X, y):
    """Loss and gradient together, sharing work when the objective allows it."""
    both = getattr(objective, "loss_and_gradient", None)
    if both is not None:
        return both(theta, X, y)
    return objective.loss(theta, X, y), objective.gradient(theta, X, y)


def _rate_function(learning_rate):
    """Turn a number or a schedule into a function of the update count t.

    A schedule's values are checked as they come, since any of them may be
    bad; it is first called with t = 0 at the first update, never before.
    """
    if not callable(learning_rate):
        value = check.positive_number("learning_rate", learning_rate)
        return lambda t: value

    def rate(t):
        value = learning_rate(t)
        if type(value) is float and 0.0 < value < math.inf:
            return value  # the common case, without the cost of the full check
        return check.positive_number(f"learning_rate({t})", value)

    return rate


def _start(objective, theta, X, y):
    """Evaluate the objective at theta0, turning shape errors into a clear message."""
    validate = getattr(objective, "validate", None)
    if validate is not None:
        validate(theta, X, y, name="theta0")
    try:
        # An overflow here shows up below as a non-finite loss, with a clearer message.
        with np.errstate(over="ignore", invalid="ignore"):
            loss, gradient = _value_and_gradient(objective, theta, X, y)
    except (ValueError, TypeError, IndexError) as error:
        data = "" if X is None else f" with X of shape {X.shape}, y of shape {y.shape}"
        raise ValueError(
            f"theta0 must fit the objective{data}, got shape {theta.shape}, "
            f"for which the objective raised {type(error).__name__}: {error}"
        ) from error
    if not isinstance(gradient, (numbers.Real, np.ndarray)):
        raise TypeError(
            "objective.gradient must return a number or a numpy array, "
            f"got {type(gradient).__name__}."
        )
    if np.ndim(loss) != 0:
        raise ValueError(
            "objective.loss must return one number (the mean over the examples), "
            f"got shape {np.shape(loss)}."
        )
    if np.shape(gradient) != theta.shape:
        raise ValueError(
            f"objective.gradient must return the shape of theta0 {theta.shape}, "
            f"got shape {np.shape(gradient)}."
        )
    loss = float(loss)
    if not np.isfinite(loss):
        raise ValueError(f"the loss at theta0 must be finite, got {loss}.")
    return loss, gradient


class _Progress:
    """A progress bar in a notebook, a text line in a terminal, or nothing."""

    def __init__(self, total, enabled):
        self.total, self.bar, self.last = total, None, 0.0
        if not enabled:
            return
        try:
            import ipywidgets
            from IPython import get_ipython
            from IPython.display import display

            if get_ipython() is not None and hasattr(get_ipython(), "kernel"):
                self.bar = ipywidgets.IntProgress(
                    min=0, max=total, description="epochs"
                )
                display(self.bar)
                return
        except ImportError:
            pass
        self.bar = "text"

    def update(self, done, loss, final=False):
        if self.bar is None or (not final and time.perf_counter() - self.last < 0.1):
            return
        self.last = time.perf_counter()
        if self.bar == "text":
            end = "\n" if final else "\r"
            line = f"epoch {done:>7d}/{self.total}  loss {loss:12.6g}"
            print(line, end=end, flush=True)
        else:
            self.bar.value = done
            self.bar.description = f"{done}/{self.total}"


def run(
    objective,
    theta0,
    X=None,
    y=None,
    *,
    learning_rate,
    loss_threshold=1e-4,
    max_iterations=1000,
    batch_size=None,
    shuffle=True,
    rng=None,
    maximize=False,
    patience=None,
    callback=None,
    record_updates=False,
    progress=False,
):
    """Run gradient descent (or ascent) and return its :class:`Result`.

    One iteration is one pass over the data, split into batches of
    ``batch_size`` examples (the last one may be smaller); θ is updated once per
    batch. After each pass the loss on all the data is recorded, and the run
    stops at the first of these:

    - ``|J_k - J_(k-1)| < loss_threshold`` (reason "converged"), or, when
      ``patience`` is set, ``patience`` passes in a row without improving the
      best loss by ``loss_threshold`` (reason "no_improvement");
    - the loss is not finite, or grew far past its start (reason "diverged",
      with a :class:`DivergenceWarning` that names the learning rate);
    - ``callback`` returned True (reason "callback");
    - ``max_iterations`` passes were made (reason "max_iterations").

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` and ``gradient(theta, X, y)``
        Both must be means over the examples given. An optional
        ``loss_and_gradient`` computes both at once; an optional
        ``step_on_example(theta, x, target, scale)``, returning
        θ + scale·∇J for the one example (x, target), is used for batches of
        one (stochastic descent) to save work per update; an optional
        ``validate(theta, X, y, name=...)`` checks shapes before the run.
    theta0 : float or ndarray
        Starting parameters; never modified.
    X : ndarray of shape (n_samples, n_features) or (n_samples,), optional
        Inputs. Omit X and y for a function of θ alone.
    y : ndarray of shape (n_samples,), optional
        Targets.
    learning_rate : float > 0, or callable
        Step size α, or a schedule ``learning_rate(t)`` of the update count
        ``t = 0, 1, 2, ...`` counted across passes (never reset per pass).
    loss_threshold : float >= 0, default=1e-4
        Stopping threshold on the change in loss between passes.
    max_iterations : int >= 1, default=1000
        Most passes over the data.
    batch_size : int in [1, n_samples], optional
        Examples per update; all of them when omitted (batch descent).
    shuffle : bool, default=True
        Visit the examples in a new random order every pass (when batches are
        smaller than the data).
    rng : numpy Generator or int >= 0, optional
        Source of the shuffling; pass one seeded generator for repeatable runs.
    maximize : bool, default=False
        Climb the objective instead (gradient ascent).
    patience : int >= 1, optional
        Stop after this many passes without improvement, in place of the
        change-in-loss rule; suits the noisy losses of stochastic descent.
    callback : callable, optional
        Called as ``callback(iteration, theta, loss)`` after each pass, with a
        copy of θ; return True to stop.
    record_updates : bool, default=False
        Also keep θ after every single update (``Result.update_thetas``).
    progress : bool, default=False
        Show a progress bar (in a notebook) or a progress line (in a terminal).

    Returns
    -------
    Result
        The final θ, the loss and θ after every pass, the counts and the reason
        for stopping. Every recorded array is a copy.

    Raises
    ------
    TypeError
        If ``objective`` lacks ``loss`` or ``gradient``, or an argument has the
        wrong type.
    ValueError
        If an argument is out of range, the data are empty or not finite, or
        ``theta0`` does not fit the objective and the data.

    Examples
    --------
    With α = 1/curvature the parabola's minimum is reached in one step, and
    the next pass changes nothing:

    >>> import gdlib as gd
    >>> result = run(gd.Quadratic1D(curvature=2.0, minimum=1.0), 3.0, learning_rate=0.5)
    >>> result.thetas, result.losses, result.reason
    (array([3., 1., 1.]), array([4., 0., 0.]), 'converged')
    """
    check.objective(objective)
    X, y = check.data(X, y)
    theta = check.finite_array("theta0", theta0)
    rate = _rate_function(learning_rate)
    loss_threshold = check.non_negative_number("loss_threshold", loss_threshold)
    max_iterations = check.integer_in_range("max_iterations", max_iterations, 1)
    if patience is not None:
        patience = check.integer_in_range("patience", patience, 1)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable or None, got {callback!r}.")
    n_samples = 1 if X is None else X.shape[0]
    if batch_size is None:
        batch_size = n_samples
    elif X is None:
        raise ValueError(
            f"batch_size needs data X and y, got batch_size={batch_size!r} without X."
        )
    batch_size = check.integer_in_range("batch_size", batch_size, 1, n_samples)
    rng = check.rng(rng)
    start = time.perf_counter()
    loss, gradient = _start(objective, theta, X, y)

    full_batch = batch_size == n_samples
    # With one example per update, an objective may fuse gradient and step.
    fused_step = None
    if batch_size == 1 and not full_batch:
        fused_step = getattr(objective, "step_on_example", None)
    as_rows = fused_step is not None
    direction = 1.0 if maximize else -1.0  # the sign in θ ← θ ± α ∂J/∂θ
    losses, thetas, times = [loss], [theta.copy()], [0.0]
    update_thetas = [theta.copy()] if record_updates else None
    best, since_best = -direction * loss, 0
    reason, updates, evaluations, current_rate = "max_iterations", 0, 0, None
    bar = _Progress(max_iterations, progress)

    with np.errstate(over="ignore", invalid="ignore"):
        for iteration in range(1, max_iterations + 1):
            if full_batch:
                # The gradient came with the previous loss, from one residual.
                current_rate = rate(updates)
                theta = theta + direction * current_rate * gradient
                updates += 1
                if record_updates:
                    update_thetas.append(np.array(theta, dtype=float))
                loss, gradient = _value_and_gradient(objective, theta, X, y)
            else:
                batches = _batches(X, y, batch_size, rng, shuffle, as_rows=as_rows)
                for X_batch, y_batch in batches:
                    current_rate = rate(updates)
                    if as_rows:
                        scale = direction * current_rate
                        theta = fused_step(theta, X_batch, y_batch, scale)
                    else:
                        batch_gradient = objective.gradient(theta, X_batch, y_batch)
                        theta = theta + direction * current_rate * batch_gradient
                    updates += 1
                    if record_updates:
                        update_thetas.append(np.array(theta, dtype=float))
                loss = objective.loss(theta, X, y)
            evaluations += n_samples
            loss = float(loss)
            theta = np.array(theta, dtype=float)

            blew_up = not np.all(np.isfinite(theta))
            if blew_up or _diverged(-direction * loss, -direction * losses[0]):
                reason = "diverged"
                _warn_divergence(iteration, loss, learning_rate, current_rate, maximize)
                break
            losses.append(loss)
            thetas.append(theta.copy())
            times.append(time.perf_counter() - start)
            bar.update(iteration, loss)

            if callback is not None and callback(iteration, theta.copy(), loss):
                reason = "callback"
                break
            if patience is None:
                if abs(losses[-1] - losses[-2]) < loss_threshold:
                    reason = "converged"
                    break
            else:
                if -direction * loss < best - loss_threshold:
                    best, since_best = -direction * loss, 0
                else:
                    since_best += 1
                if since_best >= patience:
                    reason = "no_improvement"
                    break

    bar.update(len(losses) - 1, losses[-1], final=True)
    final = thetas[-1]
    return Result(
        theta=float(final) if final.ndim == 0 else final.copy(),
        losses=np.array(losses),
        thetas=np.array(thetas),
        reason=reason,
        iterations=len(losses) - 1,
        updates=updates,
        gradient_evaluations=evaluations,
        times=np.array(times),
        learning_rate=learning_rate,
        batch_size=batch_size,
        update_thetas=None if update_thetas is None else _finite_rows(update_thetas),
    )


def _diverged(value, start):
    """True when a loss to be lowered is non-finite or far above its start."""
    if not np.isfinite(value):
        return True
    return value - start > DIVERGENCE_GROWTH * max(abs(start), 1.0)


def _warn_divergence(iteration, loss, learning_rate, last_rate, maximize):
    """Say where the run blew up, with which learning rate, and what to try."""
    if callable(learning_rate):
        rate = f"a learning-rate schedule (last α = {last_rate:g})"
    else:
        rate = f"learning_rate={learning_rate:g}"
    if np.isfinite(loss):
        goal = "fell far below" if maximize else "grew far past"
        what = f"{goal} its start (to {loss:.4g})"
    else:
        what = f"became {loss}"
    warnings.warn(
        f"Gradient {'ascent' if maximize else 'descent'} diverged at iteration "
        f"{iteration}: the loss {what} with {rate}. Lower the learning rate, "
        "or scale the features (see gdlib.standardize).",
        DivergenceWarning,
        stacklevel=_caller_level(),
    )


def _caller_level():
    """Stack level of the first frame outside gdlib, so warnings point at the user."""
    frame, level = sys._getframe(1), 1
    package = __name__.rpartition(".")[0]
    while frame is not None and _inside(frame.f_globals.get("__name__", ""), package):
        frame, level = frame.f_back, level + 1
    return level


def _inside(module, package):
    return module == package or module.startswith(package + ".")


def _finite_rows(rows):
    """Stack recorded parameters, dropping any that overflowed during divergence."""
    rows = np.array(rows)
    keep = np.all(np.isfinite(rows.reshape(len(rows), -1)), axis=1)
    return rows[keep]

