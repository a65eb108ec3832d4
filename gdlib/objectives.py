"""Costs to descend and a likelihood to climb, each with its analytic gradient.

An objective is any object with ``loss(theta, X, y)`` and ``gradient(theta, X,
y)``; both are means over the examples given, so the size of a batch never
changes their scale. The functions of θ alone ignore X and y. Learners can
write their own with the same two methods.
"""

import numpy as np

from . import _validation as check


class Quadratic1D:
    """The parabola J(θ) = (curvature / 2)·(θ − minimum)², notebook 01's first cost.

    Its slope changes at rate ``curvature`` (the L of the bound α < 2/L), so
    plain descent converges exactly when ``0 < learning_rate < 2 / curvature``.

    Parameters
    ----------
    curvature : float > 0, default=2.0
    minimum : float, default=1.0
        Where the minimum lies; J there is 0.
    """

    def __init__(self, curvature=2.0, minimum=1.0):
        self.curvature = check.positive_number("curvature", curvature)
        self.minimum = float(minimum)

    def validate(self, theta, X=None, y=None, *, name="theta"):
        """Raise ValueError unless θ is a single number."""
        check.theta_shape(name, np.asarray(theta), (), "a single number")

    def loss(self, theta, X=None, y=None):
        """J(θ), for one θ or an array of them; X and y are ignored."""
        return 0.5 * self.curvature * (np.asarray(theta) - self.minimum) ** 2

    def gradient(self, theta, X=None, y=None):
        """dJ/dθ = curvature·(θ − minimum); X and y are ignored."""
        return self.curvature * (np.asarray(theta) - self.minimum)


class DoubleWell1D:
    """A 1-D cost with two minima: J(θ) = (θ² − 1)² + tilt·θ.

    With the default tilt the left minimum (near θ = −1.04) is deeper than the
    right one (near θ = 0.96); where descent ends depends on where it starts.

    Parameters
    ----------
    tilt : float, default=0.3
    """

    def __init__(self, tilt=0.3):
        self.tilt = float(tilt)

    def validate(self, theta, X=None, y=None, *, name="theta"):
        """Raise ValueError unless θ is a single number."""
        check.theta_shape(name, np.asarray(theta), (), "a single number")

    def loss(self, theta, X=None, y=None):
        """J(θ), for one θ or an array of them; X and y are ignored."""
        theta = np.asarray(theta)
        return (theta**2 - 1) ** 2 + self.tilt * theta

    def gradient(self, theta, X=None, y=None):
        """dJ/dθ = 4θ(θ² − 1) + tilt; X and y are ignored."""
        theta = np.asarray(theta)
        return 4 * theta * (theta**2 - 1) + self.tilt

    def minima(self):
        """Both local minima, left first (roots of the gradient where J curves up)."""
        roots = np.roots([4.0, 0.0, -4.0, self.tilt])
        real = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
        return real[0], real[-1]


class QuadraticBowl:
    """A 2-D bowl J(θ) = ½ (θ − c)ᵀ A (θ − c) with a chosen condition number.

    A has eigenvalues 1 and ``condition_number`` along axes turned by
    ``angle`` degrees, so the larger the condition number, the narrower the
    valley and the more plain descent zig-zags.

    Parameters
    ----------
    condition_number : float >= 1, default=10.0
    center : sequence of 2 floats, default=(0, 0)
    angle : float, default=30.0
        Rotation of the bowl's axes, in degrees.
    """

    def __init__(self, condition_number=10.0, center=(0.0, 0.0), angle=30.0):
        kappa = check.positive_number("condition_number", condition_number)
        if kappa < 1:
            raise ValueError(f"condition_number must be at least 1, got {kappa!r}.")
        self.condition_number = kappa
        self.center = check.finite_array("center", center, ndim=(1,))
        if self.center.shape != (2,):
            raise ValueError(
                f"center must have 2 entries, got shape {self.center.shape}."
            )
        turn = np.deg2rad(angle)
        cos, sin = np.cos(turn), np.sin(turn)
        rotation = np.array([[cos, -sin], [sin, cos]])
        self.A = rotation @ np.diag([1.0, kappa]) @ rotation.T

    @property
    def minimum(self):
        """Where J is lowest (0 there): the center."""
        return self.center.copy()

    def validate(self, theta, X=None, y=None, *, name="theta"):
        """Raise ValueError unless θ has shape (2,)."""
        check.theta_shape(name, theta, (2,), "one entry per axis of the bowl")

    def loss(self, theta, X=None, y=None):
        """J(θ) for θ of shape (2,), or for a grid of shape (..., 2)."""
        d = np.asarray(theta) - self.center
        return 0.5 * np.einsum("...i,ij,...j->...", d, self.A, d)

    def gradient(self, theta, X=None, y=None):
        """∇J = A (θ − center), for θ of shape (2,)."""
        # A is symmetric, so d @ A equals A @ d.
        return (np.asarray(theta) - self.center) @ self.A


class Rosenbrock:
    """Rosenbrock's banana valley, J(θ) = (a − θ₀)² + b·(θ₁ − θ₀²)², minimum at (a, a²).

    Parameters
    ----------
    a : float, default=1.0
    b : float > 0, default=100.0
    """

    def __init__(self, a=1.0, b=100.0):
        self.a = float(a)
        self.b = check.positive_number("b", b)

    @property
    def minimum(self):
        """Where J is lowest (0 there): (a, a²)."""
        return np.array([self.a, self.a**2])

    def validate(self, theta, X=None, y=None, *, name="theta"):
        """Raise ValueError unless θ has shape (2,)."""
        check.theta_shape(name, theta, (2,), "the two coordinates of the valley")

    def loss(self, theta, X=None, y=None):
        """J(θ) for θ of shape (2,), or for a grid of shape (..., 2)."""
        theta = np.asarray(theta)
        x, y_ = theta[..., 0], theta[..., 1]
        return (self.a - x) ** 2 + self.b * (y_ - x**2) ** 2

    def gradient(self, theta, X=None, y=None):
        """∇J for θ of shape (2,)."""
        x, y_ = np.asarray(theta)
        valley = y_ - x**2
        return np.array(
            [-2 * (self.a - x) - 4 * self.b * x * valley, 2 * self.b * valley]
        )


class LinearRegression:
    """Mean squared error of a linear model, J(θ) = 1/(2m) Σᵢ (xᵢ·θ − yᵢ)².

    Derived in notebook 02. The intercept is explicit: the model is exactly
    X @ θ, so to fit an intercept give X a leading column of ones with
    :func:`gdlib.add_intercept`; θ[0] is then the intercept. The ½ makes the
    gradient (1/m) Xᵀ(Xθ − y) free of a factor 2.

    Examples
    --------
    >>> import numpy as np, gdlib as gd
    >>> X = gd.add_intercept(np.array([[0.0], [1.0]]))
    >>> gd.LinearRegression().loss(np.array([0.0, 1.0]), X, np.array([0.0, 1.0]))
    0.0
    """

    def validate(self, theta, X, y, *, name="theta"):
        """Raise ValueError unless X is 2-D and θ has one entry per column of X."""
        _check_linear_model(theta, X, y, name)

    def loss(self, theta, X, y):
        """J(θ) = 1/(2m) ||Xθ − y||², with X of shape (m, d) and θ of shape (d,)."""
        residual = X @ theta - y
        return float(residual @ residual) / (2 * len(y))

    def gradient(self, theta, X, y):
        """∇J(θ) = (1/m) Xᵀ(Xθ − y), of shape (d,)."""
        residual = X @ theta - y
        return X.T @ residual / len(y)

    def step_on_example(self, theta, x, target, scale):
        """θ + scale·(x·θ − target)·x: one stochastic update on the example (x, target).

        The gradient of one example, (x·θ − target)·x, times ``scale`` (−α to
        descend), added to θ. Scaling the residual, a number, before it
        multiplies x saves one pass over a vector per update, which is a large
        share of an update's cost in stochastic descent.
        """
        return theta + (scale * (x.dot(theta) - target)) * x

    def loss_and_gradient(self, theta, X, y):
        """Both at once from one residual: two passes over X instead of three."""
        residual = X @ theta - y
        return float(residual @ residual) / (2 * len(y)), X.T @ residual / len(y)

    def loss_grid(self, thetas, X, y):
        """Loss at many parameter vectors at once; ``thetas`` has shape (..., d)."""
        residuals = np.asarray(thetas) @ X.T - y
        return np.mean(residuals**2, axis=-1) / 2


def sigmoid(z):
    """The logistic function σ(z) = 1 / (1 + e^(−z)), without overflow for large |z|.

    Parameters
    ----------
    z : float or array-like

    Returns
    -------
    float or ndarray, same shape as z
        Values in [0, 1]; exactly 0 or 1 where they round to it.

    Examples
    --------
    >>> sigmoid([-1000.0, 0.0, 1000.0])
    array([0. , 0.5, 1. ])
    """
    return np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))


class LogLikelihood:
    """Mean log-likelihood of logistic regression, to be maximised.

    J(θ) = (1/m) Σᵢ [yᵢ zᵢ − log(1 + e^{zᵢ})] with zᵢ = xᵢ·θ and labels yᵢ in
    {0, 1}. Its gradient is (1/m) Xᵀ(y − σ(Xθ)). Derived in notebook 06. Both
    are computed with ``logaddexp`` so that large |z| neither overflows nor
    loses precision. As with :class:`LinearRegression`, add a column of ones for
    an intercept.
    """

    def validate(self, theta, X, y, *, name="theta"):
        """Raise ValueError unless θ fits X and every label is 0 or 1."""
        _check_linear_model(theta, X, y, name)
        labels = np.unique(y)
        if not np.all(np.isin(labels, (0.0, 1.0))):
            shown = ", ".join(f"{v:g}" for v in labels[:5])
            raise ValueError(f"y must contain only the labels 0 and 1, got {shown}.")

    def loss(self, theta, X, y):
        """J(θ), the mean log-likelihood (at most 0; higher is better)."""
        z = X @ theta
        # log(1 + e^z) as logaddexp(0, z): exact for large |z|, never overflows.
        return float(np.mean(y * z - np.logaddexp(0.0, z)))

    def gradient(self, theta, X, y):
        """∇J(θ) = (1/m) Xᵀ(y − σ(Xθ)), of shape (d,)."""
        return X.T @ (y - sigmoid(X @ theta)) / len(y)

    def loss_and_gradient(self, theta, X, y):
        """Both at once from one product Xθ."""
        z = X @ theta
        value = float(np.mean(y * z - np.logaddexp(0.0, z)))
        return value, X.T @ (y - sigmoid(z)) / len(y)


class Negated:
    """The objective −J: descending it is climbing J.

    Parameters
    ----------
    objective : object with ``loss`` and ``gradient``
    """

    def __init__(self, objective):
        self.objective = check.objective(objective)

    def validate(self, theta, X=None, y=None, *, name="theta"):
        """Check θ and the data as the wrapped objective would, if it can."""
        validate = getattr(self.objective, "validate", None)
        if validate is not None:
            validate(theta, X, y, name=name)

    def loss(self, theta, X=None, y=None):
        """−J(θ)."""
        return -self.objective.loss(theta, X, y)

    def gradient(self, theta, X=None, y=None):
        """−∇J(θ)."""
        return -self.objective.gradient(theta, X, y)

    def loss_and_gradient(self, theta, X=None, y=None):
        """−J(θ) and −∇J(θ), sharing work when the wrapped objective can."""
        both = getattr(self.objective, "loss_and_gradient", None)
        if both is None:
            return self.loss(theta, X, y), self.gradient(theta, X, y)
        loss, gradient = both(theta, X, y)
        return -loss, -gradient


def _check_linear_model(theta, X, y, name):
    """θ of shape (d,) for X of shape (m, d): the shapes a linear model needs."""
    if X is None or y is None:
        raise ValueError("X and y must be given for a model of data, got None.")
    if np.ndim(X) != 2:
        raise ValueError(
            "X must be 2-D, of shape (n_samples, n_features), got shape "
            f"{np.shape(X)}; use X[:, None] or gdlib.add_intercept(X) for one feature."
        )
    columns = (np.shape(X)[1],)
    check.theta_shape(name, np.asarray(theta), columns, "one entry per column of X")


def numerical_gradient(function, theta, *args, eps=1e-6):
    """Central finite-difference gradient of a scalar function, for gradient checks.

    Each entry is (f(θ + ε eᵢ) − f(θ − ε eᵢ)) / 2ε, whose error shrinks like ε².

    Parameters
    ----------
    function : callable
        ``function(theta, *args)`` returns a number.
    theta : float or ndarray
    *args
        Passed on to ``function`` (for example X and y).
    eps : float > 0, default=1e-6

    Returns
    -------
    float or ndarray, same shape as theta

    Examples
    --------
    >>> round(numerical_gradient(lambda t: t**3, 2.0), 6)
    12.0
    """
    eps = check.positive_number("eps", eps)
    theta = check.finite_array("theta", theta)
    gradient = np.zeros_like(theta)
    for index in np.ndindex(theta.shape):
        shift = np.zeros_like(theta)
        shift[index] = eps
        up = float(function(theta + shift, *args))
        down = float(function(theta - shift, *args))
        gradient[index] = (up - down) / (2 * eps)
    return float(gradient) if gradient.ndim == 0 else gradient
