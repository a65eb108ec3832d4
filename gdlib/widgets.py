"""Sliders bound to a figure that redraws in place, fast enough to follow the hand.

A :class:`LiveFigure` shows a matplotlib figure as an ``ipywidgets.Image``.
The parts that never change (contours, the cost curve, axes) are drawn once and
kept as a background; on each update only the changing artists (a path, a
line, a title) are drawn over a copy of it, and the small PNG is sent to the
page. That avoids re-rendering contours per slider tick and avoids the
``Output``-widget flicker of a whole new figure.

Typical use in a notebook::

    fig, ax = plt.subplots()
    ...draw the static parts...
    (path,) = ax.plot([], [], "o-")
    view = gd.widgets.LiveFigure(fig, animated=[path])

    def update(learning_rate, steps):
        result = ...                      # the pure computation, testable alone
        path.set_data(...)
        return f"final loss {result.loss:.4f}"   # shown under the figure

    gd.widgets.interactive(update, view,
        learning_rate=gd.widgets.log_slider("α", 1e-3, 1.0, 0.1),
        steps=gd.widgets.int_slider("steps", 1, 50, 10))
"""

import io

import ipywidgets
import matplotlib.pyplot as plt
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

_STYLE = {"description_width": "initial"}
_LAYOUT = {"width": "420px"}


class LiveFigure:
    """A matplotlib figure shown as an image widget, redrawn in place.

    Parameters
    ----------
    fig : matplotlib Figure
        Drawn once with everything but ``animated``; closed for pyplot, so it
        is not also shown as a static image under the widget.
    animated : list of matplotlib Artists
        The artists that change between updates; only these are redrawn.
    """

    def __init__(self, fig, animated=()):
        self.fig = fig
        self.animated = list(animated)
        plt.close(fig)
        FigureCanvasAgg(fig)  # render with Agg whatever the notebook backend
        self.image = ipywidgets.Image(format="png", layout={"max_width": "100%"})
        self._background = None
        self.draws = 0

    def add_animated(self, *artists):
        """Mark more artists as changing; the background is rebuilt on next refresh."""
        self.animated.extend(artists)
        self._background = None

    def refresh(self, full=False):
        """Redraw the changing artists over the kept background and show the result.

        Pass ``full=True`` after changing anything else (limits, static lines):
        the background is then drawn again.
        """
        canvas = self.fig.canvas
        if full or self._background is None:
            for artist in self.animated:
                artist.set_visible(False)
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            for artist in self.animated:
                artist.set_visible(True)
        canvas.restore_region(self._background)
        for artist in self.animated:
            artist.axes.draw_artist(artist) if artist.axes else self.fig.draw_artist(artist)
        self.image.value = self.png()
        self.draws += 1

    def png(self):
        """The figure as it is now on the canvas, encoded fast (PNG, low compression)."""
        buffer = self.fig.canvas.buffer_rgba()
        picture = Image.frombuffer("RGBA", buffer.shape[1::-1], buffer, "raw", "RGBA", 0, 1)
        stream = io.BytesIO()
        picture.convert("RGB").save(stream, format="png", compress_level=1)
        return stream.getvalue()


def float_slider(description, low, high, value, step=None, **options):
    """A labelled slider for a real number (the label is never truncated)."""
    step = (high - low) / 100 if step is None else step
    return ipywidgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description,
        style=_STYLE, layout=_LAYOUT, readout_format=".3g", **options
    )


def log_slider(description, low, high, value, steps_per_decade=10, **options):
    """A slider moving in equal ratios, for learning rates and thresholds."""
    import math

    return ipywidgets.FloatLogSlider(
        value=value, base=10, min=math.log10(low), max=math.log10(high),
        step=1 / steps_per_decade, description=description, style=_STYLE,
        layout=_LAYOUT, readout_format=".3g", **options
    )


def int_slider(description, low, high, value, step=1, **options):
    """A labelled slider for a whole number (steps, batch size, seed)."""
    return ipywidgets.IntSlider(
        value=value, min=low, max=high, step=step, description=description,
        style=_STYLE, layout=_LAYOUT, **options
    )


def interactive(update, view, **controls):
    """Lay out controls above a :class:`LiveFigure` and call ``update`` on every change.

    ``update(**values)`` receives the current value of every control by its
    keyword, changes the animated artists, and may return a text shown under
    the figure (a readout of the numbers the learner should watch). It is also
    called once at once, so the figure starts in step with the controls.

    Returns
    -------
    ipywidgets.VBox
        Display it (it is the last expression of its cell, or pass it to
        ``display``). Its ``.update_now()`` runs the update without a change,
        for tests.
    """
    readout = ipywidgets.HTML(layout={"min_height": "1.5em"})
    readout.add_class("gd-readout")

    def redraw(_change=None):
        values = {name: control.value for name, control in controls.items()}
        text = update(**values)
        view.refresh()
        readout.value = "" if text is None else f"<code>{_escape(text)}</code>"

    for control in controls.values():
        control.observe(redraw, names="value")
    box = ipywidgets.VBox([*controls.values(), view.image, readout])
    box.add_class("gd-interactive")
    box.update_now = redraw
    redraw()
    return box


def _escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))

