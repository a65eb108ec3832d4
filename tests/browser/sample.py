"""Two small notebooks whose behaviour in the browser is known in advance.

The sample uses every kind of control ``gdlib.widgets`` offers; the browser
test runs it beside the course's notebooks, so the widgets module is exercised
in a real page even by controls no notebook uses yet. One of its cells shows a
DivergenceWarning on purpose, which must not count as an error.

The faulty notebook holds each fault the browser test exists to catch: an
error, output sent to the log console, and a readout that does not follow its
control. A test runs it to show that each one is caught.
"""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NAME = "00_widget_sample.ipynb"
FAULTY = "00_faulty_widgets.ipynb"

SETUP = """\
import numpy as np
import matplotlib.pyplot as plt
import gdlib as gd

SEED = 0
rng = np.random.default_rng(SEED)
gd.plots.use_course_style()"""

BOWL = """\
bowl = gd.QuadraticBowl(condition_number=10)
grid = gd.plots.contour_grid(bowl, (-3, 3), (-3, 3))
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
gd.plots.plot_contours(bowl, ax=left, grid=grid)
(path,) = left.plot([], [], "o-", color=gd.plots.COLORS["batch"])
(curve,) = right.semilogy([], [], color=gd.plots.COLORS["batch"])
right.set(xlim=(0, 50), ylim=(1e-8, 1e2), xlabel="iteration", ylabel="J(θ)")
view = gd.widgets.LiveFigure(fig, animated=[path, curve, left.title])


def update(learning_rate, steps, start):
    theta0 = {"left": [-2.5, 0.5], "top": [0.5, 2.5]}[start]
    result = gd.batch_gradient_descent(
        bowl, theta0, learning_rate=learning_rate, max_iterations=steps,
        loss_threshold=0)
    path.set_data(result.thetas[:, 0], result.thetas[:, 1])
    curve.set_data(np.arange(len(result.losses)), result.losses)
    left.set_title(f"α = {learning_rate:.3g}")
    return (f"α = {learning_rate:.3g}, steps = {steps}, start = {start} "
            f"→ J = {result.loss:.3g} ({result.reason})")


gd.widgets.interactive(
    update, view,
    learning_rate=gd.widgets.log_slider("α", 1e-3, 1.0, 0.05),
    steps=gd.widgets.int_slider("steps", 1, 50, 10),
    start=gd.widgets.dropdown("start", ["left", "top"], "left"),
)"""

LINE = """\
fig, ax = plt.subplots(figsize=(5, 3.2))
xs = np.linspace(-2, 2, 200)
(line,) = ax.plot(xs, xs, color=gd.plots.COLORS["reference"])
ax.set(xlim=(-2, 2), ylim=(-4, 4), xlabel="x", ylabel="y")
line_view = gd.widgets.LiveFigure(fig, animated=[line])


def update_line(slope, shape):
    line.set_ydata(slope * (xs if shape == "line" else xs**2))
    return f"slope = {slope:.2f}, shape = {shape}"


gd.widgets.interactive(
    update_line, line_view,
    slope=gd.widgets.float_slider("slope", -2.0, 2.0, 0.5, step=0.25),
    shape=gd.widgets.toggle("shape", ["line", "parabola"], "line"),
)"""

DIVERGES = """\
result = gd.batch_gradient_descent(bowl, [2.0, 2.0], learning_rate=5.0,
                                   max_iterations=20)
print(result.reason)"""


# A plain ipywidgets callback that prints: JupyterLab has no cell to show it
# in, so the text goes to the log console.
PRINTS_TO_LOG = """\
import ipywidgets

loud = ipywidgets.IntSlider(value=1, min=0, max=5, description="loud")
loud.observe(lambda change: print("moved to", change["new"]), names="value")
loud"""

# The readout names no control, so it cannot show that it follows them.
SILENT_READOUT = """\
fig, ax = plt.subplots(figsize=(4, 3))
(dot,) = ax.plot([0.0], [0.0], "o")
ax.set(xlim=(0, 5), ylim=(-1, 1))
dot_view = gd.widgets.LiveFigure(fig, animated=[dot])


def move(x):
    dot.set_data([x], [0.0])
    return "the dot moved"


gd.widgets.interactive(move, dot_view, x=gd.widgets.int_slider("x", 0, 5, 1))"""


def _notebook(cells):
    return new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                       "language": "python"},
    })


def write_faulty(folder):
    """Write the faulty notebook into ``folder``; return its file name."""
    cells = [
        new_code_cell(SETUP),
        new_code_cell(PRINTS_TO_LOG),
        new_code_cell(SILENT_READOUT),
        new_code_cell('raise ValueError("raised on purpose")'),
    ]
    nbformat.write(_notebook(cells), str(folder / FAULTY))
    return FAULTY


def write(folder):
    """Write the sample notebook into ``folder``; return its file name."""
    cells = [
        new_markdown_cell("# Widget sample\nEvery control kind, in a real browser."),
        new_code_cell(SETUP),
        new_code_cell(BOWL),
        new_code_cell(LINE),
        new_markdown_cell("Too large a step: a warning, shown on purpose."),
        new_code_cell(DIVERGES),
    ]
    nbformat.write(_notebook(cells), str(folder / NAME))
    return NAME
