"""Checks at the public boundary: one message shape everywhere.

Every message names the parameter, what it must be, and what it got, so a
learner can fix the call without reading a traceback from inside the loop.
"""

import numbers

import numpy as np


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def positive_number(name, value):
    """Return ``value`` as a float, or raise if it is not a positive finite number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a positive finite number, got {_describe(value)}."
        )
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}.")
    return float(value)


def non_negative_number(name, value):
    """Return ``value`` as a float, or raise if it is negative, NaN or infinite."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a non-negative finite number, got {_describe(value)}."
        )
    if not np.isfinite(value) or value < 0:
        raise ValueError(
            f"{name} must be a non-negative finite number, got {value!r}."
        )
    return float(value)


def integer_in_range(name, value, low, high=None):
    """Return ``value`` as an int, or raise if it is not an integer in [low, high]."""
    bounds = f"at least {low}" if high is None else f"between {low} and {high}"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer {bounds}, got {_describe(value)}.")
    if value < low or (high is not None and value > high):
        raise ValueError(f"{name} must be an integer {bounds}, got {value!r}.")
    return int(value)


def finite_array(name, value, ndim=None, copy=True):
    """Return ``value`` as a float array; raise if it is empty, ragged or not finite.

    With ``copy=False`` a float array comes back as it is, for data only read.
    """
    if value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, got None.")
    try:
        array = np.array(value, dtype=float, copy=True if copy else None)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a number or an array of numbers, got {_describe(value)}."
        ) from None
    if ndim is not None and array.ndim not in ndim:
        wanted = " or ".join(f"{d}-D" for d in ndim)
        raise ValueError(f"{name} must be {wanted}, got shape {array.shape}.")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {array.shape}.")
    if not np.all(np.isfinite(array)):
        bad = int(np.sum(~np.isfinite(array)))
        raise ValueError(
            f"{name} must contain only finite numbers, got {bad} NaN or infinite "
            f"value(s) in shape {array.shape}."
        )
    return array


def objective(value):
    """Raise unless ``value`` has callable ``loss`` and ``gradient`` methods."""
    missing = [m for m in ("loss", "gradient") if not callable(getattr(value, m, None))]
    if missing:
        raise TypeError(
            "objective must have loss(theta, X, y) and gradient(theta, X, y) "
            f"methods, got {type(value).__name__} without {' and '.join(missing)}."
        )
    return value


def data(X, y):
    """Return X and y as float arrays with matching first dimensions (or both None)."""
    if X is None and y is None:
        return None, None
    if X is None or y is None:
        missing = "X" if X is None else "y"
        raise ValueError(f"X and y must be given together, got {missing}=None.")
    # The loops only read X and y, so a large data set is not copied.
    X = finite_array("X", X, ndim=(1, 2), copy=False)
    y = finite_array("y", y, ndim=(1,), copy=False)
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            "X and y must have the same number of examples (rows), got "
            f"X with {X.shape[0]} and y with {y.shape[0]}."
        )
    return X, y


def theta_shape(name, theta, shape, why):
    """Raise unless ``theta`` has exactly ``shape``; ``why`` explains the shape."""
    if theta.shape != shape:
        raise ValueError(f"{name} must have shape {shape} ({why}), got {theta.shape}.")


def rng(value):
    """Return a numpy Generator from a Generator, an int seed, or None."""
    if isinstance(value, np.random.Generator):
        return value
    is_seed = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if is_seed and value < 0:
        raise ValueError(f"rng as a seed must be an integer >= 0, got {value!r}.")
    if value is None or is_seed:
        return np.random.default_rng(value)
    raise TypeError(
        "rng must be a numpy Generator, a non-negative integer seed or None, "
        f"got {_describe(value)}."
    )
