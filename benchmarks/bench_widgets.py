"""What one widget update costs in the kernel, and how big an image it sends.

For two figures like the course's (a cost curve with a moving path, and two
panels: contours with a path beside a loss curve on a log scale) this times:

- ``refresh``: what :class:`gdlib.widgets.LiveFigure` does per update: the
  background copied back, the animated artists drawn, the PNG encoded;
- ``encode``: the PNG encoding alone, part of ``refresh``;
- ``redraw``: a full ``canvas.draw()`` plus the same encoding, which is what
  redrawing the whole figure per update would cost instead.

Each is repeated and the median kept. The browser side (message, decode,
paint) is measured by the browser test, which prints its own table.

Run it with ``python benchmarks/bench_widgets.py``.
"""

import argparse
import statistics
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

import gdlib as gd


def cost_curve():
    """A 1-D cost with a path of 15 steps, as in notebook 01."""
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    gd.plots.plot_cost_1d(gd.Quadratic1D(), ax=ax, bounds=(-3, 5))
    (path,) = ax.plot([], [], "o-", color=gd.plots.COLORS["batch"])
    view = gd.widgets.LiveFigure(fig, animated=[path])

    def move(k):
        thetas = 3.0 * (0.8 - 0.01 * k) ** np.arange(15) + 1
        path.set_data(thetas, (thetas - 1) ** 2)

    return view, move


def contours_and_loss():
    """Contours with a 40-step path beside its loss on a log scale."""
    bowl = gd.QuadraticBowl(condition_number=10)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    gd.plots.plot_contours(bowl, ax=left, grid=gd.plots.contour_grid(bowl, (-3, 3),
                                                                    (-3, 3)))
    (path,) = left.plot([], [], "o-", color=gd.plots.COLORS["batch"], ms=3)
    (curve,) = right.semilogy([], [], color=gd.plots.COLORS["batch"])
    right.set(xlim=(0, 40), ylim=(1e-8, 1e2))
    view = gd.widgets.LiveFigure(fig, animated=[path, curve, left.title])

    def move(k):
        learning_rate = 0.05 + k / 1e3
        result = gd.batch_gradient_descent(bowl, [-2.5, 0.5],
                                           learning_rate=learning_rate,
                                           max_iterations=40, loss_threshold=0)
        path.set_data(result.thetas[:, 0], result.thetas[:, 1])
        curve.set_data(np.arange(len(result.losses)), result.losses)
        left.set_title(f"α = {learning_rate:.3g}")

    return view, move


def median_ms(action, repeats):
    times = []
    for k in range(repeats):
        start = time.perf_counter()
        action(k)
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def measure(name, make, repeats):
    view, move = make()
    move(0)
    view.refresh()  # the background is drawn here, once

    def refresh(k):
        move(k)
        view.refresh()

    def redraw(k):
        move(k)
        view.fig.canvas.draw()
        view.png()

    refresh_ms = median_ms(refresh, repeats)
    encode_ms = median_ms(lambda _k: view.png(), repeats)
    redraw_ms = median_ms(redraw, repeats)
    height, width = np.asarray(view.fig.canvas.buffer_rgba()).shape[:2]
    size_kb = len(view.image.value) / 1024
    plt.close(view.fig)
    return (f"{name:<20} {width:>4}×{height:<4} {size_kb:>6.0f} {refresh_ms:>9.1f} "
            f"{encode_ms:>8.1f} {redraw_ms:>8.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    repeats = parser.parse_args().repeats
    gd.plots.use_course_style()
    print(f"{'figure':<20} {'pixels':>9} {'kB':>6} {'refresh':>9} {'encode':>8} "
          f"{'redraw':>8}   (ms, median of {repeats})")
    for name, make in (("cost curve", cost_curve),
                       ("contours and loss", contours_and_loss)):
        print(measure(name, make, repeats))


if __name__ == "__main__":
    main()
