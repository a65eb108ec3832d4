"""A small notebook that uses every kind of control ``gdlib.widgets`` offers.

The browser test runs it beside the course's notebooks, so the widgets module
is exercised in a real page even by controls no notebook uses yet, and the
test's own machinery is checked on a notebook whose behaviour is known: one
cell shows a DivergenceWarning on purpose, which must not count as an error.
"""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NAME = "00_widget_sample.ipynb"

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
    notebook = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                       "language": "python"},
    })
    nbformat.write(notebook, str(folder / NAME))
    return NAME
