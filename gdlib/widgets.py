"""Controls bound to a figure that redraws in place, fast enough to follow the hand.

A :class:`LiveFigure` shows a matplotlib figure as an ``ipywidgets.Image``.
The parts that never change (contours, the cost curve, axes) are drawn once and
kept as a background; on each update only the changing artists (a path, a
line, a title) are drawn over a copy of it, and the small PNG is sent to the
page. That avoids re-rendering contours per slider tick, and the flicker and
stray output of showing a whole new figure in an ``Output`` widget.

Typical use in a notebook::

    fig, ax = plt.subplots()
    ...draw the static parts...
    (path,) = ax.plot([], [], "o-")
    view = gd.widgets.LiveFigure(fig, animated=[path])

    def update(learning_rate, steps):
        result = ...                      # the pure computation, testable alone
        path.set_data(...)
        return f"α = {learning_rate:.3g}, steps = {steps} → J = {result.loss:.4f}"

    gd.widgets.interactive(update, view,
        learning_rate=gd.widgets.log_slider("α", 1e-3, 1.0, 0.1),
        steps=gd.widgets.int_slider("steps", 1, 50, 10))

The readout returned by ``update`` should name every control's value: the
learner reads it, and the browser test checks that it follows each control.
"""

import contextlib
import html
import inspect
import io
import math
import numbers
import warnings

import ipywidgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

_STYLE = {"description_width": "initial"}  # long labels are never truncated
_LAYOUT = {"width": "420px"}
# d3-format with no type: three significant digits, trailing zeros dropped
# (0.5, not 0.500).
_READOUT_FORMAT = ".3"


class LiveFigure:
    """A matplotlib figure shown as an image widget, redrawn in place.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Everything but ``animated`` is drawn once. The figure is closed for
        pyplot, so the notebook does not also show it as a static image.
    animated : sequence of matplotlib Artists, default=()
        The artists that change between updates (lines, a title, text); only
        these are redrawn. They must belong to ``fig``.
    fit : bool, default=True
        Make room for labels and titles (a tight layout) on the first draw,
        once the animated artists hold their first content, as the inline
        backend's cropping does for static figures. Ignored when the figure
        has its own layout engine (``layout="constrained"``, say).

    Raises
    ------
    TypeError
        If ``fig`` is not a Figure or an entry of ``animated`` is not an Artist.
    ValueError
        If an animated artist belongs to another figure.

    Notes
    -----
    Changing anything that is not animated (axis limits, a static line) needs
    ``refresh(full=True)``, which redraws the background.
    """

    def __init__(self, fig, animated=(), *, fit=True):
        if not isinstance(fig, Figure):
            raise TypeError(
                f"fig must be a matplotlib Figure, got {type(fig).__name__}.")
        self.fig = fig
        self.animated = []
        self._fit = bool(fit) and fig.get_layout_engine() is None
        self.add_animated(*animated)
        plt.close(fig)
        FigureCanvasAgg(fig)  # render with Agg whatever the notebook backend
        # At its own size, like the static figures around it: a column box
        # would otherwise stretch it to the full width, blurred.
        self.image = ipywidgets.Image(
            format="png", layout={"max_width": "100%", "align_self": "flex-start"})
        self._background = None
        self.draws = 0

    def add_animated(self, *artists):
        """Mark more artists as changing; the background is rebuilt on next refresh."""
        for artist in artists:
            if not isinstance(artist, Artist):
                raise TypeError(
                    "animated must hold matplotlib Artists, got "
                    f"{type(artist).__name__}.")
            if _root_figure(artist) not in (None, self.fig):
                raise ValueError(
                    f"animated artists must belong to fig, got {artist!r} "
                    "from another figure.")
        for artist in artists:
            # Left out of full draws (so out of the background) but not out of
            # layout: hiding them instead would misplace an axes title.
            artist.set_animated(True)
        self.animated.extend(artists)
        self._background = None

    def refresh(self, full=False):
        """Redraw the changing artists over the kept background and show the result.

        Parameters
        ----------
        full : bool, default=False
            Redraw the background too: needed after changing anything that is
            not animated (limits, static lines, colours).
        """
        canvas = self.fig.canvas
        if full or self._background is None:
            self._draw_background()
        canvas.restore_region(self._background)
        for artist in self.animated:
            if artist.axes is not None:
                artist.axes.draw_artist(artist)
            else:
                self.fig.draw_artist(artist)
        self.image.value = self.png()
        self.draws += 1

    def _draw_background(self):
        if self._fit:
            # Once, with the animated artists showing their first content, so
            # that a title set by the update is given room too.
            self.fig.tight_layout()
            self._fit = False
        self.fig.canvas.draw()  # leaves out the artists marked animated
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)

    def png(self):
        """The figure as it is now on the canvas, as PNG bytes, lightly compressed."""
        rgb = np.ascontiguousarray(np.asarray(self.fig.canvas.buffer_rgba())[..., :3])
        stream = io.BytesIO()
        Image.fromarray(rgb).save(stream, format="png", compress_level=1)
        return stream.getvalue()


def _root_figure(artist):
    try:
        return artist.get_figure(root=True)
    except TypeError:  # matplotlib < 3.10 has no subfigure-aware getter
        return artist.figure


# -- controls -----------------------------------------------------------------


def _number(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}.")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}.")
    return value


def _bounds(low, high, value):
    _number("low", low), _number("high", high), _number("value", value)
    if not low < high:
        raise ValueError(f"high must be greater than low ({low!r}), got {high!r}.")
    if not low <= value <= high:
        raise ValueError(
            f"value must lie between low ({low!r}) and high ({high!r}), got {value!r}.")


def _description(description):
    if not isinstance(description, str):
        raise TypeError(f"description must be a str, got {description!r}.")
    return description


def float_slider(description, low, high, value, step=None, **options):
    """A labelled slider for a real number.

    Parameters
    ----------
    description : str
        The label, a math symbol or a short word ("α", "decay").
    low, high : float, low < high
        The ends of the slider.
    value : float, low <= value <= high
        The starting value.
    step : float > 0, optional
        The change per arrow key; default (high - low) / 100.
    **options
        Passed on to ``ipywidgets.FloatSlider`` (``continuous_update``, ...).

    Returns
    -------
    ipywidgets.FloatSlider

    Raises
    ------
    TypeError, ValueError
        If the bounds, value or step are not numbers that fit together.
    """
    _bounds(low, high, value)
    step = (high - low) / 100 if step is None else _number("step", step)
    if step <= 0:
        raise ValueError(f"step must be a positive number, got {step!r}.")
    return ipywidgets.FloatSlider(
        value=value, min=low, max=high, step=step,
        description=_description(description), style=_STYLE, layout=_LAYOUT,
        readout_format=_READOUT_FORMAT, **options)


def log_slider(description, low, high, value, steps_per_decade=10, **options):
    """A slider moving in equal ratios, for learning rates and thresholds.

    Parameters
    ----------
    description : str
    low, high : float, 0 < low < high
    value : float, low <= value <= high
    steps_per_decade : int >= 1, default=10
        Arrow-key steps from one power of ten to the next.
    **options
        Passed on to ``ipywidgets.FloatLogSlider``.

    Returns
    -------
    ipywidgets.FloatLogSlider

    Raises
    ------
    TypeError, ValueError
        If the bounds are not positive, do not fit together, or
        ``steps_per_decade`` is not a positive integer.
    """
    _bounds(low, high, value)
    if low <= 0:
        raise ValueError(f"low must be a positive number on a log scale, got {low!r}.")
    if (isinstance(steps_per_decade, bool)
            or not isinstance(steps_per_decade, numbers.Integral)
            or steps_per_decade < 1):
        raise ValueError(
            f"steps_per_decade must be a positive integer, got {steps_per_decade!r}.")
    return ipywidgets.FloatLogSlider(
        value=value, base=10, min=math.log10(low), max=math.log10(high),
        step=1 / steps_per_decade, description=_description(description),
        style=_STYLE, layout=_LAYOUT, readout_format=_READOUT_FORMAT, **options)


def int_slider(description, low, high, value, step=1, **options):
    """A labelled slider for a whole number (steps, batch size, seed).

    Parameters
    ----------
    description : str
    low, high : int, low < high
    value : int, low <= value <= high
    step : int >= 1, default=1
    **options
        Passed on to ``ipywidgets.IntSlider``.

    Returns
    -------
    ipywidgets.IntSlider

    Raises
    ------
    TypeError, ValueError
        If the bounds, value or step are not integers that fit together.
    """
    given = {"low": low, "high": high, "value": value, "step": step}
    for name, number in given.items():
        if isinstance(number, bool) or not isinstance(number, numbers.Integral):
            raise TypeError(f"{name} must be an integer, got {number!r}.")
    _bounds(low, high, value)
    if step < 1:
        raise ValueError(f"step must be a positive integer, got {step!r}.")
    return ipywidgets.IntSlider(
        value=value, min=low, max=high, step=step,
        description=_description(description), style=_STYLE, layout=_LAYOUT,
        **options)


def _choice(options, value):
    options = list(options)
    if len(options) < 2:
        raise ValueError(f"options must hold at least two choices, got {options!r}.")
    if value not in options:
        raise ValueError(f"value must be one of options {options!r}, got {value!r}.")
    return options


def toggle(description, options, value, **options_):
    """A row of buttons, one per choice (a method, a data set, a starting point).

    Easy to work from the keyboard everywhere: Tab to a button, Space to pick it.

    Parameters
    ----------
    description : str
    options : sequence of str, at least two
    value : str, one of ``options``
    **options_
        Passed on to ``ipywidgets.ToggleButtons``.

    Returns
    -------
    ipywidgets.ToggleButtons

    Raises
    ------
    ValueError
        If there are fewer than two options or ``value`` is not one of them.
    """
    return ipywidgets.ToggleButtons(
        options=_choice(options, value), value=value,
        description=_description(description), style=_STYLE, **options_)


def dropdown(description, options, value, **options_):
    """A drop-down list, for more choices than fit in a row of buttons.

    Parameters
    ----------
    description : str
    options : sequence of str, at least two
    value : str, one of ``options``
    **options_
        Passed on to ``ipywidgets.Dropdown``.

    Returns
    -------
    ipywidgets.Dropdown

    Raises
    ------
    ValueError
        If there are fewer than two options or ``value`` is not one of them.

    Notes
    -----
    In JupyterLab the arrow keys move between cells even when the list has the
    focus; Page Up/Down, Home/End and typing a choice's first letter work.
    Prefer :func:`toggle` for two to four choices.
    """
    return ipywidgets.Dropdown(
        options=_choice(options, value), value=value,
        description=_description(description), style=_STYLE, layout=_LAYOUT,
        **options_)


# -- binding controls to a figure ---------------------------------------------


def _check_binding(update, view, controls):
    if not callable(update):
        raise TypeError(f"update must be a function, got {type(update).__name__}.")
    if not isinstance(view, LiveFigure):
        raise TypeError(f"view must be a LiveFigure, got {type(view).__name__}.")
    if not controls:
        raise ValueError("controls must name at least one control, got none.")
    for name, control in controls.items():
        if not isinstance(control, ipywidgets.ValueWidget):
            raise TypeError(
                f"control {name} must be an ipywidgets control with a value, "
                f"got {type(control).__name__}.")
    try:
        inspect.signature(update).bind(**controls)
    except TypeError as error:
        raise TypeError(
            f"update must accept the controls as keywords ({', '.join(controls)}), "
            f"got {error}.") from None


def _readout_html(text, notes):
    parts = [] if text is None else [f"<code>{_escape(text)}</code>"]
    parts += [f'<code class="gd-note">{_escape(note)}</code>' for note in notes]
    return "<br>".join(parts)


def _escape(text):
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def interactive(update, view, **controls):
    """Lay out controls above a :class:`LiveFigure` and call ``update`` on every change.

    Parameters
    ----------
    update : callable
        ``update(**values)`` receives the current value of every control by its
        keyword, changes the animated artists, and returns the text shown under
        the figure (or None): a readout naming every control's value and the
        numbers the learner should watch. It is called once at once, so the
        figure starts in step with the controls.
    view : LiveFigure
        The figure that ``update`` changes.
    **controls : ipywidgets controls
        By the keyword ``update`` takes them under (see :func:`float_slider`,
        :func:`log_slider`, :func:`int_slider`, :func:`toggle`, :func:`dropdown`).

    Returns
    -------
    ipywidgets.VBox
        The controls, the figure and the readout (its last child, an HTML
        widget with class ``gd-readout``). Make it the last expression of its
        cell. Its ``update_now()`` runs the update without a change, raising
        any error, for tests.

    Raises
    ------
    TypeError, ValueError
        If ``update`` is not callable, ``view`` is not a LiveFigure, a control
        has no value, or ``update`` cannot take the controls' keywords.

    Notes
    -----
    While a learner moves a control, whatever ``update`` prints and any warning
    it gives (a DivergenceWarning for too large a step, say) is shown under the
    readout, and an error is shown there in place of the readout; otherwise
    JupyterLab would send them to its log console, out of sight.
    """
    _check_binding(update, view, controls)
    readout = ipywidgets.HTML(layout={"min_height": "1.5em"})
    readout.add_class("gd-readout")

    def redraw():
        values = {name: control.value for name, control in controls.items()}
        printed = io.StringIO()
        with warnings.catch_warnings(record=True) as caught, \
                contextlib.redirect_stdout(printed):
            warnings.simplefilter("always")
            text = update(**values)
        view.refresh()
        notes = printed.getvalue().splitlines()
        notes += [f"{w.category.__name__}: {w.message}" for w in caught]
        readout.value = _readout_html(text, notes)

    def on_change(_change):
        try:
            redraw()
        # Any error at all: shown to the learner instead of lost in the log console.
        except Exception as error:  # noqa: BLE001
            readout.value = _readout_html(None, [f"{type(error).__name__}: {error}"])

    for control in controls.values():
        control.observe(on_change, names="value")
    box = ipywidgets.VBox([*controls.values(), view.image, readout])
    box.add_class("gd-interactive")
    box.update_now = redraw
    redraw()
    return box
