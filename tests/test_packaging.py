"""pyproject.toml and environment.yml promise the same runtime; the package installs."""

import fnmatch
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10, which the course also supports
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def environment():
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def pip_requirements():
    """{name: SpecifierSet} of pyproject's runtime dependencies."""
    found = {}
    for line in pyproject()["project"]["dependencies"]:
        requirement = Requirement(line)
        found[requirement.name.lower()] = requirement.specifier
    return found


def conda_spec(text):
    """A conda match spec such as ``numpy>=1.24,<3`` or ``numpy 1.24.*`` as pip's."""
    name, spec = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", text.strip()).groups()
    parts = []
    for part in filter(None, (p.strip() for p in spec.replace(" ", "").split(","))):
        if re.match(r"^[<>!~]=?|^==", part):
            parts.append(part)
        elif part.startswith("="):  # conda's =1.2 means 1.2.*
            parts.append("==" + part[1:].rstrip("*").rstrip(".") + ".*")
        else:  # a bare version, possibly with a wildcard
            parts.append("==" + part)
    return name.lower(), SpecifierSet(",".join(parts))


def conda_requirements():
    """{name: SpecifierSet} of environment.yml's conda packages, pip excluded."""
    found = {}
    for entry in environment()["dependencies"]:
        if isinstance(entry, str):
            name, spec = conda_spec(entry)
            found[name] = spec
    return found


def disagreements(pip, conda):
    """Every way the two lists differ, as readable lines (empty when they agree)."""
    problems = [f"{name} only in pyproject.toml" for name in sorted(pip.keys() - conda)]
    problems += [
        f"{name} only in environment.yml" for name in sorted(conda.keys() - pip)
    ]
    for name in sorted(pip.keys() & conda.keys()):
        if pip[name] != conda[name]:
            problems.append(
                f"{name}: '{pip[name]}' in pyproject.toml, '{conda[name]}' in "
                "environment.yml"
            )
    return problems


def test_conda_spec_reads_the_usual_forms():
    assert conda_spec("numpy>=1.24,<3") == ("numpy", SpecifierSet(">=1.24,<3"))
    assert conda_spec("numpy 1.24.*") == ("numpy", SpecifierSet("==1.24.*"))
    assert conda_spec("numpy=1.24") == ("numpy", SpecifierSet("==1.24.*"))
    assert conda_spec("pip") == ("pip", SpecifierSet(""))


def test_the_comparison_reports_every_kind_of_disagreement():
    pip = {"numpy": SpecifierSet(">=1.24"), "matplotlib": SpecifierSet(">=3.7")}
    conda = {"numpy": SpecifierSet(">=1.26"), "scipy": SpecifierSet("")}
    assert disagreements(pip, conda) == [
        "matplotlib only in pyproject.toml",
        "scipy only in environment.yml",
        "numpy: '>=1.24' in pyproject.toml, '>=1.26' in environment.yml",
    ]
    assert disagreements(pip, dict(pip)) == []


def test_environment_yml_and_pyproject_name_the_same_runtime_packages():
    conda = conda_requirements()
    python, pip = conda.pop("python"), conda.pop("pip")
    assert pip == SpecifierSet("")
    assert disagreements(pip_requirements(), conda) == []
    assert python == SpecifierSet(pyproject()["project"]["requires-python"])


def test_environment_yml_installs_the_course_package_itself():
    pip_lists = [e["pip"] for e in environment()["dependencies"] if isinstance(e, dict)]
    assert ["-e ."] in pip_lists or any("-e ." in p for p in pip_lists)


@pytest.mark.parametrize("name", sorted(pip_requirements()))
def test_the_installed_versions_are_inside_the_declared_ranges(name):
    installed = metadata.version(name)
    assert pip_requirements()[name].contains(installed, prereleases=True), (
        f"{name} {installed} is installed but {pip_requirements()[name]} is declared"
    )


def test_gdlib_imports_as_a_regular_package_from_any_folder(tmp_path):
    # A stale editable install can leave gdlib an empty namespace package
    # outside the checkout, which breaks every notebook kernel.
    code = "import gdlib; print(gdlib.__file__); print(gdlib.LinearRegression)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == str(ROOT / "gdlib" / "__init__.py")


def test_package_data_covers_every_shipped_data_file():
    patterns = pyproject()["tool"]["setuptools"]["package-data"]["gdlib"]
    shipped = [
        path.relative_to(ROOT / "gdlib").as_posix()
        for path in (ROOT / "gdlib" / "data").iterdir()
        if path.is_file()
    ]
    assert shipped
    for name in shipped:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name
