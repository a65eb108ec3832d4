"""The widgets in a real JupyterLab, driven through Debian's Chromium.

For every solution notebook with a ``gd.widgets.interactive`` box (and for a
small sample notebook that uses every control kind): run all cells, require
that no cell shows an error and nothing went to the log console, then move
each control with the keyboard and check that the figure and the readout
follow. The time from key press to redrawn figure is measured in the page and
printed as a table at the end. A second test opens the learner notebooks the
way ``make lab`` does.

Screenshots go to ``screenshots/`` at the repository root.
"""

import os
import shutil
import warnings

import nbformat
import pytest
from browser import chromium, latency, sample
from browser.lab import Lab
from browser.notebook import NotebookPage, outcome_of
from course import NOTEBOOKS, ROOT, solution_notebooks

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "screenshots"
PRESSES_PER_CONTROL = 4
WIDGET_CALL = "gd.widgets.interactive("


def _code(path):
    notebook = nbformat.read(path, as_version=4)
    return [c.source for c in notebook.cells if c.cell_type == "code"]


def widget_cells(path):
    """How many code cells of the notebook build an interactive widget."""
    return sum(WIDGET_CALL in source for source in _code(path))


WIDGET_NOTEBOOKS = [p for p in solution_notebooks() if widget_cells(p)]


# -- fixtures: one browser, one server per folder, one table ------------------


@pytest.fixture(scope="module")
def browser():
    executable = chromium.find()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable, hint = None, "The browser tests need the playwright package."
    else:
        hint = chromium.INSTALL_HINT
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail(f"No browser in CI. {hint}")
        pytest.skip(hint)
    with sync_playwright() as playwright:
        chrome = chromium.launch(playwright, executable)
        yield chrome
        chrome.close()


@pytest.fixture(scope="module")
def solutions_lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("solutions")
    for path in WIDGET_NOTEBOOKS:
        shutil.copy(path, root / path.name)
    sample.write(root)
    with Lab(root, tmp_path_factory.mktemp("solutions-home")) as lab:
        yield lab


@pytest.fixture(scope="module")
def latency_table(request):
    table = latency.Table()
    yield table
    if not table.rows:
        return
    lines = table.lines()
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "latency.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Shown whatever the capture mode, and also from a pytest-xdist worker
    # (whose stdout is not relayed, while its stderr is).
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        import sys

        sys.stderr.write("\n\n" + "\n".join(lines) + "\n")


@pytest.fixture
def open_notebook(browser):
    pages = []

    def opener(lab, name):
        page = NotebookPage(browser, lab, name)
        pages.append(page)
        page.open()
        return page

    yield opener
    for page in pages:
        page.close()


# -- the widget notebooks ------------------------------------------------------


def run_cleanly(notebook):
    """Run all cells; fail on any error, traceback or log-console message."""
    notebook.run_all()
    outcome = outcome_of(notebook.save_and_read())
    assert not outcome.errors, f"{notebook.path}: cells raised {outcome.errors}"
    assert not outcome.tracebacks(), f"{notebook.path}: tracebacks {outcome.tracebacks()}"
    assert not outcome.not_run, f"{notebook.path}: cells {outcome.not_run} did not run"
    for cell, text in outcome.warnings():
        if "DivergenceWarning" not in text:  # shown on purpose by the course
            warnings.warn(f"{notebook.path}, code cell {cell} wrote to stderr: "
                          f"{text.strip()[:300]}", stacklevel=1)
    assert not notebook.log_console_used(), (
        f"{notebook.path}: output went to the log console instead of a cell")
    assert not notebook.page_errors, f"{notebook.path}: page errors {notebook.page_errors}"


def exercise_widgets(notebook, expected_boxes, table):
    """Move every control of every widget box and check the figure follows.

    Each press must bring a readout naming every control's new value. A press
    may leave the figure as it was (more iterations after the run has stopped,
    say), but each control must change the figure at some point: if its first
    presses do not, it is sent to its ends (Home, End) as a person would.
    """
    notebook.wait_for_widgets(expected_boxes)
    boxes = notebook.boxes().count()
    for box in range(boxes):
        controls = notebook.controls(box)
        assert controls, f"{notebook.path}: widget {box + 1} has no control"
        for index, first in enumerate(controls):
            timed = []
            for _ in range(PRESSES_PER_CONTROL):
                control = notebook.controls(box)[index]
                timed.append(notebook.press(box, index, control))
                table.add(notebook.path, timed[-1])
            for key in ("Home", "End") if first["kind"] != "toggle" else ():
                if any(t is not None for t in timed):
                    break
                control = notebook.controls(box)[index]
                timed.append(notebook.press(box, index, control, key=key))
            assert any(t is not None for t in timed), (
                f"{notebook.path}: moving {first['label']!r} of widget {box + 1} "
                "never changed the figure")
    assert not notebook.log_console_used(), (
        f"{notebook.path}: a widget update wrote to the log console")
    return boxes


def screenshot(notebook, boxes):
    SCREENSHOTS.mkdir(exist_ok=True)
    stem = notebook.path.removesuffix(".ipynb")
    notebook.boxes().first.scroll_into_view_if_needed()
    notebook.page.screenshot(path=SCREENSHOTS / f"{stem}.png")
    for box in range(1, boxes):
        notebook.boxes().nth(box).screenshot(path=SCREENSHOTS / f"{stem}-widget{box + 1}.png")


@pytest.mark.parametrize(
    "name", [sample.NAME] + [p.name for p in WIDGET_NOTEBOOKS],
    ids=lambda name: name.removesuffix(".ipynb"))
def test_widgets_follow_the_keyboard(name, solutions_lab, open_notebook, latency_table):
    notebook = open_notebook(solutions_lab, name)
    run_cleanly(notebook)
    expected = 2 if name == sample.NAME else widget_cells(solutions_lab.root / name)
    boxes = exercise_widgets(notebook, expected, latency_table)
    screenshot(notebook, boxes)
