"""Every public name is documented in numpydoc style, and every example runs."""

import doctest
import importlib
import inspect
import pkgutil
import re

import matplotlib.pyplot as plt
import pytest

import gdlib

plt.switch_backend("Agg")

SECTION = re.compile(r"^(?P<name>[A-Z][A-Za-z ]+)\n-{3,}$", re.MULTILINE)


def public_objects():
    """(qualified name, object) for every public function and class."""
    found = {}
    for name in gdlib.__all__:
        found[f"gdlib.{name}"] = getattr(gdlib, name)
    for module in (gdlib.plots, gdlib.widgets):
        for name, value in vars(module).items():
            defined_here = getattr(value, "__module__", None) == module.__name__
            if not name.startswith("_") and defined_here:
                found[f"{module.__name__}.{name}"] = value
    return {
        name: value
        for name, value in found.items()
        if inspect.isfunction(value) or inspect.isclass(value)
    }


PUBLIC = public_objects()


def sections(docstring):
    """{section title: body text} of a numpydoc docstring."""
    matches = list(SECTION.finditer(docstring))
    ends = [match.start() for match in matches[1:]] + [len(docstring)] * bool(matches)
    return {
        match["name"]: docstring[match.end() : end]
        for match, end in zip(matches, ends, strict=True)
    }


def documented_parameters(body):
    """Names in a Parameters section: entries start at the left margin."""
    names = set()
    for line in body.splitlines():
        if line and not line[0].isspace():
            entry = line.split(" : ")[0]
            names.update(part.strip().lstrip("*") for part in entry.split(","))
    return names


def parameters_of(value):
    """Names a caller can pass: those of the function, or of the constructor."""
    if inspect.isclass(value):
        owner = next(c for c in value.__mro__ if "__init__" in vars(c))
        if not owner.__module__.startswith("gdlib"):
            return []  # an inherited constructor, such as an exception's
        target = value.__init__
    else:
        target = value
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return []
    return [name for name in signature.parameters if name != "self"]


def test_the_public_names_were_found():
    assert "gdlib.run" in PUBLIC and "gdlib.LinearRegression" in PUBLIC
    assert "gdlib.plots.plot_contours" in PUBLIC
    assert "gdlib.widgets.LiveFigure" in PUBLIC
    assert "gdlib.plots.plt" not in PUBLIC  # imported, not defined there


def test_the_docstring_parser_finds_missing_parameters():
    def example(first, second, *rest, **options):
        """Do something.

        Parameters
        ----------
        first, second : float
            Two numbers.
        **options
            Options.

        Returns
        -------
        float
        """

    found = sections(inspect.getdoc(example))
    assert set(found) == {"Parameters", "Returns"}
    documented = documented_parameters(found["Parameters"])
    assert documented == {"first", "second", "options"}
    assert set(parameters_of(example)) - documented == {"rest"}


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_name_has_a_numpydoc_docstring(name):
    value = PUBLIC[name]
    docstring = inspect.getdoc(value)
    assert docstring, f"{name} has no docstring"
    summary, _, rest = docstring.partition("\n")
    assert summary.strip() and summary.rstrip().endswith("."), (
        f"{name}: the first line should be a one-sentence summary, got {summary!r}"
    )
    assert not rest or rest.startswith("\n"), f"{name}: no blank line after the summary"
    parameters = parameters_of(value)
    if not parameters:
        return
    found = sections(docstring)
    described = found.get("Parameters") or found.get("Attributes")
    assert described is not None, f"{name} takes {parameters} but has no Parameters"
    missing = set(parameters) - documented_parameters(described)
    assert not missing, f"{name}: Parameters does not describe {sorted(missing)}"
    if inspect.isfunction(value):
        assert "Returns" in found, f"{name} takes arguments but has no Returns section"


def gdlib_modules():
    names = ["gdlib"]
    for info in pkgutil.walk_packages(gdlib.__path__, prefix="gdlib."):
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module_name", gdlib_modules())
def test_doctest_examples_run(module_name):
    module = importlib.import_module(module_name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(module, module_name):
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} doctest example(s) failed"


def test_the_core_functions_carry_examples():
    for function in (
        gdlib.step, gdlib.run, gdlib.batch_gradient_descent,
        gdlib.stochastic_gradient_descent, gdlib.minibatch_gradient_descent,
        gdlib.gradient_ascent, gdlib.numerical_gradient, gdlib.load_iris,
    ):
        examples = doctest.DocTestParser().get_examples(function.__doc__)
        assert examples, f"{function.__name__} has no worked example"
