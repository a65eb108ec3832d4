"""Seeded synthetic data sets, one small real one, and two helpers to prepare X.

Every generator takes ``rng`` (a numpy Generator or an int seed): the same seed
always gives the same numbers.
"""

import csv
from dataclasses import dataclass
from importlib import resources

import numpy as np

from . import _validation as check


def make_line(n_samples=100, slope=2.0, intercept=1.0, noise=1.0, rng=None):
    """Points scattered around the line y = intercept + slope·x, with x in [0, 5].

    Parameters
    ----------
    n_samples : int >= 1, default=100
    slope, intercept : float
    noise : float >= 0, default=1.0
        Standard deviation of the Gaussian noise added to y.
    rng : numpy Generator or int, optional

    Returns
    -------
    X : ndarray of shape (n_samples, 1)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = make_line(5, rng=0)
    >>> X.shape, y.shape
    ((5, 1), (5,))
    """
    n_samples = check.integer_in_range("n_samples", n_samples, 1)
    noise = check.non_negative_number("noise", noise)
    rng = check.rng(rng)
    x = rng.uniform(0.0, 5.0, size=n_samples)
    y = intercept + slope * x + noise * rng.standard_normal(n_samples)
    return x[:, None], y


def make_two_classes(n_samples=200, separation=2.5, rng=None):
    """Two Gaussian clouds in the plane, labelled 0 and 1 (half each, rounded down).

    Parameters
    ----------
    n_samples : int >= 2, default=200
    separation : float >= 0, default=2.5
        Distance between the two centres, in standard deviations.
    rng : numpy Generator or int, optional

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,), values 0.0 and 1.0
    """
    n_samples = check.integer_in_range("n_samples", n_samples, 2)
    separation = check.non_negative_number("separation", separation)
    rng = check.rng(rng)
    y = (np.arange(n_samples) >= n_samples // 2).astype(float)
    centres = np.where(y[:, None] == 1.0, separation / 2, -separation / 2)
    X = centres * np.array([1.0, 0.6]) + rng.standard_normal((n_samples, 2))
    order = rng.permutation(n_samples)
    return X[order], y[order]


def make_badly_scaled(n_samples=100, noise=1.0, rng=None):
    """A regression problem whose two features live on very different scales.

    Feature 0 is a number of rooms (a whole number from 1 to 6), feature 1 a
    floor area in square metres (45 to 210, growing with the rooms), and y a
    price in thousands. Unscaled, the loss surface is a long narrow valley;
    after :func:`standardize` it is nearly round. Used for the feature-scaling
    lesson of notebook 03.

    Parameters
    ----------
    n_samples : int >= 1, default=100
    noise : float >= 0, default=1.0
        Scale of the Gaussian noise on the price (its standard deviation is
        ``10 * noise`` thousand).
    rng : numpy Generator or int, optional

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
        Rooms, then area.
    y : ndarray of shape (n_samples,)
        Price, 50 + 10·rooms + 2·area plus noise.

    Examples
    --------
    >>> X, y = make_badly_scaled(200, rng=0)
    >>> bool(X[:, 1].std() > 20 * X[:, 0].std())
    True
    """
    n_samples = check.integer_in_range("n_samples", n_samples, 1)
    noise = check.non_negative_number("noise", noise)
    rng = check.rng(rng)
    rooms = rng.integers(1, 7, size=n_samples).astype(float)
    area = 20.0 + 25.0 * rooms + rng.uniform(0.0, 40.0, size=n_samples)
    noise_term = noise * 10.0 * rng.standard_normal(n_samples)
    price = 50.0 + 10.0 * rooms + 2.0 * area + noise_term
    return np.column_stack([rooms, area]), price


@dataclass(frozen=True)
class Dataset:
    """A small table of measurements with a class label per row.

    Attributes
    ----------
    data : ndarray of shape (m, n_features)
        One row per example.
    target : ndarray of shape (m,), int
        Class of each row, an index into ``target_names``.
    feature_names, target_names : tuple of str
    description : str
        Source and licence.
    """

    data: np.ndarray
    target: np.ndarray
    feature_names: tuple
    target_names: tuple
    description: str


def load_iris():
    """Fisher's iris data, shipped with gdlib: 150 flowers, 4 measurements, 3 species.

    Source and licence (CC BY 4.0) are in ``gdlib/data/README.md``. No network
    is used.

    Returns
    -------
    Dataset
        ``target`` is 0, 1 or 2 for setosa, versicolor and virginica.

    Examples
    --------
    >>> iris = load_iris()
    >>> iris.data.shape, iris.target_names
    ((150, 4), ('setosa', 'versicolor', 'virginica'))
    """
    folder = resources.files("gdlib") / "data"
    with (folder / "iris.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, rows = rows[0], rows[1:]
    names = ("setosa", "versicolor", "virginica")
    data = np.array([[float(v) for v in row[:4]] for row in rows])
    target = np.array([names.index(row[4]) for row in rows])
    description = (folder / "README.md").read_text(encoding="utf-8")
    return Dataset(data, target, tuple(header[:4]), names, description)


def add_intercept(X):
    """Return X with a leading column of ones, so that θ[0] is the intercept.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features) or (n_samples,)

    Returns
    -------
    ndarray of shape (n_samples, n_features + 1)

    Examples
    --------
    >>> add_intercept([[2.0], [3.0]])
    array([[1., 2.],
           [1., 3.]])
    """
    X = check.finite_array("X", X, ndim=(1, 2))
    if X.ndim == 1:
        X = X[:, None]
    return np.column_stack([np.ones(len(X)), X])


def standardize(X, mean=None, std=None):
    """Scale each column to mean 0 and standard deviation 1.

    Pass the ``mean`` and ``std`` returned for the training data to scale new
    data the same way. Do not standardize a column of ones (the intercept):
    call :func:`add_intercept` afterwards.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features) or (n_samples,)
    mean : ndarray of shape (n_features,), optional
        Column means to subtract; computed from X when omitted.
    std : ndarray of shape (n_features,), optional
        Column standard deviations to divide by, all > 0; computed from X
        when omitted.

    Returns
    -------
    X_scaled : ndarray, same shape as X
    mean, std : ndarray of shape (n_features,)

    Raises
    ------
    ValueError
        If a column of X is constant (its std is 0), or ``mean`` or ``std``
        does not have one entry per column.

    Examples
    --------
    >>> Xs, mean, std = standardize([[1.0], [3.0]])
    >>> Xs.ravel(), mean, std
    (array([-1.,  1.]), array([2.]), array([1.]))
    """
    X = check.finite_array("X", X, ndim=(1, 2))
    columns = X.shape[1:]
    mean = X.mean(axis=0) if mean is None else check.finite_array("mean", mean)
    std = X.std(axis=0) if std is None else check.finite_array("std", std)
    for name, value in (("mean", mean), ("std", std)):
        if value.shape != columns:
            raise ValueError(
                f"{name} must have shape {columns} (one entry per column of X), "
                f"got {value.shape}."
            )
    if np.any(std <= 0):
        raise ValueError(
            "std must be positive in every column, got "
            f"{np.round(std, 6)} (is a column of X constant?)."
        )
    return (X - mean) / std, mean, std
