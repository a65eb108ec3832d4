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

    def loss(self, theta, X=None, y=None):
        return 0.5 * self.curvature * (np.asarray(theta) - self.minimum) ** 2

    def gradient(self, theta, X=None, y=None):
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

    def loss(self, theta, X=None, y=None):
        theta = np.asarray(theta)
        return (theta**2 - 1) ** 2 + self.tilt * theta

    def gradient(self, theta, X=None, y=None):
        theta = np.asarray(theta)
        return 4 * theta * (theta**2 - 1) + self.tilt

    def minima(self):
        """Both local minima, left first (roots of the gradient where J curves up)."""
        roots = np.roots([4.0, 0.0, -4.0, self.tilt])
        real = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
        return real[0], real[-1]


class QuadraticBowl:
    """A 2-D bowl J(θ) = ½ (θ − center)ᵀ A (θ − center) with a chosen condition number.

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
            raise ValueError(f"center must have 2 entries, got shape {self.center.shape}.")
        turn = np.deg2rad(angle)
        rotation = np.array([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
        self.A = rotation @ np.diag([1.0, kappa]) @ rotation.T

    @property
    def minimum(self):
        return self.center.copy()

    def loss(self, theta, X=None, y=None):
        d = np.asarray(theta) - self.center
        # Works for one θ of shape (2,) or a grid of shape (..., 2).
        return 0.5 * np.einsum("...i,ij,...j->...", d, self.A, d)

    def gradient(self, theta, X=None, y=None):
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
        return np.array([self.a, self.a**2])

    def loss(self, theta, X=None, y=None):
        theta = np.asarray(theta)
        x, y_ = theta[..., 0], theta[..., 1]
        return (self.a - x) ** 2 + self.b * (y_ - x**2) ** 2

    def gradient(self, theta, X=None, y=None):
        x, y_ = np.asarray(theta)
        return np.array(
            [-2 * (self.a - x) - 4 * self.b * x * (y_ - x**2), 2 * self.b * (y_ - x**2)]
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

    def loss(self, theta, X, y):
        residual = X @ theta - y
        return float(residual @ residual) / (2 * len(y))

    def gradient(self, theta, X, y):
        residual = X @ theta - y
        return X.T @ residual / len(y)

    def loss_and_gradient(self, theta, X, y):
        """Both at once from one residual: two passes over X instead of three."""
        residual = X @ theta - y
        return float(residual @ residual) / (2 * len(y)), X.T @ residual / len(y)

    def loss_grid(self, thetas, X, y):
        """Loss at many parameter vectors at once; ``thetas`` has shape (..., d)."""
        residuals = np.asarray(thetas) @ X.T - y
        return np.mean(residuals**2, axis=-1) / 2


def sigmoid(z):
    """The logistic function 1 / (1 + e^(−z)), without overflow for large |z|."""
    return np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))


class LogLikelihood:
    """Mean log-likelihood of logistic regression, to be maximised.

    J(θ) = (1/m) Σᵢ [yᵢ zᵢ − log(1 + e^{zᵢ})] with zᵢ = xᵢ·θ and labels yᵢ in
    {0, 1}. Its gradient is (1/m) Xᵀ(y − σ(Xθ)). Derived in notebook 06. Both
    are computed with ``logaddexp`` so that large |z| neither overflows nor
    loses precision. As with :class:`LinearRegression`, add a column of ones for
    an intercept.
    """

    def loss(self, theta, X, y):
        z = X @ theta
        return float(np.mean(y * z - np.logaddexp(0.0, z)))

    def gradient(self, theta, X, y):
        return X.T @ (y - sigmoid(X @ theta)) / len(y)

    def loss_and_gradient(self, theta, X, y):
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

    def loss(self, theta, X=None, y=None):
        return -self.objective.loss(theta, X, y)

    def gradient(self, theta, X=None, y=None):
        return -self.objective.gradient(theta, X, y)


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
