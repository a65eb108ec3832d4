"""Answers to notebook 09's exercise, one step of descent with momentum."""

WRONG = {
    "momentum_step": {
        "steps with the old velocity": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    new_theta = theta - learning_rate * velocity
    new_velocity = momentum * velocity + gradient
    return new_theta, new_velocity
""",
        "the other convention (velocity includes -alpha)": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    new_velocity = momentum * velocity - learning_rate * gradient
    return theta + new_velocity, new_velocity
""",
        "a running mean instead of a running sum": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    new_velocity = momentum * velocity + (1 - momentum) * gradient
    return theta - learning_rate * new_velocity, new_velocity
""",
        "forgets to shrink the old velocity": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    new_velocity = velocity + gradient
    return theta - learning_rate * new_velocity, new_velocity
""",
        "returns the pair the other way round": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    new_velocity = momentum * velocity + gradient
    return new_velocity, theta - learning_rate * new_velocity
""",
        "updates the arrays in place": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    velocity *= momentum
    velocity += gradient
    theta -= learning_rate * velocity
    return theta, velocity
""",
        "steps uphill": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    new_velocity = momentum * velocity + gradient
    return theta + learning_rate * new_velocity, new_velocity
""",
        "returns only the new theta": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    return theta - learning_rate * (momentum * velocity + gradient)
""",
    },
}

RIGHT = {
    "momentum_step": {
        "two lines of array arithmetic": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    new_velocity = momentum * velocity + gradient
    return theta - learning_rate * new_velocity, new_velocity
""",
        "entry by entry, floats and arrays alike": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    theta, velocity = np.array(theta, float), np.array(velocity, float)
    gradient = np.asarray(gradient, float)
    new_velocity, new_theta = np.empty_like(velocity), np.empty_like(theta)
    for i in np.ndindex(theta.shape):
        new_velocity[i] = momentum * velocity[i] + gradient[i]
        new_theta[i] = theta[i] - learning_rate * new_velocity[i]
    if new_theta.ndim == 0:
        return float(new_theta), float(new_velocity)
    return new_theta, new_velocity
""",
        "the heavy-ball form, through the step taken": """
def momentum_step(theta, velocity, gradient, learning_rate, momentum):
    step = -learning_rate * (momentum * np.asarray(velocity) + gradient)
    return theta + step, step / -learning_rate
""",
    },
}
