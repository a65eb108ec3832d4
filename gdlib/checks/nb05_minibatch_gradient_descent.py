"""Checks for notebook 05, mini-batch gradient descent."""

import numpy as np

from ._common import Check, CheckFailed, NotAttemptedYet


def _epoch(check, minibatches, n_samples, batch_size, rng, tried):
    """The learner's batches for one epoch, as a list of integer index arrays."""
    got = check.call(n_samples, batch_size, rng, tried=tried)
    try:
        iterator = iter(got)
    except TypeError:
        raise CheckFailed(
            f"minibatches returned {type(got).__name__}, not a list of index arrays.\n"
            f"  tried:    {tried}\n"
            "Hint: return (or yield) one array of example indices per batch."
        ) from None
    try:
        # A generator runs only now, so its errors surface here, not in call().
        batches = [np.asarray(rows) for rows in iterator]
    except NotImplementedError:
        raise NotAttemptedYet(
            "minibatches is not attempted yet.\nReplace `raise NotImplementedError()` "
            "in the cell above with your code, run that cell, then run this one again."
        ) from None
    except Exception as error:  # noqa: BLE001 - whatever the learner's code raises
        raise CheckFailed(
            f"minibatches raised {type(error).__name__} while its batches were read: "
            f"{error}\n  tried:    {tried}\n"
            "Hint: check the slicing of the shuffled indices."
        ) from None
    check.expect(
        all(rows.ndim == 1 and (rows.size == 0 or rows.dtype.kind in "iu")
            for rows in batches),
        tried=tried, expected="one 1-D array of integer indices per batch",
        got=[f"{rows.dtype} array of shape {rows.shape}" for rows in batches][:4],
        hint="each batch is an array of row numbers (integers) to pick from X and y.",
    )
    return batches


def _check_one_epoch(check, batches, n_samples, batch_size, tried):
    sizes = [len(rows) for rows in batches]
    everything = np.concatenate([rows.astype(int) for rows in batches] or [[]])
    everything = everything.astype(int)
    counts = np.bincount(everything[(everything >= 0) & (everything < n_samples)],
                         minlength=n_samples)
    left_over = n_samples % batch_size
    dropped_last = left_over and len(everything) == n_samples - left_over
    check.expect(
        bool(np.all(counts == 1)) and len(everything) == n_samples, tried=tried,
        expected=f"each of the {n_samples} examples exactly once",
        got=f"{len(everything)} indices, {int(np.sum(counts == 0))} examples missing, "
        f"{int(np.sum(counts > 1))} repeated",
        hint=_coverage_hint(counts, everything, n_samples, dropped_last),
    )
    full, last = divmod(n_samples, batch_size)
    expected = [batch_size] * full + ([last] if last else [])
    check.expect(
        sizes == expected, tried=tried, expected=f"batch sizes {expected}", got=sizes,
        hint="fill each batch with batch_size examples in turn; only the last one "
        "may be smaller.",
    )


def _coverage_hint(counts, everything, n_samples, dropped_last):
    if dropped_last:
        return ("keep the last, smaller batch: it holds the examples left over when "
                "n_samples is not a multiple of batch_size.")
    if np.any(counts > 1) or len(everything) > n_samples:
        return ("draw the order without replacement (a permutation of 0..n_samples-1), "
                "so that no example comes twice.")
    return ("some examples are in no batch: check where each slice of the shuffled "
            "order starts and ends.")


def check_minibatches(minibatches, *, quiet=False):
    """Check ``minibatches(n_samples, batch_size, rng)``: one epoch's shuffled batches.

    Tries several sizes, including ones that leave a partial last batch, and
    generators in known states, for the properties an epoch of mini-batch
    descent needs.
    """
    check = Check("minibatches", minibatches, quiet)
    cases = [(10, 3), (10, 4), (12, 4), (13, 4), (9, 1), (7, 7), (50, 8)]
    for n_samples, batch_size in cases:
        tried = f"minibatches({n_samples}, {batch_size}, np.random.default_rng(5))"
        batches = _epoch(check, minibatches, n_samples, batch_size,
                         np.random.default_rng(5), tried)
        _check_one_epoch(check, batches, n_samples, batch_size, tried)
    check.ok("every example exactly once per epoch, in batches of batch_size")
    check.ok("the last, smaller batch kept (10 examples in batches of 4: 4, 4, 2)")

    tried = "minibatches(50, 8, rng) with rng = np.random.default_rng(5)"
    order = np.concatenate(_epoch(check, minibatches, 50, 8,
                                  np.random.default_rng(5), tried))
    check.expect(
        not np.array_equal(order, np.arange(50)), tried=tried,
        expected="the examples in a shuffled order", got="the order 0, 1, 2, ...",
        hint="shuffle the indices with the rng passed in before cutting them into "
        "batches.",
    )
    check.ok("the examples shuffled")

    rng = np.random.default_rng(5)
    tried = "two calls in a row, minibatches(50, 8, rng), on one generator"
    first_batches = _epoch(check, minibatches, 50, 8, rng, tried)
    second_batches = _epoch(check, minibatches, 50, 8, rng, tried)
    first, second = np.concatenate(first_batches), np.concatenate(second_batches)
    again = np.concatenate(_epoch(check, minibatches, 50, 8,
                                  np.random.default_rng(5), tried))
    check.expect(
        np.array_equal(first, again), tried=tried,
        expected="the same batches from two generators with the same seed",
        got="different batches",
        hint="draw the order from the rng argument, not from np.random, so that a "
        "seed repeats a run.",
    )
    check.expect(
        not np.array_equal(first, second), tried=tried,
        expected="a new order on the second call (a new epoch)",
        got="the same order twice",
        hint="draw the order from the rng passed in, not from a new generator with a "
        "fixed seed.",
    )
    same_groups = {frozenset(rows.tolist()) for rows in first_batches} == {
        frozenset(rows.tolist()) for rows in second_batches}
    check.expect(
        not same_groups, tried=tried,
        expected="batches that hold different examples from one epoch to the next",
        got="the same groups of examples every epoch",
        hint="shuffle the whole order before cutting it into batches, not only "
        "within each batch.",
    )
    check.ok("a new order each epoch, drawn from the rng passed in")
    return check.report()


EXERCISES = {"minibatches": check_minibatches}
