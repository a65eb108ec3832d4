"""Seeded data sets, the shipped iris table, and the two helpers that prepare X."""

import socket
from importlib import resources

import numpy as np
import pytest

import gdlib as gd

GENERATORS = {
    "line": lambda rng: gd.make_line(50, rng=rng),
    "two classes": lambda rng: gd.make_two_classes(50, rng=rng),
    "badly scaled": lambda rng: gd.make_badly_scaled(50, rng=rng),
}


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_same_seed_same_numbers_other_seed_other_numbers(name):
    make = GENERATORS[name]
    first, again, other = make(7), make(7), make(8)
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0], other[0])
    from_generator = make(np.random.default_rng(7))
    np.testing.assert_array_equal(from_generator[0], first[0])


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_a_shared_generator_moves_on(name):
    rng = np.random.default_rng(3)
    first, second = GENERATORS[name](rng), GENERATORS[name](rng)
    assert not np.array_equal(first[0], second[0])


def test_make_line_without_noise_lies_on_the_line():
    X, y = gd.make_line(40, slope=-3.0, intercept=2.5, noise=0.0, rng=0)
    assert X.shape == (40, 1) and y.shape == (40,)
    assert X.min() >= 0.0 and X.max() <= 5.0
    np.testing.assert_allclose(y, 2.5 - 3.0 * X[:, 0])


def test_make_line_noise_has_the_requested_spread():
    X, y = gd.make_line(20_000, slope=1.0, intercept=0.0, noise=0.5, rng=1)
    assert np.std(y - X[:, 0]) == pytest.approx(0.5, rel=0.03)


def test_make_two_classes_is_balanced_and_labelled_0_and_1():
    X, y = gd.make_two_classes(101, separation=4.0, rng=2)
    assert X.shape == (101, 2) and y.shape == (101,)
    assert set(np.unique(y)) == {0.0, 1.0}
    assert int(y.sum()) == 101 - 101 // 2
    # Class 1 sits to the right along the first feature.
    assert X[y == 1, 0].mean() - X[y == 0, 0].mean() == pytest.approx(4.0, abs=0.6)
    # The rows are shuffled, not sorted by class.
    assert 0 < np.argmax(y) < 50


def test_make_badly_scaled_has_rooms_and_areas_on_very_different_scales():
    X, y = gd.make_badly_scaled(2000, noise=0.0, rng=3)
    rooms, area = X[:, 0], X[:, 1]
    assert set(np.unique(rooms)) == {1.0, 2.0, 3.0, 4.0, 5.0, 6.0}
    assert area.min() >= 45.0 and area.max() <= 210.0
    assert area.std() > 20 * rooms.std()
    np.testing.assert_allclose(y, 50.0 + 10.0 * rooms + 2.0 * area)


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: gd.make_line(0), ValueError,
         r"n_samples must be an integer at least 1, got 0"),
        (lambda: gd.make_line(10, noise=-1.0), ValueError,
         r"noise must be a non-negative finite number, got -1\.0"),
        (lambda: gd.make_two_classes(1), ValueError,
         r"n_samples must be an integer at least 2, got 1"),
        (lambda: gd.make_badly_scaled(5, rng="seed"), TypeError,
         r"rng must be a numpy Generator"),
    ],
)
def test_generators_refuse_bad_arguments(make, error, match):
    with pytest.raises(error, match=match):
        make()


# The iris table ---------------------------------------------------------------------


def test_iris_loads_without_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("load_iris tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    iris = gd.load_iris()
    assert iris.data.shape == (150, 4)
    assert iris.target.shape == (150,)


def test_iris_has_fisher_s_numbers():
    iris = gd.load_iris()
    assert iris.target_names == ("setosa", "versicolor", "virginica")
    assert iris.feature_names == (
        "sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"
    )
    np.testing.assert_array_equal(np.bincount(iris.target), [50, 50, 50])
    assert np.issubdtype(iris.target.dtype, np.integer)
    # Column means of the 1936 table (with rows 35 and 38 as Fisher printed them).
    np.testing.assert_allclose(
        iris.data.mean(axis=0), [5.843333, 3.057333, 3.758, 1.199333], atol=5e-7
    )
    np.testing.assert_array_equal(iris.data[34], [4.9, 3.1, 1.5, 0.2])
    np.testing.assert_array_equal(iris.data[37], [4.9, 3.6, 1.4, 0.1])
    np.testing.assert_array_equal(iris.data[0], [5.1, 3.5, 1.4, 0.2])
    np.testing.assert_array_equal(iris.data[-1], [5.9, 3.0, 5.1, 1.8])


def test_iris_file_is_small_and_its_source_and_licence_are_stated():
    folder = resources.files("gdlib") / "data"
    assert len((folder / "iris.csv").read_bytes()) < 100_000
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme
    assert "Fisher" in readme
    assert gd.load_iris().description == readme


# Preparing X -------------------------------------------------------------------------


def test_add_intercept_puts_a_column_of_ones_first():
    X = np.array([[2.0, 3.0], [4.0, 5.0]])
    np.testing.assert_array_equal(gd.add_intercept(X), [[1, 2, 3], [1, 4, 5]])
    np.testing.assert_array_equal(gd.add_intercept(np.array([7.0, 8.0])),
                                  [[1, 7], [1, 8]])
    np.testing.assert_array_equal(X, [[2.0, 3.0], [4.0, 5.0]])


def test_standardize_gives_mean_0_and_std_1_and_scales_new_data_alike():
    X, _ = gd.make_badly_scaled(200, rng=4)
    scaled, mean, std = gd.standardize(X)
    np.testing.assert_allclose(scaled.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(scaled.std(axis=0), 1.0, rtol=1e-12)
    np.testing.assert_allclose(mean, X.mean(axis=0))
    new, _ = gd.make_badly_scaled(5, rng=5)
    again, same_mean, same_std = gd.standardize(new, mean, std)
    np.testing.assert_allclose(again, (new - mean) / std)
    np.testing.assert_array_equal(same_mean, mean)
    np.testing.assert_array_equal(same_std, std)


@pytest.mark.parametrize(
    ("arguments", "match"),
    [
        ((np.array([[1.0, 2.0], [1.0, 3.0]]),),
         r"std must be positive in every column, got \[0\. +0\.5\]"),
        ((np.ones((3, 2)), [0.0, 0.0, 0.0], [1.0, 1.0]),
         r"mean must have shape \(2,\) \(one entry per column of X\), got \(3,\)"),
        ((np.ones((3, 2)), [0.0, 0.0], [1.0, -1.0]),
         r"std must be positive in every column"),
        ((np.array([[1.0, np.nan]]),),
         r"X must contain only finite numbers, got 1 NaN"),
    ],
)
def test_standardize_refuses_what_it_cannot_scale(arguments, match):
    with pytest.raises(ValueError, match=match):
        gd.standardize(*arguments)
