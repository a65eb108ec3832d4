"""gdlib.widgets without a browser: the redraw, the controls and the binding.

What a person sees in the page is checked in test_browser.py; here each piece
is checked against a plain restatement: a blitted frame against a full draw
of the same figure, a slider against the bounds it was given, a readout
against the values the update received.
"""

import io
import re
import warnings

import ipywidgets
import matplotlib
import numpy as np
import pytest
from PIL import Image

import gdlib as gd

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def readout_text(box):
    return re.sub("<[^>]+>", "\n", box.children[-1].value).strip()


@pytest.fixture
def parabola():
    """A figure with a static curve and one animated point, and its view."""
    fig, ax = plt.subplots(figsize=(4, 3), dpi=50)
    xs = np.linspace(-2, 2, 50)
    ax.plot(xs, xs**2, color="black")
    (point,) = ax.plot([1.0], [1.0], "o", color="red")
    ax.set(xlabel="θ", ylabel="J(θ)")
    return fig, point, gd.widgets.LiveFigure(fig, animated=[point])


# -- LiveFigure ---------------------------------------------------------------


def test_blitted_frame_matches_a_full_draw_of_the_same_figure(parabola):
    fig, point, view = parabola
    view.refresh()

    point.set_data([-1.5], [2.25])
    view.refresh()
    blitted = pixels(view.image.value)

    saved = io.BytesIO()  # everything, animated point included, from scratch
    fig.savefig(saved, format="png", dpi=fig.dpi)
    full = pixels(saved.getvalue())
    np.testing.assert_array_equal(blitted, full)


def test_image_has_the_figure_size_in_pixels(parabola):
    _fig, _point, view = parabola
    view.refresh()

    height, width, _ = pixels(view.image.value).shape
    assert (width, height) == (200, 150)  # 4 × 3 inches at 50 dpi


def test_the_point_moves_in_the_image(parabola):
    _fig, point, view = parabola
    view.refresh()
    before = pixels(view.image.value)

    point.set_data([-1.5], [2.25])
    view.refresh()

    assert np.any(pixels(view.image.value) != before)
    assert view.draws == 2


def test_static_parts_are_drawn_once_until_a_full_refresh(parabola, monkeypatch):
    fig, point, view = parabola
    calls = []
    original = fig.canvas.draw
    monkeypatch.setattr(fig.canvas, "draw", lambda: calls.append(1) or original())

    for x in (0.0, 0.5, 1.0):
        point.set_data([x], [x**2])
        view.refresh()
    assert len(calls) == 1

    view.refresh(full=True)
    assert len(calls) == 2


def test_an_animated_artist_hidden_by_the_update_stays_hidden(parabola):
    _fig, point, view = parabola
    view.refresh()
    with_point = pixels(view.image.value)
    assert np.any(np.all(with_point == [255, 0, 0], axis=-1))

    point.set_visible(False)
    view.refresh(full=True)
    view.refresh()

    assert not point.get_visible()
    assert np.any(pixels(view.image.value) != with_point)
    assert not np.any(np.all(pixels(view.image.value) == [255, 0, 0], axis=-1))


def test_figure_is_closed_for_pyplot(parabola):
    fig, _point, _view = parabola
    assert fig.number not in plt.get_fignums()


def test_fit_makes_room_for_the_labels_on_the_first_draw(parabola):
    fig, _point, view = parabola
    ax = fig.axes[0]
    before = ax.get_position().y0

    view.refresh()

    assert ax.get_position().y0 > before  # moved up to leave room for "θ"
    renderer = fig.canvas.get_renderer()
    label = ax.xaxis.label.get_window_extent(renderer)
    assert label.y0 >= 0  # inside the image


def test_fit_leaves_a_figure_with_its_own_layout_engine_alone():
    fig, ax = plt.subplots(layout="constrained")
    (line,) = ax.plot([0, 1], [0, 1])
    view = gd.widgets.LiveFigure(fig, animated=[line])
    assert fig.get_layout_engine().__class__.__name__ == "ConstrainedLayoutEngine"
    view.refresh()
    assert fig.get_layout_engine().__class__.__name__ == "ConstrainedLayoutEngine"


def test_fit_false_keeps_the_subplot_parameters():
    fig, ax = plt.subplots()
    before = ax.get_position().bounds
    (line,) = ax.plot([0, 1], [0, 1])
    gd.widgets.LiveFigure(fig, animated=[line], fit=False).refresh()
    assert ax.get_position().bounds == pytest.approx(before)


def test_animated_title_is_given_room_when_set_before_the_first_draw():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=50)
    ax.plot([0, 1], [0, 1])
    view = gd.widgets.LiveFigure(fig, animated=[ax.title])
    ax.set_title("α = 0.1")
    view.refresh()
    box = ax.title.get_window_extent(fig.canvas.get_renderer())
    assert box.y1 <= fig.bbox.height


def test_figure_level_text_can_be_animated():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.plot([0, 1], [0, 1])
    note = fig.text(0.02, 0.02, "step 0", color="red")
    view = gd.widgets.LiveFigure(fig, animated=[note])
    view.refresh()
    before = pixels(view.image.value)

    note.set_text("step 12345")
    view.refresh()

    changed = np.any(pixels(view.image.value) != before, axis=-1)
    rows, columns = np.nonzero(changed)
    assert rows.size and rows.min() > 60  # only near the bottom edge, where it is
    assert columns.max() < 100


def test_add_animated_rebuilds_the_background(parabola):
    fig, _point, view = parabola
    view.refresh()
    (extra,) = fig.axes[0].plot([0], [0], "s")
    view.add_animated(extra)
    assert view._background is None
    view.refresh()
    assert view.animated[-1] is extra


@pytest.mark.parametrize(
    ("fig", "animated", "error", "message"),
    [
        ("not a figure", (), TypeError, "fig must be a matplotlib Figure, got str"),
        (None, (), TypeError, "fig must be a matplotlib Figure, got NoneType"),
        ("figure", ("a line",), TypeError,
         "animated must hold matplotlib Artists, got str"),
    ],
)
def test_live_figure_rejects_bad_arguments(fig, animated, error, message):
    if fig == "figure":
        fig = plt.figure()
    with pytest.raises(error, match=message):
        gd.widgets.LiveFigure(fig, animated)


def test_live_figure_rejects_an_artist_of_another_figure():
    fig, _ax = plt.subplots()
    _other, other_ax = plt.subplots()
    (line,) = other_ax.plot([0, 1])
    with pytest.raises(ValueError, match="animated artists must belong to fig"):
        gd.widgets.LiveFigure(fig, [line])
    plt.close("all")


# -- controls -------------------------------------------------------------------


def test_float_slider_holds_its_bounds_value_and_a_hundredth_step():
    slider = gd.widgets.float_slider("decay", 0, 0.05, 0.01)
    assert isinstance(slider, ipywidgets.FloatSlider)
    assert (slider.min, slider.max, slider.value) == (0, 0.05, 0.01)
    assert slider.step == pytest.approx(0.0005)
    assert slider.description == "decay"
    assert slider.style.description_width == "initial"


def test_log_slider_moves_in_tenths_of_a_decade():
    slider = gd.widgets.log_slider("α", 1e-3, 1.0, 0.1)
    assert isinstance(slider, ipywidgets.FloatLogSlider)
    assert (slider.base, slider.min, slider.max) == (10, pytest.approx(-3), 0)
    assert slider.step == pytest.approx(0.1)
    assert slider.value == pytest.approx(0.1)


def test_int_slider_holds_integers():
    slider = gd.widgets.int_slider("batch size", 1, 60, 10, step=3)
    assert isinstance(slider, ipywidgets.IntSlider)
    assert (slider.min, slider.max, slider.value, slider.step) == (1, 60, 10, 3)


def test_choices():
    row = gd.widgets.toggle("method", ["batch", "stochastic"], "stochastic")
    menu = gd.widgets.dropdown("data", ["line", "iris", "rooms"], "iris")
    assert isinstance(row, ipywidgets.ToggleButtons) and row.value == "stochastic"
    assert isinstance(menu, ipywidgets.Dropdown) and menu.value == "iris"
    assert list(menu.options) == ["line", "iris", "rooms"]


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: gd.widgets.float_slider("α", 1.0, 0.0, 0.5), ValueError,
         r"high must be greater than low \(1.0\), got 0.0"),
        (lambda: gd.widgets.float_slider("α", 0.0, 1.0, 2.0), ValueError,
         r"value must lie between low \(0.0\) and high \(1.0\), got 2.0"),
        (lambda: gd.widgets.float_slider("α", 0.0, 1.0, 0.5, step=0), ValueError,
         "step must be a positive number, got 0"),
        (lambda: gd.widgets.float_slider("α", "0", 1.0, 0.5), TypeError,
         "low must be a number, got '0'"),
        (lambda: gd.widgets.float_slider("α", 0.0, float("inf"), 0.5), ValueError,
         "high must be a finite number, got inf"),
        (lambda: gd.widgets.float_slider(3, 0.0, 1.0, 0.5), TypeError,
         "description must be a str, got 3"),
        (lambda: gd.widgets.log_slider("α", 0.0, 1.0, 0.5), ValueError,
         "low must be a positive number on a log scale, got 0.0"),
        (lambda: gd.widgets.log_slider("α", 1e-3, 1.0, 0.5, steps_per_decade=0),
         ValueError, "steps_per_decade must be a positive integer, got 0"),
        (lambda: gd.widgets.int_slider("steps", 1, 50, 2.5), TypeError,
         "value must be an integer, got 2.5"),
        (lambda: gd.widgets.int_slider("steps", 1, 50, 5, step=0), ValueError,
         "step must be a positive integer, got 0"),
        (lambda: gd.widgets.toggle("method", ["batch"], "batch"), ValueError,
         r"options must hold at least two choices, got \['batch'\]"),
        (lambda: gd.widgets.dropdown("data", ["a", "b"], "c"), ValueError,
         r"value must be one of options \['a', 'b'\], got 'c'"),
    ],
)
def test_controls_reject_bad_arguments(make, error, message):
    with pytest.raises(error, match=message):
        make()


# -- interactive ------------------------------------------------------------------


@pytest.fixture
def explorer(parabola):
    """An interactive box moving the point to θ, with a record of each call."""
    _fig, point, view = parabola
    calls = []

    def update(theta, label):
        calls.append((theta, label))
        point.set_data([theta], [theta**2])
        return f"θ = {theta:.2f}, label = {label} → J = {theta**2:.3f}"

    box = gd.widgets.interactive(
        update, view,
        theta=gd.widgets.float_slider("θ", -2.0, 2.0, 1.0, step=0.25),
        label=gd.widgets.toggle("label", ["a", "b"], "a"),
    )
    return box, calls, view


def test_update_runs_once_at_once_with_the_starting_values(explorer):
    box, calls, view = explorer
    assert calls == [(1.0, "a")]
    assert view.draws == 1 and view.image.value
    assert readout_text(box) == "θ = 1.00, label = a → J = 1.000"


def test_each_change_calls_update_and_redraws(explorer):
    box, calls, view = explorer
    slider, row = box.children[0], box.children[1]
    first = view.image.value

    slider.value = -0.5
    assert calls[-1] == (-0.5, "a")
    assert readout_text(box) == "θ = -0.50, label = a → J = 0.250"
    assert view.image.value != first

    row.value = "b"
    assert calls[-1] == (-0.5, "b") and view.draws == 3


def test_box_layout_controls_then_figure_then_readout(explorer):
    box, _calls, view = explorer
    assert "gd-interactive" in box._dom_classes
    assert box.children[2] is view.image
    assert "gd-readout" in box.children[-1]._dom_classes


def test_readout_is_escaped():
    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1])
    box = gd.widgets.interactive(
        lambda n: f"<b>{n}</b> & more", gd.widgets.LiveFigure(fig, [line]),
        n=gd.widgets.int_slider("n", 0, 3, 1))
    assert "&lt;b&gt;1&lt;/b&gt; &amp; more" in box.children[-1].value


def test_warning_and_print_in_update_go_under_the_readout_not_elsewhere(parabola):
    _fig, _point, view = parabola

    def update(learning_rate):
        print("checked the step")
        if learning_rate > 1:
            warnings.warn("diverged at iteration 3", gd.DivergenceWarning, stacklevel=1)
        return f"α = {learning_rate:.3g}"

    slider = gd.widgets.log_slider("α", 0.01, 10.0, 0.1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning escaping would raise here
        box = gd.widgets.interactive(update, view, learning_rate=slider)
        slider.value = 5.0

    lines = readout_text(box).splitlines()
    assert lines[0] == "α = 5"
    assert "checked the step" in lines
    assert "DivergenceWarning: diverged at iteration 3" in lines


def test_error_in_update_during_a_change_is_shown_in_the_readout(parabola):
    _fig, _point, view = parabola

    def update(theta):
        if theta < 0:
            raise ValueError("theta must be positive")
        return f"θ = {theta}"

    slider = gd.widgets.float_slider("θ", -1.0, 1.0, 0.5)
    box = gd.widgets.interactive(update, view, theta=slider)
    draws = view.draws

    slider.value = -0.5  # must not raise: the learner sees the message instead

    assert readout_text(box) == "ValueError: theta must be positive"
    assert view.draws == draws  # the figure keeps its last good state
    with pytest.raises(ValueError, match="theta must be positive"):
        box.update_now()


def test_update_now_runs_the_update_without_a_change(explorer):
    box, calls, _view = explorer
    box.update_now()
    assert calls == [(1.0, "a"), (1.0, "a")]


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (("not callable", "view"), TypeError, "update must be a function, got str"),
        ((lambda theta: "", "not a view"), TypeError,
         "view must be a LiveFigure, got str"),
        ((lambda theta: "", "view", {"theta": 0.5}), TypeError,
         "control theta must be an ipywidgets control with a value, got float"),
        ((lambda theta: "", "view", {}), ValueError,
         "controls must name at least one control, got none"),
        ((lambda theta: "", "view", {"alpha": "slider"}), TypeError,
         r"update must accept the controls as keywords \(alpha\)"),
    ],
)
def test_interactive_rejects_bad_bindings(parabola, arguments, error, message):
    _fig, _point, view = parabola
    update, given_view, *rest = arguments
    given_view = view if given_view == "view" else given_view
    controls = rest[0] if rest else {"theta": "slider"}
    controls = {name: gd.widgets.float_slider("θ", 0.0, 1.0, 0.5)
                if control == "slider" else control
                for name, control in controls.items()}
    with pytest.raises(error, match=message):
        gd.widgets.interactive(update, given_view, **controls)
