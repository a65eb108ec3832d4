"""gdlib: the small helper package behind the gradient-descent course.

Import it as ``import gdlib as gd``. Each name below is derived in a notebook
first; its docstring says which.
"""

from . import checks, explorers, plots, widgets
from .comparison import evaluations_to_reach, loss_per_update
from .core import DivergenceWarning, Result, run, step
from .data import (
    add_intercept,
    load_iris,
    make_badly_scaled,
    make_line,
    make_two_classes,
    standardize,
)
from .loops import (
    batch_gradient_descent,
    gradient_ascent,
    minibatch_gradient_descent,
    stochastic_gradient_descent,
)
from .objectives import (
    DoubleWell1D,
    LinearRegression,
    LogLikelihood,
    Negated,
    Quadratic1D,
    QuadraticBowl,
    Rosenbrock,
    numerical_gradient,
    sigmoid,
)
from .optimizers import adam, momentum_descent
from .sampling import decaying_learning_rate, minibatches

__version__ = "0.1.0"

__all__ = [
    "checks",
    "explorers",
    "plots",
    "widgets",
    "DivergenceWarning",
    "DoubleWell1D",
    "LinearRegression",
    "LogLikelihood",
    "Negated",
    "Quadratic1D",
    "QuadraticBowl",
    "Result",
    "Rosenbrock",
    "adam",
    "add_intercept",
    "batch_gradient_descent",
    "decaying_learning_rate",
    "evaluations_to_reach",
    "gradient_ascent",
    "load_iris",
    "loss_per_update",
    "make_badly_scaled",
    "make_line",
    "make_two_classes",
    "minibatch_gradient_descent",
    "minibatches",
    "momentum_descent",
    "numerical_gradient",
    "run",
    "sigmoid",
    "standardize",
    "step",
    "stochastic_gradient_descent",
]
