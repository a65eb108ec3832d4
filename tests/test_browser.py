"""The widgets in a real JupyterLab, driven through Debian's Chromium.

For every solution notebook with a ``gd.widgets.interactive`` box (and for a
small sample notebook that uses every control kind): run all cells, require
that no cell shows an error and nothing went to the log console, then move
each control with the keyboard and check that the figure and the readout
follow. The time from key press to redrawn figure is measured in the page and
printed as a table at the end (and written to ``screenshots/latency.txt``).

A faulty notebook shows that each fault is caught. The learner notebooks are
served the way ``make lab`` serves them: each must open from the file browser,
and in one with widgets and exercises the widgets must render and an untouched
exercise's check must show a short "not attempted yet" message.

Screenshots go to ``screenshots/`` at the repository root. Run these tests
alone with ``pytest -m browser``, or leave them out with ``-m "not browser"``.
"""

import importlib.util
import os
import re
import shutil
import signal
import warnings

import nbformat
import pytest
from browser import chromium, controls, latency, processes, sample
from browser.lab import Lab
from browser.notebook import LOG_CONSOLE_ALERT, NotebookPage, outcome_of
from course import NOTEBOOKS, ROOT, solution_notebooks

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
PATTERN = "[0-9][0-9]_*.ipynb"
# What a widget shows when the page cannot draw it: the fallback text, or the
# plain repr of the widget instead of the widget.
UNRENDERED = re.compile(
    r"Error displaying widget|^\s*(VBox|HBox|FloatSlider|FloatLogSlider|IntSlider|"
    r"ToggleButtons|Dropdown|Image|HTML)\(", re.MULTILINE)


def learner_sources():
    """The learner notebooks: ``notebooks/``, or made from solutions if not released."""
    shipped = sorted(NOTEBOOKS.glob(PATTERN))
    return shipped if shipped else solution_notebooks()


# -- fixtures: one browser, one server per folder, one table ------------------


# -- what the browser tests read, checked without a browser ----------------------


@pytest.mark.parametrize(
    ("readout", "value", "named"),
    [
        ("α = 0.126, steps = 10", "0.126", True),
        ("α = 0.1259 → J = 3", "0.126", True),  # finer than the slider
        ("α = 0.13", "0.126", True),  # coarser: 0.126 rounds to 0.13
        ("α = 0.14", "0.126", False),
        ("α = 1e-05", "0.00001", True),
        ("steps = 11", "10", False),
        ("θ = −0.5", "-0.5", True),  # a typographic minus
        ("steps = 10", "10", True),
    ],
)
def test_readout_names_a_slider_value_at_either_precision(readout, value, named):
    control = {"kind": "slider", "label": "x", "value": value}
    assert controls.names_value(readout, control) is named


def test_readout_names_a_choice_as_written():
    control = {"kind": "toggle", "label": "start", "value": "top"}
    assert controls.names_value("start = top → J = 0.5", control)
    assert not controls.names_value("start = left → J = 0.5", control)


def test_outcome_tells_errors_from_warnings_on_stderr():
    saved = {"content": {"cells": [
        {"cell_type": "markdown", "source": "# title"},
        {"cell_type": "code", "source": "x = 1", "execution_count": 1, "outputs": [
            {"output_type": "stream", "name": "stderr",
             "text": "f.py:3: DivergenceWarning: diverged at iteration 4\n"}]},
        {"cell_type": "code", "source": "1 / 0", "execution_count": 2, "outputs": [
            {"output_type": "error", "ename": "ZeroDivisionError",
             "evalue": "division by zero", "traceback": []}]},
        {"cell_type": "code", "source": "y = 2", "execution_count": None,
         "outputs": []},
        {"cell_type": "code", "source": "", "execution_count": None, "outputs": []},
    ]}}
    outcome = outcome_of(saved)
    assert outcome.errors == [(2, "ZeroDivisionError: division by zero")]
    assert outcome.not_run == [3]  # the empty cell never gets a number
    warning = "f.py:3: DivergenceWarning: diverged at iteration 4\n"
    assert outcome.warnings() == [(1, warning)]
    assert outcome.tracebacks() == []


def test_latency_table_counts_unchanged_figures_apart():
    table = latency.Table()
    for value in (50.0, 70.0, None, 90.0):
        table.add("01_update_rule.ipynb", value)
    table.add("03_batch.ipynb", None)
    lines = table.lines()
    assert lines[2].split() == ["01_update_rule.ipynb", "3", "1", "70", "90"]
    assert lines[3].split() == ["03_batch.ipynb", "0", "1", "-", "-"]
    assert lines[4].split() == ["all", "3", "2", "70", "90"]


def test_unrendered_widget_text_is_recognised():
    assert UNRENDERED.search("Error displaying widget: model not found")
    assert UNRENDERED.search("VBox(children=(FloatLogSlider(value=0.1),))")
    assert not UNRENDERED.search("α = 0.1 → J = 0.5")


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
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"No browser in CI. {hint}")
        pytest.skip(hint)
    before = set(processes.descendants())
    with sync_playwright() as playwright:
        chrome = chromium.launch(playwright, executable)
        started = [pid for pid in processes.descendants() if pid not in before]
        yield chrome
        chrome.close()
    left = processes.wait_gone(started)
    commands = [processes.command(pid) for pid in left]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"still running after the browser closed: {commands}"


@pytest.fixture(scope="module")
def solutions_lab(browser, tmp_path_factory):  # no server without a browser
    root = tmp_path_factory.mktemp("solutions")
    for path in WIDGET_NOTEBOOKS:
        shutil.copy(path, root / path.name)
    sample.write(root)
    sample.write_faulty(root)
    with Lab(root, tmp_path_factory.mktemp("solutions-home")) as lab:
        yield lab
    assert not lab.left_running, f"still running after the server: {lab.left_running}"


def write_learner_copies(folder):
    """Copy ``notebooks/`` as ``make lab`` serves it, or release it into ``folder``.

    Until ``make notebooks`` has run, the learner copies are made here by the
    course's own release script (nbgrader's ClearSolutions and ClearHiddenTests).
    """
    shipped = sorted(NOTEBOOKS.glob(PATTERN))
    for path in shipped:
        shutil.copy(path, folder / path.name)
    if shipped:
        return
    spec = importlib.util.spec_from_file_location(
        "release_notebooks", ROOT / "scripts" / "release_notebooks.py")
    release = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(release)
    release.release(output=folder)


@pytest.fixture(scope="module")
def learner_lab(browser, tmp_path_factory):
    root = tmp_path_factory.mktemp("notebooks")
    write_learner_copies(root)
    with Lab(root, tmp_path_factory.mktemp("notebooks-home")) as lab:
        yield lab
    assert not lab.left_running, f"still running after the server: {lab.left_running}"


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
    assert not outcome.tracebacks(), (
        f"{notebook.path}: tracebacks {outcome.tracebacks()}")
    assert not outcome.not_run, f"{notebook.path}: cells {outcome.not_run} did not run"
    for cell, text in outcome.warnings():
        if "DivergenceWarning" not in text:  # shown on purpose by the course
            warnings.warn(f"{notebook.path}, code cell {cell} wrote to stderr: "
                          f"{text.strip()[:300]}", stacklevel=1)
    assert not notebook.log_console_used(), (
        f"{notebook.path}: output went to the log console instead of a cell")
    assert not notebook.page_errors, (
        f"{notebook.path}: page errors {notebook.page_errors}")


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
        box_controls = notebook.controls(box)
        assert box_controls, f"{notebook.path}: widget {box + 1} has no control"
        for index, first in enumerate(box_controls):
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
        natural, shown = notebook.image_widths()[box]  # in view after the presses
        assert 0 < shown <= natural, (
            f"{notebook.path}: widget {box + 1}'s figure, {natural} pixels wide, "
            f"is shown {shown} pixels wide (stretched figures are blurred)")
    assert not notebook.log_console_used(), (
        f"{notebook.path}: a widget update wrote to the log console")
    return boxes


def screenshot(notebook, boxes):
    SCREENSHOTS.mkdir(exist_ok=True)
    stem = notebook.path.removesuffix(".ipynb")
    notebook.boxes().first.scroll_into_view_if_needed()
    notebook.page.screenshot(path=SCREENSHOTS / f"{stem}.png")
    for box in range(1, boxes):
        path = SCREENSHOTS / f"{stem}-widget{box + 1}.png"
        notebook.boxes().nth(box).screenshot(path=path)


@pytest.mark.browser
@pytest.mark.parametrize(
    "name", [sample.NAME] + [p.name for p in WIDGET_NOTEBOOKS],
    ids=lambda name: name.removesuffix(".ipynb"))
def test_widgets_follow_the_keyboard(name, solutions_lab, open_notebook, latency_table):
    notebook = open_notebook(solutions_lab, name)
    run_cleanly(notebook)
    expected = 2 if name == sample.NAME else widget_cells(solutions_lab.root / name)
    boxes = exercise_widgets(notebook, expected, latency_table)
    screenshot(notebook, boxes)


@pytest.mark.browser
def test_the_faults_it_exists_for_are_caught(solutions_lab, open_notebook):
    notebook = open_notebook(solutions_lab, sample.FAULTY)
    notebook.run_all()
    outcome = outcome_of(notebook.save_and_read())
    assert outcome.errors == [(4, "ValueError: raised on purpose")]
    assert not notebook.log_console_used()

    handle = notebook.page.locator(".widget-slider .noUi-handle").first
    handle.focus()
    notebook.page.keyboard.press("ArrowRight")
    notebook.page.locator(LOG_CONSOLE_ALERT).wait_for(timeout=20_000)
    assert notebook.log_console_used()

    notebook.wait_for_widgets(1)
    control = notebook.controls(0)[0]
    with pytest.raises(AssertionError, match="the readout should name every control"):
        notebook.press(0, 0, control, timeout=3)


# -- the learner's notebooks, as `make lab` serves them --------------------------


def check_cells(saved):
    """{cell index: grade id} of the check cells of a notebook from the contents API."""
    cells = saved["content"]["cells"]
    return {i: c["metadata"]["nbgrader"]["grade_id"] for i, c in enumerate(cells)
            if c["metadata"].get("nbgrader", {}).get("grade")}


def representative(paths):
    """The first notebook with both a widget and a check cell (else the first)."""
    def has_check(path):
        return any(cell.metadata.get("nbgrader", {}).get("grade")
                   for cell in nbformat.read(path, as_version=4).cells)
    both = [p for p in paths if widget_cells(p) and has_check(p)]
    return (both or paths)[:1]


@pytest.mark.browser
def test_learner_notebooks_open_from_the_file_browser(learner_lab, browser):
    names = sorted(p.name for p in learner_lab.root.glob(PATTERN))
    assert names, "no learner notebook to open"
    page = NotebookPage(browser, learner_lab, None)
    try:
        page.open_lab()
        for name in names:
            cells = len(nbformat.read(learner_lab.root / name, as_version=4).cells)
            page.open_from_file_browser(name, cells)
            learner_lab.delete_sessions(name)  # eight idle kernels would slow the rest
    finally:
        learner_lab.delete_sessions()
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", [p.name for p in representative(learner_sources())],
                         ids=lambda name: name.removesuffix(".ipynb"))
def test_learner_notebook_shows_widgets_and_short_messages(
        name, learner_lab, open_notebook):
    notebook = open_notebook(learner_lab, name)
    notebook.run_all()
    saved = notebook.save_and_read()
    outcome = outcome_of(saved)
    allowed = {"NotAttemptedYet", "NotImplementedError"}
    assert all(error.split(":")[0] in allowed for _cell, error in outcome.errors), (
        f"{name}: unexpected errors {outcome.errors}")
    assert not outcome.not_run, f"{name}: cells {outcome.not_run} did not run"
    assert not notebook.log_console_used(), f"{name}: output went to the log console"

    cells = notebook.page.locator(".jp-Notebook .jp-Cell")
    assert cells.count() == len(saved["content"]["cells"])
    checks = check_cells(saved)
    assert checks, f"{name}: no check cell to look at"
    for index, grade_id in checks.items():
        shown = cells.nth(index).locator(".jp-OutputArea-output").all_text_contents()
        text = "\n".join(shown)
        assert "not attempted yet" in text, f"{name}, {grade_id}: shows {text[:300]!r}"
        assert "Traceback" not in text and len(text.splitlines()) <= 6, (
            f"{name}, {grade_id}: a traceback, not a short message: {text[:500]!r}")

    outputs = notebook.page.locator(".jp-OutputArea-output").all_text_contents()
    outputs = "\n".join(outputs)
    assert not UNRENDERED.search(outputs), (
        f"{name}: a widget was not drawn: {UNRENDERED.search(outputs).group()!r}")
    expected = widget_cells(learner_lab.root / name)
    if expected:
        notebook.wait_for_widgets(expected)
    learner_screenshot(notebook, checks)


def learner_screenshot(notebook, checks):
    """The first check cell in view (else the first widget), for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    cells = notebook.page.locator(".jp-Notebook .jp-Cell")
    target = (cells.nth(min(checks)) if checks else notebook.boxes().first)
    if checks or notebook.boxes().count():
        target.scroll_into_view_if_needed()
    stem = notebook.path.removesuffix(".ipynb")
    notebook.page.screenshot(path=SCREENSHOTS / f"learner-{stem}.png")
