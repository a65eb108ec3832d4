"""Answers to notebook 04's exercise, one epoch of stochastic gradient descent."""

WRONG = {
    "sgd_epoch": {
        "no shuffling: always the order 0, 1, 2, ...": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in range(len(y)):
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "samples the examples with replacement": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in rng.integers(0, len(y), size=len(y)):
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "a new permutation for every step, keeping its first index": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for _ in range(len(y)):
        i = rng.permutation(len(y))[0]
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "the gradient of the whole batch at every step": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for _ in rng.permutation(len(y)):
        theta = theta - learning_rate * gradient(theta, X, y)
    return theta
""",
        "updates theta in place": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in rng.permutation(len(y)):
        theta -= learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "shuffles X and y in place": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    order = rng.permutation(len(y))
    X[:], y[:] = X[order], y[order]
    for i in range(len(y)):
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "shuffles X but not y": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    shuffled = X[rng.permutation(len(y))]
    for i in range(len(y)):
        theta = theta - learning_rate * gradient(theta, shuffled[i:i + 1], y[i:i + 1])
    return theta
""",
        "a fixed seed instead of the rng passed in": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in np.random.default_rng(0).permutation(len(y)):
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "numpy's global generator instead of rng": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in np.random.permutation(len(y)):
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "every gradient at the starting theta, summed": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    steps = [gradient(theta, X[i:i + 1], y[i:i + 1]) for i in rng.permutation(len(y))]
    return theta - learning_rate * np.sum(steps, axis=0)
""",
        "steps uphill": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in rng.permutation(len(y)):
        theta = theta + learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "computes its own gradient and ignores the one given": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in rng.permutation(len(y)):
        theta = theta - learning_rate * X[i] * (X[i] @ theta - y[i]) / len(y)
    return theta
""",
        "forgets to return theta": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in rng.permutation(len(y)):
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
""",
    },
}

RIGHT = {
    "sgd_epoch": {
        "loop over rng.permutation with one-row slices": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    for i in rng.permutation(len(y)):
        theta = theta - learning_rate * gradient(theta, X[i:i + 1], y[i:i + 1])
    return theta
""",
        "shuffle an index array, pass single rows, use gd.step": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    order = np.arange(X.shape[0])
    rng.shuffle(order)
    new_theta = np.array(theta, dtype=float)
    for i in order:
        new_theta = gd.step(new_theta, gradient(new_theta, X[i], y[i]), learning_rate)
    return new_theta
""",
        "shuffled copies of X and y, then a zip loop": """
def sgd_epoch(theta, X, y, gradient, learning_rate, rng):
    order = rng.permutation(len(y))
    X_shuffled, y_shuffled = X[order], y[order]
    theta = theta.copy()
    for x_row, target in zip(X_shuffled, y_shuffled):
        step = gradient(theta, x_row[np.newaxis, :], np.array([target]))
        theta = theta - learning_rate * step
    return theta
""",
    },
}
