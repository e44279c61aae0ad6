"""One contract, every explorer of the course (``convlab.widgets.EXPLORERS``):

* it displays as a widget, with a still picture and a plain caption for places without widgets;
* a change that only blits leaves exactly the pixels a full redraw of the same state gives;
* a value outside a control is refused with a ValueError naming the control, nothing changed;
* an impossible combination shows a "Cannot draw" message (not a traceback), and the next
  good values draw exactly what a fresh explorer with those values draws.
"""

from __future__ import annotations

import numpy as np
import pytest

from convlab.data import random_image
from convlab.widgets import (
    EXPLORERS,
    ChannelExplorer,
    DiagonalExplorer,
    FilterPlayground,
    FrequencyExplorer,
    LayerStack,
    SlideExplorer,
    SmoothingExplorer,
    Stepper2D,
    StrideExplorer,
    TrainingExplorer,
)

from .support import assert_looks_like_a_full_redraw, blit_steps, pixels

#: explorer -> (make one, an impossible combination, good values after it); None where the
#: controls offer no impossible combination.
IMPOSSIBLE = {
    DiagonalExplorer: None,
    SlideExplorer: None,
    Stepper2D: None,
    SmoothingExplorer: (SmoothingExplorer.demo, {"size": 4}, {"size": 5, "step": 3}),
    FilterPlayground: (
        FilterPlayground.demo, {"kernel": "custom3", "custom3_11": "four"},
        {"kernel": "custom3", "custom3_11": "4"},
    ),
    StrideExplorer: (StrideExplorer.demo, {"n": 2, "k": 5}, {"n": 3, "k": 3, "step": 2}),
    LayerStack: (
        lambda: LayerStack(random_image((11, 11)), layers=2),
        {"kernel": "Gaussian 5×5", "layers": 3}, {"kernel": "Gaussian 5×5", "layers": 2},
    ),
    ChannelExplorer: None,  # a menu of filters and a pixel slider: every value draws
    TrainingExplorer: None,  # snapshots and images recorded once: every value draws
    FrequencyExplorer: (
        FrequencyExplorer.demo, {"kernel": "own", "taps": "1 two 1"},
        {"kernel": "own", "taps": "1 -2 1"},
    ),
}


def test_the_table_covers_every_explorer():
    assert set(IMPOSSIBLE) == set(EXPLORERS)


@pytest.fixture(params=EXPLORERS, ids=lambda cls: cls.__name__)
def cls(request):
    return request.param


def test_display_bundle(cls):
    explorer = cls.demo()
    bundle = explorer._repr_mimebundle_()
    data = bundle if "text/plain" in bundle else bundle[0]
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["image/png"].startswith(b"\x89PNG")
    assert data["text/plain"] == f"{cls.__name__}: {explorer.description}"
    assert "0x" not in data["text/plain"]


def test_blitted_changes_look_exactly_like_a_full_redraw(cls):
    if not cls.step_controls:
        pytest.skip(f"{cls.__name__} has no blitted control")
    for control in sorted(cls.step_controls & set(cls.bench_moves)):
        moves = [{control: value} for value in cls.bench_moves[control][:4]]
        shown = blit_steps(cls.demo(), moves)
        fresh = cls.demo()
        fresh.update(**moves[-1])
        assert_looks_like_a_full_redraw(shown, fresh)


def test_a_value_outside_a_control_is_refused_by_name(cls):
    explorer = cls.demo()
    name, control = next((n, c) for n, c in explorer.controls.items() if hasattr(c, "max"))
    before = explorer.values
    with pytest.raises(ValueError, match=f"^{name} must be between"):
        explorer.update(**{name: control.max + 1})
    assert explorer.values == before and explorer.error is None


def test_an_impossible_combination_shows_a_message_then_recovers(cls):
    if IMPOSSIBLE[cls] is None:
        pytest.skip(f"{cls.__name__}'s controls offer no impossible combination")
    make, bad, good = IMPOSSIBLE[cls]
    explorer = make()
    explorer.figure.canvas.draw()
    last_good = pixels(explorer)
    explorer.update(**bad)
    assert explorer.error and "Cannot draw this" in explorer.message.value
    assert explorer.errors.outputs == ()  # a message for the learner, not a bug report
    # the last good figure stays, except a title that says these settings are refused
    # (explorer.refusal_marks), so it never shows settings the controls no longer have
    now, kept = pixels(explorer), last_good.copy()
    for mark in getattr(explorer, "refusal_marks", ()):
        box = mark.get_window_extent()
        rows = slice(max(int(now.shape[0] - box.y1) - 2, 0), int(now.shape[0] - box.y0) + 2)
        now[rows], kept[rows] = 0, 0
    assert np.array_equal(now, kept)
    explorer.update(**good)
    assert explorer.error is None and "Cannot draw" not in explorer.message.value
    fresh = make()
    fresh.update(**good)
    assert fresh.message.value == explorer.message.value
    explorer.figure.canvas.draw()
    assert_looks_like_a_full_redraw(explorer, fresh)
