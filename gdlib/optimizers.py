"""Two small changes to the update rule: momentum and Adam.

Derived in notebook 09. Both are full-batch loops like
:func:`gdlib.batch_gradient_descent`: one update per pass over the data (or per
iteration, for a function of θ alone), the same stopping rule, the same
divergence test and warning, and the same :class:`gdlib.Result`. Only the step
differs: momentum steps along a running sum of gradients (the velocity), Adam
along a running mean of gradients divided by a running root mean square.
"""

import numbers
import sys
import time
import warnings

import numpy as np

from . import _validation as check
from .core import DIVERGENCE_GROWTH, DivergenceWarning, Result


def _fraction(name, value):
    """Return ``value`` as a float, or raise if it is not a number in [0, 1)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number in [0, 1), got {value!r}.")
    if not 0 <= value < 1:
        raise ValueError(f"{name} must be a number in [0, 1), got {value!r}.")
    return float(value)


def momentum_descent(
    objective,
    theta0,
    X=None,
    y=None,
    *,
    learning_rate,
    momentum=0.9,
    loss_threshold=1e-4,
    max_iterations=1000,
):
    """Gradient descent with momentum (the heavy ball).

    Each iteration computes the gradient g on all the data and updates

        v ← β·v + g,    θ ← θ − α·v,

    starting from v = 0. With ``momentum=0`` this is exactly
    :func:`gdlib.batch_gradient_descent`. The other common convention,
    v ← β·v − α·g and θ ← θ + v, gives the same path for a constant α (its
    velocity is −α times this one). Derived in notebook 09.

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` and ``gradient(theta, X, y)``
    theta0 : float or ndarray
        Starting parameters; never modified.
    X, y : ndarray, optional
        Data; omit both for a function of θ alone.
    learning_rate : float > 0, or callable
        Step size α, or a schedule ``learning_rate(t)`` of the update count.
    momentum : float in [0, 1), default=0.9
        How much of the previous velocity is kept, β.
    loss_threshold : float >= 0, default=1e-4
        Stop when the loss changes by less than this between iterations.
    max_iterations : int >= 1, default=1000

    Returns
    -------
    Result
        As from the other loops; ``extra`` holds the method, ``momentum`` and
        the final ``velocity``.

    Raises
    ------
    ValueError, TypeError
        For a parameter outside its range or of the wrong type.

    Notes
    -----
    The loss of a run with momentum need not fall at every iteration, so the
    change-in-loss rule can stop it while it still moves; keep
    ``loss_threshold`` small compared with the loss you want to reach.

    Examples
    --------
    >>> import gdlib as gd
    >>> result = gd.momentum_descent(gd.QuadraticBowl(50), [2.0, 1.0],
    ...                              learning_rate=0.02, loss_threshold=1e-10)
    >>> result.reason, bool(result.loss < 1e-8)
    ('converged', True)
    """
    beta = _fraction("momentum", momentum)
    velocity = None

    def update(theta, gradient, rate, t):
        nonlocal velocity
        velocity = gradient if velocity is None else beta * velocity + gradient
        return theta - rate * velocity

    result = _descend(objective, theta0, X, y, update, learning_rate,
                      loss_threshold, max_iterations)
    result.extra.update(method="momentum", momentum=beta, velocity=velocity)
    return result


def adam(
    objective,
    theta0,
    X=None,
    y=None,
    *,
    learning_rate,
    beta1=0.9,
    beta2=0.999,
    epsilon=1e-8,
    loss_threshold=1e-4,
    max_iterations=1000,
):
    """Adam: momentum on the gradient, with a step size scaled per coordinate.

    Each iteration t = 1, 2, ... computes the gradient g on all the data and
    updates, from m = s = 0,

        m ← β₁·m + (1 − β₁)·g,        s ← β₂·s + (1 − β₂)·g²,
        m̂ = m / (1 − β₁ᵗ),            ŝ = s / (1 − β₂ᵗ),
        θ ← θ − α·m̂ / (√ŝ + ε).

    Every coordinate moves by about α per step whatever the size of its
    gradient; the first step is α·g/(|g| + ε), α times the gradient's sign.
    Derived in notebook 09.

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` and ``gradient(theta, X, y)``
    theta0 : float or ndarray
        Starting parameters; never modified.
    X, y : ndarray, optional
        Data; omit both for a function of θ alone.
    learning_rate : float > 0, or callable
        Step size α, or a schedule ``learning_rate(t)`` of the update count.
    beta1 : float in [0, 1), default=0.9
        Memory of the running mean of gradients, β₁.
    beta2 : float in [0, 1), default=0.999
        Memory of the running mean of squared gradients, β₂.
    epsilon : float > 0, default=1e-8
        Keeps the division finite where the gradient is zero.
    loss_threshold : float >= 0, default=1e-4
        Stop when the loss changes by less than this between iterations.
    max_iterations : int >= 1, default=1000

    Returns
    -------
    Result
        As from the other loops; ``extra`` holds the method and its settings.

    Raises
    ------
    ValueError, TypeError
        For a parameter outside its range or of the wrong type.

    Notes
    -----
    With a constant α, Adam keeps stepping about α near the minimum, so its loss
    levels off at a small value instead of reaching zero; a smaller α, or a
    decreasing schedule, goes lower.
    """
    beta1 = _fraction("beta1", beta1)
    beta2 = _fraction("beta2", beta2)
    epsilon = check.positive_number("epsilon", epsilon)
    mean, square = 0.0, 0.0

    def update(theta, gradient, rate, t):
        nonlocal mean, square
        mean = beta1 * mean + (1 - beta1) * gradient
        square = beta2 * square + (1 - beta2) * gradient**2
        mean_hat = mean / (1 - beta1 ** (t + 1))
        square_hat = square / (1 - beta2 ** (t + 1))
        return theta - rate * mean_hat / (np.sqrt(square_hat) + epsilon)

    result = _descend(objective, theta0, X, y, update, learning_rate,
                      loss_threshold, max_iterations)
    result.extra.update(method="adam", beta1=beta1, beta2=beta2, epsilon=epsilon)
    return result


def _descend(objective, theta0, X, y, update, learning_rate, loss_threshold,
             max_iterations):
    """The full-batch loop shared by both methods; ``update`` makes one step.

    ``update(theta, gradient, rate, t)`` returns the new θ; ``t`` counts the
    updates made before this one (0, 1, 2, ...).
    """
    check.objective(objective)
    X, y = check.data(X, y)
    theta = check.finite_array("theta0", theta0)
    rate = _rate_function(learning_rate)
    loss_threshold = check.non_negative_number("loss_threshold", loss_threshold)
    max_iterations = check.integer_in_range("max_iterations", max_iterations, 1)
    n_samples = 1 if X is None else X.shape[0]

    start = time.perf_counter()
    loss, gradient = _start(objective, theta, X, y)
    losses, thetas, times = [loss], [theta.copy()], [0.0]
    reason = "max_iterations"

    with np.errstate(over="ignore", invalid="ignore"):
        for iteration in range(1, max_iterations + 1):
            theta = update(theta, gradient, rate(iteration - 1), iteration - 1)

            loss, gradient = _loss_and_gradient(objective, theta, X, y)
            if _diverged(loss, losses[0]) or not np.all(np.isfinite(theta)):
                reason = "diverged"
                _warn_divergence(iteration, loss, learning_rate)
                break
            losses.append(loss)
            thetas.append(theta.copy())
            times.append(time.perf_counter() - start)

            if abs(losses[-1] - losses[-2]) < loss_threshold:
                reason = "converged"
                break

    final = thetas[-1]
    iterations = len(losses) - 1
    # A diverged update still cost a gradient, as in the other loops.
    updates = iterations + (reason == "diverged")
    return Result(
        theta=float(final) if final.ndim == 0 else final.copy(),
        losses=np.array(losses),
        thetas=np.array(thetas),
        reason=reason,
        iterations=iterations,
        updates=updates,
        gradient_evaluations=updates * n_samples,
        times=np.array(times),
        learning_rate=learning_rate,
        batch_size=n_samples,
    )


def _rate_function(learning_rate):
    """A number or a schedule of the update count, as a checked function of t."""
    if not callable(learning_rate):
        value = check.positive_number("learning_rate", learning_rate)
        return lambda t: value
    return lambda t: check.positive_number(f"learning_rate({t})", learning_rate(t))


def _loss_and_gradient(objective, theta, X, y):
    """Loss as a float and gradient as an array of theta's shape."""
    both = getattr(objective, "loss_and_gradient", None)
    if both is not None:
        loss, gradient = both(theta, X, y)
    else:
        loss, gradient = objective.loss(theta, X, y), objective.gradient(theta, X, y)
    return float(loss), np.asarray(gradient, dtype=float)


def _start(objective, theta, X, y):
    """Loss and gradient at theta0, with a clear message when theta0 does not fit."""
    try:
        loss, gradient = _loss_and_gradient(objective, theta, X, y)
    except (ValueError, TypeError, IndexError) as error:
        data = "" if X is None else f" with X of shape {X.shape}"
        raise ValueError(
            f"theta0 must fit the objective{data}, got shape {theta.shape}, "
            f"for which the objective raised {type(error).__name__}: {error}"
        ) from error
    if gradient.shape != theta.shape:
        raise ValueError(
            f"theta0 must have the shape of the objective's gradient "
            f"{gradient.shape}, got shape {theta.shape}."
        )
    if not np.isfinite(loss):
        raise ValueError(f"the loss at theta0 must be finite, got {loss}.")
    return loss, gradient


def _diverged(loss, start):
    """True when the loss is non-finite or far above where it started."""
    if not np.isfinite(loss):
        return True
    return loss - start > DIVERGENCE_GROWTH * max(abs(start), 1.0)


def _warn_divergence(iteration, loss, learning_rate):
    if callable(learning_rate):
        rate = "the schedule"
    else:
        rate = f"learning_rate={learning_rate:g}"
    if np.isfinite(loss):
        what = f"grew far past its start ({loss:.4g})"
    else:
        what = f"became {loss}"
    warnings.warn(
        f"Descent diverged at iteration {iteration}: the loss {what} with {rate}. "
        "Lower the learning rate, or scale the features (see gdlib.standardize).",
        DivergenceWarning,
        stacklevel=_outside_gdlib(),
    )


def _outside_gdlib():
    """Stack level of the first caller outside gdlib, so warnings point at the user."""
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("gdlib"):
        frame, level = frame.f_back, level + 1
    return level
