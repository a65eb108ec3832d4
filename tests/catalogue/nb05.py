"""Answers to notebook 05's exercise, the shuffled mini-batch iterator."""

WRONG = {
    "minibatches": {
        "drops the last, smaller batch": """
def minibatches(n_samples, batch_size, rng):
    order = rng.permutation(n_samples)
    starts = range(0, n_samples - batch_size + 1, batch_size)
    return [order[start:start + batch_size] for start in starts]
""",
        "n_samples // batch_size batches": """
def minibatches(n_samples, batch_size, rng):
    order = rng.permutation(n_samples)
    count = n_samples // batch_size
    return [order[k * batch_size:(k + 1) * batch_size] for k in range(count)]
""",
        "off by one: batches one example short": """
def minibatches(n_samples, batch_size, rng):
    order = rng.permutation(n_samples)
    starts = range(0, n_samples, batch_size)
    return [order[start:start + batch_size - 1] for start in starts]
""",
        "off by one: stops before the last example": """
def minibatches(n_samples, batch_size, rng):
    order = rng.permutation(n_samples)
    starts = range(0, n_samples - 1, batch_size)
    return [order[start:min(start + batch_size, n_samples - 1)] for start in starts]
""",
        "no shuffle": """
def minibatches(n_samples, batch_size, rng):
    order = np.arange(n_samples)
    return [order[start:start + batch_size]
            for start in range(0, n_samples, batch_size)]
""",
        "draws with replacement": """
def minibatches(n_samples, batch_size, rng):
    order = rng.integers(0, n_samples, size=n_samples)
    return [order[start:start + batch_size]
            for start in range(0, n_samples, batch_size)]
""",
        "np.array_split: balanced sizes, not batch_size": """
def minibatches(n_samples, batch_size, rng):
    parts = -(-n_samples // batch_size)
    return np.array_split(rng.permutation(n_samples), parts)
""",
        "a new generator with a fixed seed": """
def minibatches(n_samples, batch_size, rng):
    order = np.random.default_rng(0).permutation(n_samples)
    return [order[start:start + batch_size]
            for start in range(0, n_samples, batch_size)]
""",
        "numpy's global generator": """
def minibatches(n_samples, batch_size, rng):
    order = np.random.permutation(n_samples)
    return [order[start:start + batch_size]
            for start in range(0, n_samples, batch_size)]
""",
        "shuffles inside fixed batches only": """
def minibatches(n_samples, batch_size, rng):
    starts = range(0, n_samples, batch_size)
    blocks = [np.arange(start, min(start + batch_size, n_samples)) for start in starts]
    return [rng.permutation(block) for block in blocks]
""",
        "returns the shuffled order, not cut into batches": """
def minibatches(n_samples, batch_size, rng):
    return rng.permutation(n_samples)
""",
        "batches of row values as floats": """
def minibatches(n_samples, batch_size, rng):
    order = rng.permutation(n_samples) * 1.0
    return [order[start:start + batch_size]
            for start in range(0, n_samples, batch_size)]
""",
    },
}

RIGHT = {
    "minibatches": {
        "a list comprehension over a permutation": """
def minibatches(n_samples, batch_size, rng):
    order = rng.permutation(n_samples)
    return [order[start:start + batch_size]
            for start in range(0, n_samples, batch_size)]
""",
        "a generator with a while loop over a shuffled arange": """
def minibatches(n_samples, batch_size, rng):
    order = np.arange(n_samples)
    rng.shuffle(order)
    start = 0
    while start < n_samples:
        yield order[start:start + batch_size]
        start += batch_size
""",
        "np.split at multiples of batch_size, lists of ints": """
def minibatches(n_samples, batch_size, rng):
    cuts = np.arange(batch_size, n_samples, batch_size)
    return [part.tolist() for part in np.split(rng.permutation(n_samples), cuts)]
""",
    },
}
