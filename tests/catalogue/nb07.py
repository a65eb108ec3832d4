"""Answers to notebook 07's exercise, settings that reach a target within a budget."""

WRONG = {
    "choose_settings": {
        "batch descent cannot make it in two updates": """
def choose_settings():
    return {"learning_rate": 0.6, "batch_size": 200}
""",
        "learning rate too large: diverges": """
def choose_settings():
    return {"learning_rate": 3.0, "batch_size": 10}
""",
        "learning rate too small: the budget runs out": """
def choose_settings():
    return {"learning_rate": 0.01, "batch_size": 10}
""",
        "single examples with a large rate: too noisy": """
def choose_settings():
    return {"learning_rate": 0.5, "batch_size": 1}
""",
        "batch size zero": """
def choose_settings():
    return {"learning_rate": 0.15, "batch_size": 0}
""",
        "batch size larger than the data": """
def choose_settings():
    return {"learning_rate": 0.15, "batch_size": 500}
""",
        "batch size as a fraction of the data": """
def choose_settings():
    return {"learning_rate": 0.15, "batch_size": 0.05}
""",
        "scikit-learn's alpha as the key": """
def choose_settings():
    return {"alpha": 0.15, "batch_size": 10}
""",
        "a tuple instead of a dict": """
def choose_settings():
    return 0.15, 10
""",
        "a negative learning rate": """
def choose_settings():
    return {"learning_rate": -0.15, "batch_size": 10}
""",
    },
}

RIGHT = {
    "choose_settings": {
        "batches of ten, alpha 0.15": """
def choose_settings():
    return {"learning_rate": 0.15, "batch_size": 10}
""",
        "batches of five built with dict(), a numpy integer size": """
def choose_settings():
    settings = dict(batch_size=np.int64(5))
    settings["learning_rate"] = 0.07
    return settings
""",
        "batches of fifty with a larger rate": """
def choose_settings():
    batch_size = 50
    return {"batch_size": batch_size, "learning_rate": 0.5}
""",
        "pairs of examples with a small rate": """
def choose_settings():
    return {"learning_rate": 3e-2, "batch_size": 2}
""",
    },
}
