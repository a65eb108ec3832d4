"""How much gdlib's loop costs over the same loop written out in bare numpy.

On one linear-regression problem (100 000 examples, 20 standardized features)
this times, for gdlib and for a bare loop written below:

- a batch iteration (one residual, shared by loss and gradient; one update),
- a mini-batch epoch (batches of 64, the last one shorter),
- a stochastic epoch (one update per example),

each with the loss on all the data recorded once per pass, as the stopping
rule needs. Each measurement is repeated and the median kept; gdlib and bare
runs alternate, so a busy machine slows both alike. Before timing, each pair
is checked to compute the same parameters.

Both sides use one BLAS thread unless OPENBLAS_NUM_THREADS (or its MKL and
OpenMP cousins) says otherwise: on a shared two-core machine a threaded BLAS
makes single timings swing several-fold, which hides the overhead measured.

Run it with ``make benchmark`` or ``python benchmarks/bench_loops.py``.
"""

import argparse
import os
import statistics
import time

# Before numpy loads its BLAS.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402 (after the thread settings above)

import gdlib as gd  # noqa: E402

SEED = 0
GOALS = {"batch": 1.1, "minibatch": 1.3, "stochastic": 1.3}


def make_problem(n_samples, n_features, seed=SEED):
    """A standardized regression problem with a known linear signal."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, n_features)) * rng.uniform(0.5, 5.0, n_features)
    y = X @ rng.normal(size=n_features) + rng.normal(size=n_samples)
    return gd.standardize(X)[0], y


def half_mean_square(X, theta, y):
    residual = X @ theta - y
    return residual @ residual / (2 * len(y))


# The bare loops: what one writes by hand, recording the loss once per pass.


def bare_batch(X, y, theta, learning_rate, iterations):
    n_samples = len(y)
    residual = X @ theta - y
    losses = [residual @ residual / (2 * n_samples)]
    for _ in range(iterations):
        theta = theta - learning_rate * (X.T @ residual) / n_samples
        residual = X @ theta - y
        losses.append(residual @ residual / (2 * n_samples))
    return theta, losses


def bare_minibatch(X, y, theta, learning_rate, batch_size, epochs, rng):
    n_samples = len(y)
    losses = [half_mean_square(X, theta, y)]
    for _ in range(epochs):
        order = rng.permutation(n_samples)
        for start in range(0, n_samples, batch_size):
            rows = order[start : start + batch_size]
            X_batch = X[rows]
            residual = X_batch @ theta - y[rows]
            theta = theta - learning_rate * (X_batch.T @ residual) / len(rows)
        losses.append(half_mean_square(X, theta, y))
    return theta, losses


def bare_stochastic(X, y, theta, learning_rate, epochs, rng):
    losses = [half_mean_square(X, theta, y)]
    for _ in range(epochs):
        for i in rng.permutation(len(y)):
            x = X[i]
            theta = theta - learning_rate * (x.dot(theta) - y[i]) * x
        losses.append(half_mean_square(X, theta, y))
    return theta, losses


# The same work through gdlib.


def gdlib_run(X, y, theta, learning_rate, passes, batch_size=None, rng=None):
    options = {"batch_size": batch_size, "rng": rng} if batch_size else {}
    result = gd.run(
        gd.LinearRegression(), theta, X, y, learning_rate=learning_rate,
        loss_threshold=0.0, max_iterations=passes, **options,
    )
    return result.theta, result.losses


def variants(X, y, passes):
    """(name, unit, passes, bare call, gdlib call) for the three variants."""
    theta0 = np.zeros(X.shape[1])
    return [
        ("batch", "iteration", passes["batch"],
         lambda: bare_batch(X, y, theta0, 0.1, passes["batch"]),
         lambda: gdlib_run(X, y, theta0, 0.1, passes["batch"])),
        ("minibatch", "epoch (64)", passes["minibatch"],
         lambda: bare_minibatch(X, y, theta0, 0.01, 64, passes["minibatch"],
                                np.random.default_rng(SEED)),
         lambda: gdlib_run(X, y, theta0, 0.01, passes["minibatch"], 64,
                           np.random.default_rng(SEED))),
        ("stochastic", "epoch", passes["stochastic"],
         lambda: bare_stochastic(X, y, theta0, 1e-4, passes["stochastic"],
                                 np.random.default_rng(SEED)),
         lambda: gdlib_run(X, y, theta0, 1e-4, passes["stochastic"], 1,
                           np.random.default_rng(SEED))),
    ]


def check_same_numbers(name, bare, ours):
    (theta_bare, losses_bare), (theta_ours, losses_ours) = bare(), ours()
    if not (np.allclose(theta_bare, theta_ours, rtol=1e-9, atol=1e-12)
            and np.allclose(losses_bare, losses_ours, rtol=1e-9)):
        raise SystemExit(f"{name}: gdlib and the bare loop disagree; not timing.")


def median_seconds(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100_000)
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()

    X, y = make_problem(args.samples, args.features)
    passes = {"batch": 50, "minibatch": 5, "stochastic": 2}
    threads = os.environ["OPENBLAS_NUM_THREADS"]
    print(f"linear regression, {args.samples} x {args.features}, standardized; "
          f"median of {args.repeats} runs; gdlib {gd.__version__}, numpy "
          f"{np.__version__}, BLAS threads {threads}")
    print(f"{'variant':<11}{'per':<12}{'bare (ms)':>11}{'gdlib (ms)':>12}"
          f"{'ratio':>8}{'goal':>7}")
    missed = []
    for name, unit, count, bare, ours in variants(X, y, passes):
        check_same_numbers(name, bare, ours)
        bare_times, our_times = [], []
        for _ in range(args.repeats):  # alternate, so load hits both alike
            bare_times.append(median_seconds(bare, 1))
            our_times.append(median_seconds(ours, 1))
        bare_ms = 1e3 * statistics.median(bare_times) / count
        our_ms = 1e3 * statistics.median(our_times) / count
        ratio = our_ms / bare_ms
        goal = GOALS[name]
        flag = "" if ratio <= goal else "  missed"
        if flag:
            missed.append(name)
        print(f"{name:<11}{unit:<12}{bare_ms:>11.3f}{our_ms:>12.3f}"
              f"{ratio:>8.2f}{'<=' + format(goal, '.1f'):>7}{flag}")
    if missed:
        print(f"goal missed for: {', '.join(missed)}")


if __name__ == "__main__":
    main()
