"""Answers to notebook 02's exercises, the mean squared error and its gradient."""

WRONG = {
    "mse_cost": {
        "sums instead of averaging": """
def mse_cost(theta, X, y):
    residual = X @ theta - y
    return residual @ residual / 2
""",
        "forgets the one half": """
def mse_cost(theta, X, y):
    return np.mean((X @ theta - y) ** 2)
""",
        "root of the mean square": """
def mse_cost(theta, X, y):
    return np.sqrt(np.mean((X @ theta - y) ** 2))
""",
        "returns one squared error per example": """
def mse_cost(theta, X, y):
    return (X @ theta - y) ** 2 / (2 * len(y))
""",
        "divides by the number of parameters": """
def mse_cost(theta, X, y):
    residual = X @ theta - y
    return residual @ residual / (2 * len(theta))
""",
        "absolute instead of squared errors": """
def mse_cost(theta, X, y):
    return np.mean(np.abs(X @ theta - y)) / 2
""",
    },
    "mse_gradient": {
        "sums instead of averaging": """
def mse_gradient(theta, X, y):
    return X.T @ (X @ theta - y)
""",
        "error with the wrong sign": """
def mse_gradient(theta, X, y):
    return X.T @ (y - X @ theta) / len(y)
""",
        "keeps the 2 of the square": """
def mse_gradient(theta, X, y):
    return 2 * X.T @ (X @ theta - y) / len(y)
""",
        "multiplies by X instead of its transpose": """
def mse_gradient(theta, X, y):
    return X @ (X @ theta - y) / len(y)
""",
        "mean error, without the features": """
def mse_gradient(theta, X, y):
    return np.full(len(theta), np.mean(X @ theta - y))
""",
        "divides by the number of parameters": """
def mse_gradient(theta, X, y):
    return X.T @ (X @ theta - y) / len(theta)
""",
    },
}

RIGHT = {
    "mse_cost": {
        "dot product of the residual with itself": """
def mse_cost(theta, X, y):
    residual = X @ theta - y
    return residual @ residual / (2 * len(y))
""",
        "half the mean of the squares": """
def mse_cost(theta, X, y):
    return 0.5 * np.mean((X @ theta - y) ** 2)
""",
        "squared norm": """
def mse_cost(theta, X, y):
    return np.linalg.norm(X @ theta - y) ** 2 / (2 * X.shape[0])
""",
        "loop over the examples": """
def mse_cost(theta, X, y):
    total = 0.0
    for row, target in zip(X, y):
        total += (row @ theta - target) ** 2
    return total / (2 * len(y))
""",
    },
    "mse_gradient": {
        "matrix form": """
def mse_gradient(theta, X, y):
    return X.T @ (X @ theta - y) / len(y)
""",
        "mean of error times features": """
def mse_gradient(theta, X, y):
    return np.mean((X @ theta - y)[:, None] * X, axis=0)
""",
        "loop over the examples": """
def mse_gradient(theta, X, y):
    gradient = np.zeros(len(theta))
    for row, target in zip(X, y):
        gradient += (row @ theta - target) * row
    return gradient / len(y)
""",
    },
}
