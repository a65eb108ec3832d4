"""Answers to notebook 06's exercises: the ascent step, the log-likelihood gradient."""

WRONG = {
    "ascent_step": {
        "steps downhill (subtracts the gradient)": """
def ascent_step(theta, gradient, learning_rate):
    return theta - learning_rate * gradient
""",
        "forgets the learning rate": """
def ascent_step(theta, gradient, learning_rate):
    return theta + gradient
""",
        "divides by the learning rate": """
def ascent_step(theta, gradient, learning_rate):
    return theta + gradient / learning_rate
""",
        "updates theta in place": """
def ascent_step(theta, gradient, learning_rate):
    theta += learning_rate * gradient
    return theta
""",
        "calls gd.step without maximize": """
def ascent_step(theta, gradient, learning_rate):
    return gd.step(theta, gradient, learning_rate)
""",
        "returns only the change": """
def ascent_step(theta, gradient, learning_rate):
    return learning_rate * gradient
""",
    },
    "log_likelihood_gradient": {
        "sign flipped: predictions minus labels": """
def log_likelihood_gradient(theta, X, y):
    p = 1 / (1 + np.exp(-(X @ theta)))
    return X.T @ (p - y) / len(y)
""",
        "a sum, not a mean": """
def log_likelihood_gradient(theta, X, y):
    p = 1 / (1 + np.exp(-(X @ theta)))
    return X.T @ (y - p)
""",
        "no sigmoid: the linear-regression gradient": """
def log_likelihood_gradient(theta, X, y):
    return X.T @ (y - X @ theta) / len(y)
""",
        "sigmoid with the wrong sign in the exponent": """
def log_likelihood_gradient(theta, X, y):
    p = 1 / (1 + np.exp(X @ theta))
    return X.T @ (y - p) / len(y)
""",
        "divides by the number of features": """
def log_likelihood_gradient(theta, X, y):
    p = gd.sigmoid(X @ theta)
    return X.T @ (y - p) / X.shape[1]
""",
        "forgets the inputs: mean error times ones": """
def log_likelihood_gradient(theta, X, y):
    p = gd.sigmoid(X @ theta)
    return np.mean(y - p) * np.ones_like(theta)
""",
        "probabilities in place of errors": """
def log_likelihood_gradient(theta, X, y):
    return X.T @ gd.sigmoid(X @ theta) / len(y)
""",
        "the derivative of the sigmoid left in": """
def log_likelihood_gradient(theta, X, y):
    p = gd.sigmoid(X @ theta)
    return X.T @ ((y - p) * p * (1 - p)) / len(y)
""",
    },
}

RIGHT = {
    "ascent_step": {
        "one line of array arithmetic": """
def ascent_step(theta, gradient, learning_rate):
    return theta + learning_rate * gradient
""",
        "gd.step with maximize=True": """
def ascent_step(theta, gradient, learning_rate):
    return gd.step(theta, gradient, learning_rate, maximize=True)
""",
        "a descent step on the negated gradient, with numpy ufuncs": """
def ascent_step(theta, gradient, learning_rate):
    return np.subtract(theta, np.multiply(learning_rate, np.negative(gradient)))
""",
    },
    "log_likelihood_gradient": {
        "vectorised with gd.sigmoid": """
def log_likelihood_gradient(theta, X, y):
    return X.T @ (y - gd.sigmoid(X @ theta)) / len(y)
""",
        "a loop over the examples": """
def log_likelihood_gradient(theta, X, y):
    total = np.zeros(len(theta))
    for x_row, label in zip(X, y):
        probability = 1 / (1 + np.exp(-np.dot(x_row, theta)))
        total = total + (label - probability) * x_row
    return total / len(y)
""",
        "the mean of per-example rows, sigmoid through tanh": """
def log_likelihood_gradient(theta, X, y):
    p = 0.5 * (1 + np.tanh(0.5 * (X @ theta)))
    return np.mean(X * (y - p)[:, np.newaxis], axis=0)
""",
    },
}
