"""How stochastic and mini-batch descent visit the data, and a step size that shrinks.

Notebook 04 derives the decaying learning rate, notebook 05 the shuffled
mini-batches. :func:`gdlib.core.run` visits the examples in the same way as
:func:`minibatches`.
"""


from . import _validation as check


def minibatches(n_samples, batch_size, rng=None):
    """Split a fresh random order of the examples into batches of ``batch_size``.

    Every example appears in exactly one batch. All batches have
    ``batch_size`` examples except possibly the last, which holds the
    ``n_samples % batch_size`` left over: it is kept, not dropped, so that
    one epoch uses every example once. Derived in notebook 05.

    Parameters
    ----------
    n_samples : int >= 1
        Number of examples m.
    batch_size : int in [1, n_samples]
        Examples per batch b.
    rng : numpy Generator or int, optional
        Source of the order; each call draws a new one from it.

    Returns
    -------
    list of ndarray of int
        ``ceil(n_samples / batch_size)`` index arrays.

    Raises
    ------
    TypeError, ValueError
        If ``n_samples`` or ``batch_size`` is not an integer in its range.

    Examples
    --------
    >>> [len(rows) for rows in minibatches(10, 4, rng=0)]
    [4, 4, 2]
    """
    n_samples = check.integer_in_range("n_samples", n_samples, 1)
    batch_size = check.integer_in_range("batch_size", batch_size, 1, n_samples)
    order = check.rng(rng).permutation(n_samples)
    starts = range(0, n_samples, batch_size)
    return [order[start : start + batch_size] for start in starts]


class DecayingLearningRate:
    """The schedule α_t = α₀ / (1 + decay·t) of the update count t = 0, 1, 2, ...

    Pass it as ``learning_rate`` to any loop of :mod:`gdlib.loops`. The loops
    count t across epochs and never reset it, so the step keeps shrinking
    for the whole run. Derived in notebook 04.

    Parameters
    ----------
    learning_rate : float > 0
        The first step size α₀.
    decay : float >= 0
        How fast it shrinks: α halves after t = 1 / decay updates. With 0 the
        rate is constant.

    Examples
    --------
    >>> schedule = DecayingLearningRate(0.1, decay=0.01)
    >>> schedule(0), schedule(100)
    (0.1, 0.05)
    """

    def __init__(self, learning_rate, decay):
        self.learning_rate = check.positive_number("learning_rate", learning_rate)
        self.decay = check.non_negative_number("decay", decay)

    def __call__(self, t):
        return self.learning_rate / (1.0 + self.decay * t)

    def __repr__(self):
        return (f"DecayingLearningRate(learning_rate={self.learning_rate:g}, "
                f"decay={self.decay:g})")


def decaying_learning_rate(learning_rate, decay):
    """Return the schedule α_t = α₀ / (1 + decay·t) of the update count t.

    Derived in notebook 04. Pass the result as ``learning_rate`` to any loop.

    Parameters
    ----------
    learning_rate : float > 0
        The first step size α₀.
    decay : float >= 0
        α halves after t = 1 / decay updates; 0 keeps it constant.

    Returns
    -------
    DecayingLearningRate
        A callable: ``schedule(t)`` is the step size of update t.

    Raises
    ------
    TypeError, ValueError
        If ``learning_rate`` is not positive or ``decay`` is negative.

    Examples
    --------
    >>> schedule = decaying_learning_rate(0.05, decay=0.01)
    >>> schedule(0), schedule(100)
    (0.05, 0.025)
    """
    return DecayingLearningRate(learning_rate, decay)
