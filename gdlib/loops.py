"""The four loops of the course, named as the course's source note names them.

Each is :func:`gdlib.core.run` with one setting fixed; see it for every option
(``loss_threshold``, ``max_iterations``, ``rng``, ``patience``, ``callback``,
``record_updates``, ``progress``).
"""

from .core import run


def _no_option(function, options, *names):
    """Refuse an option that the entry point itself decides."""
    for name in names:
        if name in options:
            raise TypeError(
                f"{function}() does not take {name}; the function fixes it "
                f"(see gdlib.run to choose it), got {name}={options[name]!r}."
            )


def _needs_data(function, X, y):
    """Refuse to run a per-example loop without examples."""
    if X is None or y is None:
        raise ValueError(
            f"{function}() needs data: X and y must both be given, got "
            f"X={'None' if X is None else 'an array'}, "
            f"y={'None' if y is None else 'an array'}."
        )


def batch_gradient_descent(
    objective, theta0, X=None, y=None, *, learning_rate, **options
):
    """Batch gradient descent: one update per pass, using every example.

    Derived in notebook 03. Stops when the loss changes by less than
    ``loss_threshold`` (default 1e-4) between passes, or after
    ``max_iterations`` passes (default 1000).

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` and ``gradient(theta, X, y)``
    theta0 : float or ndarray
    X, y : ndarray, optional
        Omit both for a function of θ alone.
    learning_rate : float > 0, or callable of the update count
    **options
        Any other option of :func:`gdlib.core.run` except ``batch_size`` and
        ``maximize``.

    Returns
    -------
    Result

    Examples
    --------
    >>> import gdlib as gd
    >>> result = gd.batch_gradient_descent(
    ...     gd.Quadratic1D(), 3.0, learning_rate=0.1, loss_threshold=1e-10)
    >>> result.reason, round(result.theta, 3)
    ('converged', 1.0)
    """
    _no_option("batch_gradient_descent", options, "batch_size", "maximize")
    return run(objective, theta0, X, y, learning_rate=learning_rate, **options)


def stochastic_gradient_descent(
    objective, theta0, X, y, *, learning_rate, rng=None, **options
):
    """Stochastic gradient descent: one update per example, in a new order each pass.

    Derived in notebook 04. Pass a seeded ``rng`` for repeatable runs; with a
    noisy loss, ``patience`` is usually a better stopping rule than
    ``loss_threshold`` alone.

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` and ``gradient(theta, X, y)``
    theta0 : float or ndarray
    X : ndarray of shape (n_samples, n_features) or (n_samples,)
    y : ndarray of shape (n_samples,)
    learning_rate : float > 0, or callable of the update count
    rng : numpy Generator or int, optional
        Decides the order of the examples in each pass.
    **options
        Any other option of :func:`gdlib.core.run` except ``batch_size`` and
        ``maximize``.

    Returns
    -------
    Result

    Examples
    --------
    >>> import numpy as np, gdlib as gd
    >>> X, y = gd.make_line(50, rng=0)
    >>> result = gd.stochastic_gradient_descent(
    ...     gd.LinearRegression(), np.zeros(2), gd.add_intercept(X), y,
    ...     learning_rate=0.05, max_iterations=20, rng=1)
    >>> result.updates == 50 * result.iterations
    True
    """
    _no_option("stochastic_gradient_descent", options, "batch_size", "maximize")
    _needs_data("stochastic_gradient_descent", X, y)
    return run(
        objective, theta0, X, y, learning_rate=learning_rate, batch_size=1, rng=rng,
        **options,
    )


def minibatch_gradient_descent(
    objective, theta0, X, y, *, learning_rate, batch_size, rng=None, **options
):
    """Mini-batch gradient descent: one update per ``batch_size`` examples.

    Derived in notebook 05. The examples are reshuffled every pass and split
    into batches; the last, smaller batch is used, not dropped. With
    ``batch_size=1`` this is stochastic descent, with ``batch_size=len(y)``
    batch descent.

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` and ``gradient(theta, X, y)``
    theta0 : float or ndarray
    X : ndarray of shape (n_samples, n_features) or (n_samples,)
    y : ndarray of shape (n_samples,)
    learning_rate : float > 0, or callable of the update count
    batch_size : int in [1, n_samples]
    rng : numpy Generator or int, optional
    **options
        Any other option of :func:`gdlib.core.run` except ``maximize``.

    Returns
    -------
    Result

    Examples
    --------
    Fifty examples in batches of 16 make four updates per pass, the last one
    on the two examples left over:

    >>> import numpy as np, gdlib as gd
    >>> X, y = gd.make_line(50, rng=0)
    >>> result = gd.minibatch_gradient_descent(
    ...     gd.LinearRegression(), np.zeros(2), gd.add_intercept(X), y,
    ...     learning_rate=0.05, batch_size=16, max_iterations=3, rng=1)
    >>> result.iterations, result.updates
    (3, 12)
    """
    _no_option("minibatch_gradient_descent", options, "maximize")
    _needs_data("minibatch_gradient_descent", X, y)
    return run(
        objective, theta0, X, y, learning_rate=learning_rate, batch_size=batch_size,
        rng=rng, **options,
    )


def gradient_ascent(objective, theta0, X=None, y=None, *, learning_rate, **options):
    """Gradient ascent: the same loop, stepping up the slope to maximise.

    Derived in notebook 06. The update is θ ← θ + α ∂J/∂θ; everything else,
    the stopping rule included, is as in descent. Pass ``batch_size`` (and an
    ``rng``) for stochastic or mini-batch ascent.

    Parameters
    ----------
    objective : object with ``loss(theta, X, y)`` and ``gradient(theta, X, y)``
        The function to maximise; ``Result.losses`` holds its values.
    theta0 : float or ndarray
    X, y : ndarray, optional
    learning_rate : float > 0, or callable of the update count
    **options
        Any other option of :func:`gdlib.core.run` except ``maximize``.

    Returns
    -------
    Result

    Examples
    --------
    >>> import gdlib as gd
    >>> hill = gd.Negated(gd.Quadratic1D())  # −J has its top where J has its bottom
    >>> result = gd.gradient_ascent(hill, 3.0, learning_rate=0.1, loss_threshold=1e-10)
    >>> result.reason, round(result.theta, 3)
    ('converged', 1.0)
    """
    _no_option("gradient_ascent", options, "maximize")
    return run(
        objective, theta0, X, y, learning_rate=learning_rate, maximize=True, **options
    )
