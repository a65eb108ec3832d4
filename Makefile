# Two commands set up everything: `make lab` for learners, `make test` for everyone else.
# Only Python 3.10+ and make are needed; all else goes into .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LAB_STAMP := $(VENV)/.lab-installed
TEST_STAMP := $(VENV)/.test-installed
# The venv's bin must be on PATH: nbgrader runs `alembic` by name.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab test notebooks benchmark lint clean

lab: $(LAB_STAMP)
	$(BIN)/jupyter lab notebooks/

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile \
		--nbval-lax --nbval-current-env --nbval-cell-timeout=120 \
		tests solutions notebooks

notebooks: $(TEST_STAMP)
	$(BIN)/python scripts/release_notebooks.py

benchmark: $(LAB_STAMP)
	$(BIN)/python benchmarks/bench_loops.py

lint: $(TEST_STAMP)
	$(BIN)/python -m pip install -q ruff
	$(BIN)/ruff check gdlib tests scripts benchmarks solutions notebooks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(LAB_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@echo "Building matplotlib's font cache (once; about a minute on a fresh machine)..."
	$(BIN)/python -c "import matplotlib.pyplot"
	touch $@

$(TEST_STAMP): $(LAB_STAMP)
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
