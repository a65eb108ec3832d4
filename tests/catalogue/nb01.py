"""Answers to notebook 01's exercise, the update step."""

WRONG = {
    "update_step": {
        "steps uphill (adds the gradient)": """
def update_step(theta, gradient, learning_rate):
    return theta + learning_rate * gradient
""",
        "forgets the learning rate": """
def update_step(theta, gradient, learning_rate):
    return theta - gradient
""",
        "divides by the learning rate": """
def update_step(theta, gradient, learning_rate):
    return theta - gradient / learning_rate
""",
        "updates theta in place": """
def update_step(theta, gradient, learning_rate):
    theta -= learning_rate * gradient
    return theta
""",
        "scales the gradient in place": """
def update_step(theta, gradient, learning_rate):
    gradient *= learning_rate
    return theta - gradient
""",
        "loops over entries, so floats fail": """
def update_step(theta, gradient, learning_rate):
    return np.array([t - learning_rate * g for t, g in zip(theta, gradient)])
""",
        "wraps a float answer in a list": """
def update_step(theta, gradient, learning_rate):
    return np.atleast_1d(theta - learning_rate * gradient)
""",
    },
}

RIGHT = {
    "update_step": {
        "one line of array arithmetic": """
def update_step(theta, gradient, learning_rate):
    return theta - learning_rate * gradient
""",
        "numpy ufuncs": """
def update_step(theta, gradient, learning_rate):
    return np.subtract(theta, np.multiply(learning_rate, gradient))
""",
        "entry by entry on a copy": """
def update_step(theta, gradient, learning_rate):
    if np.ndim(theta) == 0:
        return theta - learning_rate * gradient
    new = np.array(theta, dtype=float)
    for index in np.ndindex(new.shape):
        new[index] = new[index] - learning_rate * gradient[index]
    return new
""",
    },
}
