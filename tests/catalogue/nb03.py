"""Answers to notebook 03's exercise, the batch loop with its stopping rule."""

_HEAD = """
def batch_descent(gradient, loss, theta0, X, y, learning_rate, loss_threshold,
                  max_iterations):
"""


def _answer(body):
    """A full answer: the exercise's signature, then ``body`` (indented once)."""
    return _HEAD + body


_RIGHT_LOOP = """
    theta = np.array(theta0, dtype=float)
    losses = [loss(theta, X, y)]
    for _ in range(max_iterations):
        theta = theta - learning_rate * gradient(theta, X, y)
        losses.append(loss(theta, X, y))
        if abs(losses[-1] - losses[-2]) < loss_threshold:
            return theta, losses, "converged"
    return theta, losses, "max_iterations"
"""


def _variant(old, new):
    """The right loop with one line changed: the typical slip."""
    assert old in _RIGHT_LOOP, old
    return _answer(_RIGHT_LOOP.replace(old, new))


WRONG = {
    "batch_descent": {
        "compares the loss itself with the threshold": _variant(
            "abs(losses[-1] - losses[-2]) < loss_threshold",
            "losses[-1] < loss_threshold",
        ),
        "compares with the first loss": _variant(
            "abs(losses[-1] - losses[-2])", "abs(losses[-1] - losses[0])"
        ),
        "signed change, no absolute value": _variant(
            "abs(losses[-1] - losses[-2])", "losses[-2] - losses[-1]"
        ),
        "one update too few": _variant(
            "range(max_iterations)", "range(max_iterations - 1)"
        ),
        "one update too many": _variant(
            "range(max_iterations)", "range(max_iterations + 1)"
        ),
        "updates theta0 in place": _variant(
            "theta = np.array(theta0, dtype=float)\n"
            "    losses = [loss(theta, X, y)]\n"
            "    for _ in range(max_iterations):\n"
            "        theta = theta - learning_rate * gradient(theta, X, y)",
            "theta = theta0\n"
            "    losses = [loss(theta, X, y)]\n"
            "    for _ in range(max_iterations):\n"
            "        theta -= learning_rate * gradient(theta, X, y)",
        ),
        "steps uphill": _variant(
            "theta - learning_rate * gradient", "theta + learning_rate * gradient"
        ),
        "reason read from the count, wrong when both happen at once": _answer("""
    theta = np.array(theta0, dtype=float)
    losses = [loss(theta, X, y)]
    while len(losses) <= max_iterations:
        theta = theta - learning_rate * gradient(theta, X, y)
        losses.append(loss(theta, X, y))
        if abs(losses[-1] - losses[-2]) < loss_threshold:
            break
    reason = "max_iterations" if len(losses) > max_iterations else "converged"
    return theta, losses, reason
"""),
        "forgets the loss at theta0": _answer("""
    theta = np.array(theta0, dtype=float)
    previous, losses = loss(theta, X, y), []
    for _ in range(max_iterations):
        theta = theta - learning_rate * gradient(theta, X, y)
        losses.append(loss(theta, X, y))
        if abs(losses[-1] - previous) < loss_threshold:
            return theta, losses, "converged"
        previous = losses[-1]
    return theta, losses, "max_iterations"
"""),
        "never stops by the rule": _answer("""
    theta = np.array(theta0, dtype=float)
    losses = [loss(theta, X, y)]
    for _ in range(max_iterations):
        theta = theta - learning_rate * gradient(theta, X, y)
        losses.append(loss(theta, X, y))
    return theta, losses, "max_iterations"
"""),
    },
}

RIGHT = {
    "batch_descent": {
        "for loop with an early return": _answer(_RIGHT_LOOP),
        "while loop with a counter and break": _answer("""
    theta = np.array(theta0, dtype=float)
    losses = [loss(theta, X, y)]
    reason = "max_iterations"
    iteration = 0
    while iteration < max_iterations:
        theta = theta - learning_rate * gradient(theta, X, y)
        losses.append(loss(theta, X, y))
        iteration += 1
        if abs(losses[-1] - losses[-2]) < loss_threshold:
            reason = "converged"
            break
    return theta, losses, reason
"""),
        "preallocated array, in place on a copy": _answer("""
    theta = np.asarray(theta0, dtype=float).copy()
    losses = np.empty(max_iterations + 1)
    losses[0] = loss(theta, X, y)
    for k in range(1, max_iterations + 1):
        theta -= learning_rate * gradient(theta, X, y)
        losses[k] = loss(theta, X, y)
        if abs(losses[k] - losses[k - 1]) < loss_threshold:
            return theta, losses[: k + 1], "converged"
    return theta, losses, "max_iterations"
"""),
    },
}
