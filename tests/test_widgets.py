"""Explorers driven headless (Agg): every control moved, the artists' data checked."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from convlab.plotting import DONE, HIGHLIGHT
from convlab.widgets import DiagonalExplorer, Explorer
from convlab.widgets.base import CannotDraw, handles

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws

X = [1, 2, 3, 4, 5]
Y = [6, 7, 8, 9, 10]
SEED_SUMS = [6, 19, 40, 70, 110, 114, 106, 85, 50]  # seed 000, by hand from the table


def highlighted_cells(explorer):
    alpha = explorer.artists.overlay.get_array()[..., 3]
    return {(int(i), int(j)) for i, j in zip(*np.nonzero(alpha))}


def bar_heights(explorer):
    return [bar.get_height() for bar in explorer.artists.bars]


@pytest.mark.parametrize("k", range(9))
def test_slider_highlights_exactly_the_cells_with_i_plus_j_equal_k(k):
    explorer = DiagonalExplorer(X, Y)
    explorer.update(k=k)
    assert highlighted_cells(explorer) == {(i, j) for i in range(5) for j in range(5) if i + j == k}
    # the output grows: bars up to k show the seed's sums, later ones are empty
    assert bar_heights(explorer) == [s if i <= k else 0 for i, s in enumerate(SEED_SUMS)]
    colours = [to_rgba(bar.get_facecolor()) for bar in explorer.artists.bars[: k + 1]]
    assert colours[-1] == to_rgba(HIGHLIGHT)
    assert all(c == to_rgba(DONE) for c in colours[:-1])
    assert explorer.message.value.endswith(f"= {SEED_SUMS[k]}")
    assert explorer.error is None


def test_message_spells_out_the_terms():
    explorer = DiagonalExplorer(X, Y, k=7)
    assert explorer.message.value == "z[7] = x[4]·y[3] + x[3]·y[4] = 45 + 40 = 85"
    assert explorer.artists.equation.get_text() == "z[7] = 45 + 40 = 85"


def test_unequal_lengths_and_floats():
    x, y = [0.5, -1.0], [2.0, 0.0, 4.0]
    explorer = DiagonalExplorer(x, y)
    expected = np.convolve(x, y)
    for k in range(len(expected)):
        explorer.update(k=k)
        assert bar_heights(explorer)[k] == pytest.approx(expected[k])
        assert highlighted_cells(explorer) == {(i, k - i) for i in range(2) if 0 <= k - i < 3}


def test_play_step_buttons_and_speed_drive_the_slider():
    explorer = DiagonalExplorer(X, Y)
    box = explorer._stepper
    box.play.value = 4  # what the browser's Play button does on each tick
    assert explorer.controls["k"].value == 4
    assert highlighted_cells(explorer) == {(4, 0), (3, 1), (2, 2), (1, 3), (0, 4)}
    box.forward.click()
    assert explorer.controls["k"].value == 5
    box.back.click()
    box.back.click()
    assert explorer.controls["k"].value == 3
    explorer.update(k=8)
    box.forward.click()  # stays at the last step
    assert explorer.controls["k"].value == 8
    box.speed.value = 300
    assert box.play.interval == 300
    assert box.play.max == explorer.controls["k"].max == 8


def test_update_refuses_bad_control_values():
    explorer = DiagonalExplorer(X, Y)
    with pytest.raises(ValueError, match="k must be between 0 and 8"):
        explorer.update(k=9)
    with pytest.raises(ValueError, match="unknown control 'sigma'"):
        explorer.update(sigma=1)
    assert explorer.controls["k"].value == 0


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (([], Y), ValueError, "x must not be empty"),
        ((X, "abc"), TypeError, "y must hold real numbers"),
        (([[1, 2]], Y), ValueError, "x must be 1-D"),
        ((X, [1, np.nan]), ValueError, "y must not contain NaN"),
    ],
)
def test_bad_vectors_are_refused_with_named_errors(args, error, match):
    with pytest.raises(error, match=match):
        DiagonalExplorer(*args)


@pytest.mark.parametrize("k", [-1, 9, 2.5, True])
def test_bad_start_diagonal(k):
    with pytest.raises(ValueError, match="k must be an integer between 0 and 8"):
        DiagonalExplorer(X, Y, k=k)


def test_display_bundle_has_live_widget_and_still_picture():
    explorer = DiagonalExplorer(X, Y)
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "0x" not in bundle["text/plain"]  # no memory address for nbval to trip on
    box = explorer.widget
    assert isinstance(box, widgets.VBox)
    assert explorer.description in box.children[0].value


def test_picture_fallback_refreshes_on_change():
    explorer = DiagonalExplorer(X, Y)
    _ = explorer.widget  # Agg canvas is no widget: an Image stands in for it
    before = explorer._image.value
    explorer.update(k=4)
    assert explorer._image.value != before


class _Broken(Explorer):
    description = "test double that fails on purpose"

    def __init__(self, exc):
        super().__init__()
        import matplotlib.pyplot as plt

        with plt.ioff():
            self.figure, self.ax = plt.subplots()
        (self.line,) = self.ax.plot([0, 1], [0, 1])
        self.exc = exc
        self.controls = {"n": widgets.IntSlider(value=1, min=0, max=5)}
        self._connect()

    @handles("n")
    def _draw(self, n):
        if n == 3:
            raise self.exc
        self.line.set_ydata([0, n])

    def _status(self, n):
        return f"n = {n}"


def test_impossible_combination_shows_message_and_keeps_last_figure():
    explorer = _Broken(CannotDraw("size must be odd, got 4"))
    explorer.update(n=2)
    explorer.update(n=3)
    assert "size must be odd, got 4" in explorer.message.value
    assert "Cannot draw" in explorer.message.value
    assert explorer.errors.outputs == ()  # not shown as a bug
    assert list(explorer.line.get_ydata()) == [0, 2]  # last good frame left in place
    explorer.update(n=4)
    assert explorer.message.value == "n = 4" and explorer.error is None


@pytest.mark.parametrize("exc", [RuntimeError("bug in a callback"),
                                 ValueError("bug in a callback"), TypeError("bug in a callback")])
def test_unexpected_errors_are_shown_not_swallowed(exc):
    # Only CannotDraw is the learner's doing: a plain ValueError inside a handler is a bug too.
    explorer = _Broken(exc)
    explorer.controls["n"].value = 3  # as the browser would set it
    assert f"{type(exc).__name__}: bug in a callback" in explorer.error
    shown = "".join(out["text"] for out in explorer.errors.outputs)
    assert "bug in a callback" in shown
    assert "Cannot draw" not in explorer.message.value
    explorer.controls["n"].value = 1
    assert explorer.errors.outputs == ()


class _Counting(Explorer):
    """Two handlers: one per parameter, one blittable for the step; counts its calls."""

    description = "test double that counts handler calls"

    def __init__(self):
        super().__init__()
        import matplotlib.pyplot as plt

        with plt.ioff():
            self.figure, self.ax = plt.subplots()
        (self.line,) = self.ax.plot([0, 1], [0, 1])
        (self.dot,) = self.ax.plot([0], [0], "o")
        self.calls = []
        self.controls = {"size": widgets.IntSlider(value=5, min=1, max=9),
                         "step": widgets.IntSlider(value=0, min=0, max=4)}
        self.animated = [self.dot]
        self._connect()

    @handles("size")
    def _resize(self, size):
        self.calls.append(("resize", size))
        self.adjust("step", max=size - 1, value=min(self.controls["step"].value, size - 1))

    @handles("step", blit=True)
    def _move(self, step):
        self.calls.append(("move", step))
        self.dot.set_data([step / 10], [0])

    def _status(self, size, step):
        return f"{size}, {step}"


def test_only_the_handlers_whose_inputs_changed_run(monkeypatch):
    explorer = _Counting()
    assert explorer.calls == [("resize", 5), ("move", 0)]  # the first frame runs them all
    assert type(explorer).step_controls == frozenset({"step"})
    calls = record_redraws(explorer, monkeypatch)
    explorer.calls.clear()
    explorer.update(step=3)
    assert explorer.calls == [("move", 3)] and calls == ["blit"]
    explorer.update(size=9)  # the step stays where it is: only the size handler's work
    assert explorer.calls == [("move", 3), ("resize", 9), ("move", 3)] and calls[-1] == "draw"
    explorer.calls.clear()
    explorer.update(size=2)  # a handler moves another control: no second redraw, step follows
    assert explorer.controls["step"].max == 1 and explorer.controls["step"].value == 1
    assert explorer.calls == [("resize", 2), ("move", 1)]
    assert calls[-1] == "draw" and calls.count("draw") == 2
    assert explorer.message.value == "2, 1"


@pytest.mark.parametrize("k", [1, 4, 8])
def test_a_blitted_step_looks_exactly_like_a_full_redraw(k):
    # walk there one step at a time, blitting each
    stepped = blit_steps(DiagonalExplorer(X, Y), [{"k": j} for j in range(1, k + 1)])
    assert_looks_like_a_full_redraw(stepped, DiagonalExplorer(X, Y, k=k))


def test_steps_blit_and_other_changes_redraw(monkeypatch):
    explorer = DiagonalExplorer(X, Y)
    calls = record_redraws(explorer, monkeypatch)
    explorer.update(k=3)
    assert calls == ["blit"]
    explorer.update(k=4)
    assert calls == ["blit", "blit"]
    explorer.figure.canvas.draw()
    explorer._background = None  # no background to blit onto yet: a full redraw
    explorer.update(k=5)
    assert calls == ["blit", "blit", "draw"]
