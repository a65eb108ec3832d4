"""Notebook 08, debugging gradient descent: wrong and right repairs of each broken loop.

Every exercise's wrong answers include the original bug, unrepaired.
"""

WRONG = {
    "fix_sign": {
        "the original bug: adds the gradient": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        theta = theta + learning_rate * gradient(theta)
        path.append(theta)
    return np.array(path)
''',
        "gd.step with maximize=True": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        theta = gd.step(theta, gradient(theta), learning_rate, maximize=True)
        path.append(theta)
    return np.array(path)
''',
        "gradient taken once, at theta0": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    slope = gradient(theta)
    path = [theta]
    for _ in range(n_steps):
        theta = theta - learning_rate * slope
        path.append(theta)
    return np.array(path)
''',
        "always steps left, by the size of the gradient": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        theta = theta - learning_rate * np.abs(gradient(theta))
        path.append(theta)
    return np.array(path)
''',
        "path without the start": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = []
    for _ in range(n_steps):
        theta = theta - learning_rate * gradient(theta)
        path.append(theta)
    return np.array(path)
''',
    },
    "fix_mean_gradient": {
        "the original bug: sums the batch gradient": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    theta = np.array(theta, dtype=float)
    for start in range(0, len(y), batch_size):
        rows = slice(start, start + batch_size)
        X_batch, y_batch = X[rows], y[rows]
        gradient = X_batch.T @ (X_batch @ theta - y_batch)
        theta = theta - learning_rate * gradient
    return theta
''',
        "divides by batch_size, also for the shorter last batch": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    theta = np.array(theta, dtype=float)
    for start in range(0, len(y), batch_size):
        X_batch, y_batch = X[start : start + batch_size], y[start : start + batch_size]
        gradient = X_batch.T @ (X_batch @ theta - y_batch) / batch_size
        theta = theta - learning_rate * gradient
    return theta
''',
        "divides by m, the size of the whole data set": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    theta = np.array(theta, dtype=float)
    for start in range(0, len(y), batch_size):
        X_batch, y_batch = X[start : start + batch_size], y[start : start + batch_size]
        gradient = X_batch.T @ (X_batch @ theta - y_batch) / len(y)
        theta = theta - learning_rate * gradient
    return theta
''',
        "drops the shorter last batch": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    theta = np.array(theta, dtype=float)
    for start in range(0, len(y) - batch_size + 1, batch_size):
        X_batch, y_batch = X[start : start + batch_size], y[start : start + batch_size]
        gradient = X_batch.T @ (X_batch @ theta - y_batch) / len(y_batch)
        theta = theta - learning_rate * gradient
    return theta
''',
        "updates the caller's theta in place": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    for start in range(0, len(y), batch_size):
        X_batch, y_batch = X[start : start + batch_size], y[start : start + batch_size]
        theta -= learning_rate * X_batch.T @ (X_batch @ theta - y_batch) / len(y_batch)
    return theta
''',
    },
    "fix_schedule": {
        "the original bug: t restarts every epoch": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    rates = []
    for epoch in range(n_epochs):
        for t, i in enumerate(rng.permutation(len(y))):
            rate = schedule(t)
            theta = theta - rate * (X[i] @ theta - y[i]) * X[i]
            rates.append(rate)
    return theta, np.array(rates)
''',
        "counts updates from 1": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    rates = []
    t = 0
    for epoch in range(n_epochs):
        for i in rng.permutation(len(y)):
            t += 1
            rate = schedule(t)
            theta = theta - rate * (X[i] @ theta - y[i]) * X[i]
            rates.append(rate)
    return theta, np.array(rates)
''',
        "one rate per epoch, schedule(epoch)": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    rates = []
    for epoch in range(n_epochs):
        rate = schedule(epoch)
        for i in rng.permutation(len(y)):
            theta = theta - rate * (X[i] @ theta - y[i]) * X[i]
            rates.append(rate)
    return theta, np.array(rates)
''',
        "records schedule(t) but steps with the restarting rate": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    rates = []
    for epoch in range(n_epochs):
        for t, i in enumerate(rng.permutation(len(y))):
            rates.append(schedule(len(rates)))
            theta = theta - schedule(t) * (X[i] @ theta - y[i]) * X[i]
    return theta, np.array(rates)
''',
        "returns only theta": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    t = 0
    for epoch in range(n_epochs):
        for i in rng.permutation(len(y)):
            theta = theta - schedule(t) * (X[i] @ theta - y[i]) * X[i]
            t += 1
    return theta
''',
    },
    "fix_shuffle": {
        "the original bug: draws with replacement": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    theta = np.array(theta, dtype=float)
    visited = rng.integers(0, len(y), size=len(y))
    for i in visited:
        theta = theta - learning_rate * (X[i] @ theta - y[i]) * X[i]
    return theta, visited
''',
        "no shuffle at all": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    theta = np.array(theta, dtype=float)
    visited = np.arange(len(y))
    for i in visited:
        theta = theta - learning_rate * (X[i] @ theta - y[i]) * X[i]
    return theta, visited
''',
        "rng.choice, which draws with replacement by default": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    theta = np.array(theta, dtype=float)
    visited = rng.choice(len(y), size=len(y))
    for i in visited:
        theta = theta - learning_rate * (X[i] @ theta - y[i]) * X[i]
    return theta, visited
''',
        "np.random.permutation, ignoring rng": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    theta = np.array(theta, dtype=float)
    visited = np.random.permutation(len(y))
    for i in visited:
        theta = theta - learning_rate * (X[i] @ theta - y[i]) * X[i]
    return theta, visited
''',
        "returns a shuffled order but updates in index order": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    theta = np.array(theta, dtype=float)
    visited = rng.permutation(len(y))
    for i in range(len(y)):
        theta = theta - learning_rate * (X[i] @ theta - y[i]) * X[i]
    return theta, visited
''',
    },
    "fix_inplace": {
        "the original bug: in-place update of the recorded array": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        gradient = X.T @ (X @ theta - y) / len(y)
        theta -= learning_rate * gradient
        path.append(theta)
    return path
''',
        "copies in the loop but not the start": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        theta -= learning_rate * X.T @ (X @ theta - y) / len(y)
        path.append(theta.copy())
    return path
''',
        "records copies but changes the caller's theta0": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    theta = theta0
    path = [theta.copy()]
    for _ in range(n_steps):
        theta -= learning_rate * X.T @ (X @ theta - y) / len(y)
        path.append(theta.copy())
    return path
''',
        "slice assignment, still in place": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        theta[:] = theta - learning_rate * X.T @ (X @ theta - y) / len(y)
        path.append(theta)
    return path
''',
        "one step short: no start in the path": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = []
    for _ in range(n_steps):
        theta = theta - learning_rate * X.T @ (X @ theta - y) / len(y)
        path.append(theta)
    return path
''',
    },
    "fix_scaling": {
        "the original bug: descends on the raw features": '''
def fixed_fit(X, y, learning_rate, n_steps):
    design = gd.add_intercept(X)
    theta = np.zeros(design.shape[1])
    for _ in range(n_steps):
        gradient = design.T @ (design @ theta - y) / len(y)
        theta = theta - learning_rate * gradient
    return theta
''',
        "returns θ for the standardized features": '''
def fixed_fit(X, y, learning_rate, n_steps):
    X_scaled, mean, std = gd.standardize(X)
    design = gd.add_intercept(X_scaled)
    theta = np.zeros(design.shape[1])
    for _ in range(n_steps):
        theta = theta - learning_rate * design.T @ (design @ theta - y) / len(y)
    return theta
''',
        "scales the weights back but not the intercept": '''
def fixed_fit(X, y, learning_rate, n_steps):
    X_scaled, mean, std = gd.standardize(X)
    design = gd.add_intercept(X_scaled)
    theta = np.zeros(design.shape[1])
    for _ in range(n_steps):
        theta = theta - learning_rate * design.T @ (design @ theta - y) / len(y)
    return np.concatenate([[theta[0]], theta[1:] / std])
''',
        "standardizes the caller's X in place": '''
def fixed_fit(X, y, learning_rate, n_steps):
    mean, std = X.mean(axis=0), X.std(axis=0)
    X -= mean
    X /= std
    design = np.column_stack([np.ones(len(y)), X])
    theta = np.zeros(design.shape[1])
    for _ in range(n_steps):
        theta = theta - learning_rate * design.T @ (design @ theta - y) / len(y)
    weights = theta[1:] / std
    return np.concatenate([[theta[0] - mean @ weights], weights])
''',
        "the closed form instead of descent": '''
def fixed_fit(X, y, learning_rate, n_steps):
    design = gd.add_intercept(X)
    return np.linalg.lstsq(design, y, rcond=None)[0]
''',
    },
}

RIGHT = {
    "fix_sign": {
        "subtract the gradient, list of new arrays": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        theta = theta - learning_rate * gradient(theta)
        path.append(theta)
    return np.array(path)
''',
        "gd.step in a loop": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    path = [np.array(theta0, dtype=float)]
    for _ in range(n_steps):
        path.append(gd.step(path[-1], gradient(path[-1]), learning_rate))
    return np.array(path)
''',
        "a preallocated array filled row by row": '''
def fixed_descent(gradient, theta0, learning_rate, n_steps):
    path = np.empty((n_steps + 1,) + np.shape(theta0))
    path[0] = theta0
    for k in range(n_steps):
        path[k + 1] = path[k] - learning_rate * gradient(path[k].copy())
    return path
''',
    },
    "fix_mean_gradient": {
        "vectorised, divided by the batch's own length": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    theta = np.array(theta, dtype=float)
    for start in range(0, len(y), batch_size):
        X_batch, y_batch = X[start : start + batch_size], y[start : start + batch_size]
        gradient = X_batch.T @ (X_batch @ theta - y_batch) / len(y_batch)
        theta = theta - learning_rate * gradient
    return theta
''',
        "a loop over the examples of each batch": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    theta = np.array(theta, dtype=float)
    m = len(y)
    for start in range(0, m, batch_size):
        rows = range(start, min(start + batch_size, m))
        total = np.zeros_like(theta)
        for i in rows:
            total = total + (X[i] @ theta - y[i]) * X[i]
        theta = theta - learning_rate * total / len(rows)
    return theta
''',
        "np.mean of the per-example gradients, batches from np.array_split": '''
def fixed_minibatch_epoch(X, y, theta, learning_rate, batch_size):
    theta = np.array(theta, dtype=float)
    cuts = np.arange(batch_size, len(y), batch_size)
    for rows in np.array_split(np.arange(len(y)), cuts):
        per_example = (X[rows] @ theta - y[rows])[:, None] * X[rows]
        theta = theta - learning_rate * per_example.mean(axis=0)
    return theta
''',
    },
    "fix_schedule": {
        "a counter kept across epochs": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    rates = []
    t = 0
    for epoch in range(n_epochs):
        for i in rng.permutation(len(y)):
            rate = schedule(t)
            theta = theta - rate * (X[i] @ theta - y[i]) * X[i]
            rates.append(rate)
            t += 1
    return theta, np.array(rates)
''',
        "t computed from the epoch and the position, rates as a list": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    m = len(y)
    rates = []
    for epoch in range(n_epochs):
        for position, i in enumerate(rng.permutation(m)):
            rates.append(schedule(epoch * m + position))
            theta = theta - rates[-1] * (X[i] @ theta - y[i]) * X[i]
    return theta, rates
''',
        "gd.step with the global count": '''
def fixed_sgd(X, y, theta0, schedule, n_epochs, rng):
    theta = np.array(theta0, dtype=float)
    rates = []
    for epoch in range(n_epochs):
        for i in rng.permutation(len(y)):
            rates.append(schedule(len(rates)))
            theta = gd.step(theta, (X[i] @ theta - y[i]) * X[i], rates[-1])
    return theta, np.array(rates)
''',
    },
    "fix_shuffle": {
        "rng.permutation": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    theta = np.array(theta, dtype=float)
    visited = rng.permutation(len(y))
    for i in visited:
        theta = theta - learning_rate * (X[i] @ theta - y[i]) * X[i]
    return theta, visited
''',
        "rng.choice without replacement": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    theta = np.array(theta, dtype=float)
    visited = rng.choice(len(y), size=len(y), replace=False)
    for i in visited:
        theta = theta - learning_rate * (X[i] @ theta - y[i]) * X[i]
    return theta, visited
''',
        "np.arange shuffled in place by rng": '''
def fixed_sgd_epoch(X, y, theta, learning_rate, rng):
    new_theta = np.array(theta, dtype=float)
    visited = np.arange(len(y))
    rng.shuffle(visited)
    for i in visited:
        residual = X[i] @ new_theta - y[i]
        new_theta = new_theta - learning_rate * residual * X[i]
    return new_theta, visited
''',
    },
    "fix_inplace": {
        "a new array at each step": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(n_steps):
        gradient = X.T @ (X @ theta - y) / len(y)
        theta = theta - learning_rate * gradient
        path.append(theta)
    return path
''',
        "in-place update, copies recorded": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    theta = np.array(theta0, dtype=float)
    path = [theta.copy()]
    for _ in range(n_steps):
        theta -= learning_rate * X.T @ (X @ theta - y) / len(y)
        path.append(theta.copy())
    return path
''',
        "a preallocated 2-D array": '''
def fixed_regression_path(X, y, theta0, learning_rate, n_steps):
    path = np.empty((n_steps + 1, len(theta0)))
    path[0] = theta0
    for k in range(n_steps):
        path[k + 1] = path[k] - learning_rate * X.T @ (X @ path[k] - y) / len(y)
    return path
''',
    },
    "fix_scaling": {
        "gd.standardize, then the intercept shifted back": '''
def fixed_fit(X, y, learning_rate, n_steps):
    X_scaled, mean, std = gd.standardize(X)
    design = gd.add_intercept(X_scaled)
    theta = np.zeros(design.shape[1])
    for _ in range(n_steps):
        gradient = design.T @ (design @ theta - y) / len(y)
        theta = theta - learning_rate * gradient
    weights = theta[1:] / std
    return np.concatenate([[theta[0] - mean @ weights], weights])
''',
        "manual scaling and a matrix that maps θ back": '''
def fixed_fit(X, y, learning_rate, n_steps):
    mean, std = X.mean(axis=0), X.std(axis=0)
    design = np.column_stack([np.ones(len(y)), (X - mean) / std])
    theta = np.zeros(design.shape[1])
    for _ in range(n_steps):
        theta = theta - learning_rate * design.T @ (design @ theta - y) / len(y)
    back = np.eye(len(theta))
    back[0, 1:] = -mean / std
    back[1:, 1:] = np.diag(1 / std)
    return back @ theta
''',
        "gdlib's objective and gd.step": '''
def fixed_fit(X, y, learning_rate, n_steps):
    X_scaled, mean, std = gd.standardize(X)
    design = gd.add_intercept(X_scaled)
    cost = gd.LinearRegression()
    theta = np.zeros(design.shape[1])
    for _ in range(n_steps):
        theta = gd.step(theta, cost.gradient(theta, design, y), learning_rate)
    slope = theta[1:] / std
    return np.append(theta[0] - np.sum(slope * mean), slope)
''',
    },
}
