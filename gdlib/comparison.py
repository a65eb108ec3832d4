"""Putting runs of different variants on one scale: gradient evaluations.

Derived in notebook 07. A pass of batch, stochastic or mini-batch descent
costs the same ``n_samples`` per-example gradients, but makes 1, ``n_samples``
or about ``n_samples / batch_size`` updates. These two functions read a
:class:`gdlib.Result` in that unit.
"""

import numpy as np

from . import _validation as check


def _batch_sizes(n_samples, batch_size):
    """Examples used by each update of one pass (the last batch may be smaller)."""
    full, rest = divmod(n_samples, batch_size)
    return [batch_size] * full + ([rest] if rest else [])


def loss_per_update(result, objective, X, y):
    """Loss on all the data after every update, against gradient evaluations spent.

    Parameters
    ----------
    result : Result
        From a run with ``record_updates=True``.
    objective : object with ``loss(theta, X, y)``
        The objective of the run (its ``loss_grid`` is used when it has one).
    X, y : ndarray
        The data of the run.

    Returns
    -------
    evaluations : ndarray of shape (k,)
        Per-example gradients computed before each recorded θ (0 first).
    losses : ndarray of shape (k,)
        Loss on all the data at each recorded θ.

    Raises
    ------
    ValueError
        If the run did not record its updates.
    """
    if result.update_thetas is None:
        raise ValueError(
            "result must come from a run with record_updates=True, "
            "got one without update_thetas."
        )
    thetas = result.update_thetas
    sizes = _batch_sizes(len(y), result.batch_size)
    passes = -(-len(thetas) // len(sizes))
    evaluations = np.concatenate([[0], np.cumsum(sizes * passes)])[: len(thetas)]
    if hasattr(objective, "loss_grid"):
        losses = objective.loss_grid(thetas, X, y)
    else:
        losses = np.array([objective.loss(theta, X, y) for theta in thetas])
    return evaluations, np.asarray(losses, dtype=float)


def evaluations_to_reach(result, target, n_samples):
    """Gradient evaluations spent when the loss first reached ``target``.

    The loss is the one recorded after each pass (``result.losses``), so the
    answer is a whole number of passes.

    Parameters
    ----------
    result : Result
    target : float
        The loss to reach (at or below).
    n_samples : int >= 1
        Examples in the data set: the evaluations one pass costs.

    Returns
    -------
    int or None
        A multiple of ``n_samples``, or None when the run never got there (or
        diverged first).
    """
    n_samples = check.integer_in_range("n_samples", n_samples, 1)
    reached = np.flatnonzero(np.asarray(result.losses) <= target)
    if len(reached) == 0:
        return None
    return int(reached[0]) * n_samples
