"""Shuffled mini-batches and the decaying learning rate (gdlib.sampling)."""

import numpy as np
import pytest

import gdlib as gd


@pytest.mark.parametrize(
    ("n_samples", "batch_size"), [(1, 1), (10, 1), (10, 3), (10, 4), (10, 5), (10, 10),
                                  (100, 32), (101, 10)]
)
def test_minibatches_cover_every_example_once_and_keep_the_last_batch(n_samples,
                                                                       batch_size):
    batches = gd.minibatches(n_samples, batch_size, rng=0)

    sizes = [len(rows) for rows in batches]
    assert len(batches) == -(-n_samples // batch_size)
    assert all(size == batch_size for size in sizes[:-1])
    assert sizes[-1] == n_samples - batch_size * (len(batches) - 1)
    assert sorted(np.concatenate(batches).tolist()) == list(range(n_samples))
    assert all(rows.dtype.kind == "i" for rows in batches)


def test_minibatches_reshuffle_on_each_call_and_repeat_with_the_same_seed():
    rng = np.random.default_rng(7)
    first, second = gd.minibatches(50, 8, rng), gd.minibatches(50, 8, rng)

    assert not np.array_equal(np.concatenate(first), np.concatenate(second))
    assert not np.array_equal(np.concatenate(first), np.arange(50))
    again = gd.minibatches(50, 8, np.random.default_rng(7))
    assert all(np.array_equal(a, b) for a, b in zip(first, again))


class _RecordingObjective:
    """A mean squared error whose gradient notes the ids of the rows it was given."""

    def __init__(self):
        self.seen = []

    def loss(self, theta, X, y):
        return float(np.mean((X @ theta - y) ** 2)) / 2

    def gradient(self, theta, X, y):
        self.seen.append(X[:, 1].astype(int).tolist())
        return X.T @ (X @ theta - y) / len(y)


@pytest.mark.parametrize("batch_size", [1, 3, 5])
def test_the_minibatch_loop_visits_the_examples_as_minibatches_does(batch_size):
    # Column 1 holds each example's index, so the gradient can tell which it got.
    X = np.column_stack([np.ones(12), np.arange(12.0)])
    objective = _RecordingObjective()

    gd.minibatch_gradient_descent(objective, np.zeros(2), X, np.zeros(12),
                                  learning_rate=1e-3, batch_size=batch_size,
                                  max_iterations=1, rng=5)

    expected = [rows.tolist() for rows in gd.minibatches(12, batch_size, rng=5)]
    # The first call is the gradient at theta0 on all the data.
    assert objective.seen[0] == list(range(12))
    assert objective.seen[1:] == expected


@pytest.mark.parametrize(
    ("batch_size", "error", "match"),
    [(0, ValueError, "batch_size must be an integer between 1 and 10, got 0"),
     (11, ValueError, "batch_size must be an integer between 1 and 10, got 11"),
     (2.5, TypeError, "batch_size must be an integer between 1 and 10, got 2.5")],
)
def test_minibatches_reject_a_bad_batch_size(batch_size, error, match):
    with pytest.raises(error, match=match):
        gd.minibatches(10, batch_size, rng=0)


def test_decaying_learning_rate_follows_its_formula():
    schedule = gd.decaying_learning_rate(0.2, decay=0.05)

    assert schedule(0) == 0.2
    assert schedule(20) == pytest.approx(0.1)
    assert schedule(60) == pytest.approx(0.05)
    assert gd.decaying_learning_rate(0.2, decay=0.0)(10_000) == 0.2
    assert "decay=0.05" in repr(schedule)


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [((0.0, 0.1), ValueError, "learning_rate must be a positive finite number, got 0"),
     ((0.1, -1.0), ValueError, "decay must be a non-negative finite number, got -1.0"),
     ((0.1, "fast"), TypeError, "decay must be a non-negative")],
)
def test_decaying_learning_rate_rejects_bad_settings(args, error, match):
    with pytest.raises(error, match=match):
        gd.decaying_learning_rate(*args)


def test_the_loops_count_updates_across_epochs_without_restarting():
    counts = []
    schedule = gd.decaying_learning_rate(0.01, decay=0.1)

    def recording(t):
        counts.append(t)
        return schedule(t)

    X, y = gd.make_line(5, rng=0)
    gd.stochastic_gradient_descent(gd.LinearRegression(), np.zeros(2),
                                   gd.add_intercept(X), y, learning_rate=recording,
                                   max_iterations=3, loss_threshold=0.0, rng=0)

    assert counts == list(range(15))
