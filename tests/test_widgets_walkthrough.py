"""What a learner noticed walking through the course, each checked on the explorer's state.

One numbering for a step (the slider's), labels that are not cut short, ticks on whole
cells, titles and legends that describe what is on show, captions generated from the
figure's real panels and sizes, and a flip that explains itself when it changes nothing.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from convlab import laplacian, vertical_edge
from convlab.plotting.slide import plot_slide
from convlab.widgets import FilterPlayground, SlideExplorer, Stepper2D, StrideExplorer

# -- StrideExplorer ------------------------------------------------------------------------


def test_stride_step_text_uses_the_sliders_numbering():
    explorer = StrideExplorer(n=7, k=3, stride=2, padding=1)  # 4×4 output: steps 0 … 15
    explorer.update(step=0)
    text = explorer.artists.step_text.get_text()
    assert text.startswith("step 0 of 0 … 15:"), text
    explorer.update(step=15)
    assert explorer.artists.step_text.get_text().startswith("step 15 of 0 … 15:")
    assert explorer.controls["step"].max == 15


def test_stride_labels_have_room_for_their_text():
    """ipywidgets cuts a description longer than its width with "…": about 0.55 em a
    character at the label's font, so "dilation d" (10 characters) needs over 5.5 em."""
    explorer = StrideExplorer()
    for name in ("n", "k", "stride", "padding", "dilation"):
        control = explorer.controls[name]
        width = float(control.style.description_width.removesuffix("em"))
        assert width >= 0.6 * len(control.description), (control.description, width)


def test_a_1x1_output_gets_a_tick_on_its_one_cell():
    explorer = StrideExplorer(n=1, k=1)
    for ax in explorer.artists.axes:
        assert list(ax.get_xticks()) == [0] and list(ax.get_yticks()) == [0]
    explorer = StrideExplorer(n=16, k=3, padding=4)  # 24 cells a side: at most 8 ticks
    ticks = explorer.artists.axes[0].get_xticks()
    assert len(ticks) <= 8 and np.all(ticks == np.round(ticks))


def test_the_title_never_keeps_a_refused_k():
    explorer = StrideExplorer(n=7, k=3, stride=2, padding=1)
    explorer.update(n=2, k=5)
    assert explorer.error is not None
    title = explorer.artists.formula.get_text()
    assert "k = 5" in title and "cannot be drawn" in title
    assert "(3 − 1)" not in title  # the old k's formula is gone
    explorer.update(n=7, k=3)
    assert explorer.error is None and "(3 − 1)" in explorer.artists.formula.get_text()


def test_transposed_legend_speaks_of_stamps_not_of_unread_cells():
    explorer = StrideExplorer(n=2, k=3, stride=2, transposed=True)
    labels = [t.get_text() for t in explorer.artists.legend.get_texts()]
    assert "never read" not in labels and "stamped so far" in labels
    explorer.update(transposed=False, n=7)
    labels = [t.get_text() for t in explorer.artists.legend.get_texts()]
    assert "never read" in labels and "stamped so far" not in labels


# -- Stepper2D -------------------------------------------------------------------------------


def test_stepper_caption_counts_the_panels_and_gives_the_real_sizes():
    explorer = Stepper2D(np.arange(25).reshape(5, 5), np.ones((3, 3)), stride=2, padding=1)
    art = explorer.artists
    panels = [art.input_ax, art.kernel_ax, art.products_ax, art.output_ax]
    words = {3: "Three", 4: "Four"}
    caption = explorer.description
    assert caption.startswith(f"{words[len(panels)]} panels"), caption
    padded = explorer.record.padded.shape
    assert f"zero-padded to {padded[0]}×{padded[1]}" in caption  # 7×7, not the 5×5 input
    out = explorer.record.output.shape
    assert f"the {out[0]}×{out[1]} output" in caption
    explorer.widget  # noqa: B018 - building the view fills the caption
    assert caption in explorer.caption.value


def test_stepper_caption_follows_flip():
    explorer = Stepper2D(np.arange(16).reshape(4, 4), [[1, 2], [3, 4]])
    assert "flipped" not in explorer.description
    explorer.update(flip=True)
    assert "flipped" in explorer.description and "flipped" in explorer.caption.value


def test_flip_on_a_symmetric_kernel_says_why_nothing_changes():
    symmetric = Stepper2D(np.arange(25).reshape(5, 5), laplacian())
    symmetric.update(flip=True)
    assert "changes nothing" in symmetric.message.value
    lopsided = Stepper2D(np.arange(25).reshape(5, 5), vertical_edge())
    lopsided.update(flip=True)
    assert "changes nothing" not in lopsided.message.value


def test_slide_says_when_flipping_changes_nothing():
    symmetric = SlideExplorer([0, 1, 2, 3, 0], [1, 2, 1])
    assert "the kernel is the same" in symmetric.artists.input_ax.get_title()
    lopsided = SlideExplorer([0, 1, 2, 3, 0], [1, 2, 3])
    assert "the kernel is the same" not in lopsided.artists.input_ax.get_title()


# -- SlideExplorer's two scales -------------------------------------------------------------


def test_slide_kernel_axis_is_named_coloured_and_inside_the_figure():
    art = plot_slide([0, 0, 1, 2, 3, 2, 1, 0], [1, 2, 3])
    fig = art.figure
    fig.canvas.draw()
    assert "right axis" in art.kernel_ax.get_ylabel() and "left axis" in art.input_ax.get_ylabel()
    right, left = art.kernel_ax.spines["right"], art.input_ax.spines["left"]
    assert right.get_edgecolor() != left.get_edgecolor()
    ticks = art.kernel_ax.get_yticks()
    assert np.all(ticks == np.round(ticks)), ticks  # an integer kernel: whole-number ticks
    width = fig.bbox.width
    for label in [*art.kernel_ax.get_yticklabels(), art.kernel_ax.yaxis.label]:
        if label.get_text():
            assert label.get_window_extent().x1 <= width, label.get_text()


# -- FilterPlayground -------------------------------------------------------------------------


def _hint(playground):
    found = [w for w in playground.widget.children[1].children[1].children
             if re.search("Your kernel", getattr(w, "value", "") or "")]
    assert len(found) == 1
    return found[0]


def test_own_kernel_label_shows_only_with_its_grid():
    playground = FilterPlayground(np.eye(8), kernel="box")
    hint = _hint(playground)
    assert hint.layout.display == "none"
    playground.update(kernel="custom3")
    assert hint.layout.display != "none"
    playground.update(kernel="laplacian")
    assert hint.layout.display == "none"


@pytest.mark.parametrize("kernel", ["box", "laplacian"])
def test_preset_hides_every_grid(kernel):
    playground = FilterPlayground(np.eye(8), kernel=kernel)
    assert all(grid.layout.display == "none" for grid in playground.grids.values())
