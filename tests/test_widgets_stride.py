"""StrideExplorer driven headless (Agg): every control moved, the artists' data checked."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_rgba

from convlab import conv2d, conv_transpose2d
from convlab.geometry import window_geometry
from convlab.plotting import DONE, HIGHLIGHT
from convlab.widgets.stride import StrideExplorer

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws


def torch_size(n, k, s, p, d):
    """PyTorch's documented Conv2d output size, written out independently."""
    return int(np.floor((n + 2 * p - d * (k - 1) - 1) / s)) + 1


def tap_cells(explorer, panel=0):
    """The (row, col) cells an overlay paints in the step colour, in panel coordinates."""
    art = explorer.artists
    data = np.asarray(art.overlays[panel].get_array())
    origin = art.geometry.left_origin if panel == 0 else art.geometry.right_origin
    hit = np.all(np.isclose(data, to_rgba(HIGHLIGHT, 0.95)), axis=-1)
    return {(int(r) + origin, int(c) + origin) for r, c in zip(*np.nonzero(hit))}


def done_cells(explorer, panel=1):
    data = np.asarray(explorer.artists.overlays[panel].get_array())
    hit = np.all(np.isclose(data, to_rgba(DONE, 0.75)), axis=-1)
    return {(int(r), int(c)) for r, c in zip(*np.nonzero(hit))}


CASES = [  # n, k, stride, padding, dilation
    (7, 3, 1, 0, 1), (7, 3, 2, 1, 1), (6, 3, 2, 0, 1), (7, 3, 1, 0, 2), (5, 2, 3, 2, 1),
    (16, 7, 4, 4, 2), (1, 1, 1, 0, 1), (4, 5, 1, 1, 1),
]


@pytest.mark.parametrize(("n", "k", "s", "p", "d"), CASES)
def test_output_shape_and_formula_match_the_engine_and_pytorch(n, k, s, p, d):
    explorer = StrideExplorer()
    explorer.update(n=n, k=k, stride=s, padding=p, dilation=d)
    assert explorer.error is None
    out = conv2d(np.ones((n, n)), np.ones((k, k)), stride=s, padding=p, dilation=d).shape[0]
    assert out == torch_size(n, k, s, p, d)
    assert explorer.geometry.out == out
    assert explorer.controls["step"].max == out * out - 1
    assert explorer.message.value.startswith(f"output {out}×{out}:")
    assert f"⌊({n} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {out}" in explorer.message.value
    assert explorer.artists.formula.get_text().endswith(f"= {out}")
    assert explorer.artists.overlays[1].get_array().shape[:2] == (out, out)
    assert explorer.artists.backgrounds[0].get_array().shape[:2] == (n + 2 * p, n + 2 * p)


@pytest.mark.parametrize(("n", "k", "s", "p", "d"), CASES[:6])
def test_every_step_highlights_the_taps_that_conv2d_reads(n, k, s, p, d):
    explorer = StrideExplorer()
    explorer.update(n=n, k=k, stride=s, padding=p, dilation=d)
    out = explorer.geometry.out
    rng = np.random.default_rng(5)
    x = rng.integers(-9, 10, size=(n, n))
    xp = np.pad(x, p)
    y = conv2d(x, np.ones((k, k), dtype=int), stride=s, padding=p, dilation=d)
    for t in sorted({0, 1, out * out // 2, out * out - 1}):
        explorer.update(step=t)
        r, c = divmod(t, out)
        taps = {(r * s + a * d - p, c * s + b * d - p) for a in range(k) for b in range(k)}
        assert tap_cells(explorer) == taps
        # the taps, read from the padded input, add up to the engine's output value
        assert sum(xp[i + p, j + p] for i, j in taps) == y[r, c]
        assert tap_cells(explorer, 1) == {(r, c)}
        assert done_cells(explorer) == {divmod(i, out) for i in range(t)}
        span = d * (k - 1) + 1
        box = explorer.artists.boxes[0]
        assert (box.get_x(), box.get_y(), box.get_width()) == (c * s - p - 0.5, r * s - p - 0.5,
                                                               span)
        assert explorer.artists.step_text.get_text().startswith(f"step {t} of 0 … {out * out - 1}:")


def test_cells_no_window_reads_are_marked():
    g = window_geometry(6, 3, stride=2)  # windows at 0 and 2 cover columns 0..4; 5 is skipped
    assert g.out == 2
    assert g.unread[:, 5].all() and g.unread[5, :].all() and not g.unread[:5, :5].any()
    g = window_geometry(7, 3, stride=2, padding=1, dilation=2)  # only odd indices are read
    odd = np.arange(7) % 2 == 1
    assert np.array_equal(~g.unread, np.outer(odd, odd))


@pytest.mark.parametrize(("n", "k", "s", "p"), [(2, 2, 2, 0), (2, 3, 2, 0), (3, 3, 2, 1),
                                                (4, 4, 2, 1), (3, 1, 3, 0)])
def test_transposed_mode_shows_upsampling(n, k, s, p):
    explorer = StrideExplorer()
    explorer.update(transposed=True, n=n, k=k, stride=s, padding=p, dilation=1)
    assert explorer.error is None
    out = (n - 1) * s - 2 * p + k
    assert conv_transpose2d(np.ones((n, n)), np.ones((k, k)), stride=s, padding=p).shape == (
        out, out)
    assert explorer.geometry.out == out
    assert f"({n} − 1)·{s} − 2·{p} + {k} = {out}" in explorer.message.value
    assert explorer.controls["step"].max == n * n - 1
    full = (n - 1) * s + k
    counts = conv_transpose2d(np.ones((n, n), dtype=int), np.ones((k, k), dtype=int), stride=s)
    for t in range(n * n):
        explorer.update(step=t)
        i, j = divmod(t, n)
        assert tap_cells(explorer, 0) == {(i, j)}
        stamp = {(i * s + a - p, j * s + b - p) for a in range(k) for b in range(k)}
        assert tap_cells(explorer, 1) == stamp
        # how many stamps cover each cell so far: the transposed convolution of ones
        partial = np.zeros((n * n,), dtype=int)
        partial[: t + 1] = 1
        expected = conv_transpose2d(partial.reshape(n, n), np.ones((k, k), dtype=int), stride=s)
        assert np.array_equal(explorer.geometry.coverage[t], expected)
    assert np.array_equal(explorer.geometry.coverage[-1], counts)
    assert explorer.artists.overlays[1].get_array().shape[:2] == (full, full)


def test_stamps_of_stride_2_kernel_3_overlap_unevenly():
    """The checkerboard of transposed convolutions: some cells get 4 stamps, some 1."""
    g = window_geometry(3, 3, stride=2, transposed=True)
    assert g.coverage[-1].max() == 4 and g.coverage[-1].min() == 1


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ({"n": 3, "k": 5}, "k must fit inside the padded input: the kernel spans 5"),
        ({"n": 5, "k": 3, "dilation": 3}, "the kernel spans 7"),
        ({"transposed": True, "dilation": 2}, "dilation must be 1 in transposed mode"),
        ({"transposed": True, "n": 1, "k": 1, "padding": 1}, "padding 1 is too large"),
    ],
)
def test_impossible_combinations_show_a_message_and_keep_the_figure(values, match):
    explorer = StrideExplorer(n=7, k=3, stride=2)
    explorer.update(step=3)
    before = np.asarray(explorer.artists.overlays[0].get_array()).copy()
    explorer.update(**values)
    assert explorer.error is not None and match in explorer.error
    assert "Cannot draw this" in explorer.message.value
    assert np.array_equal(explorer.artists.overlays[0].get_array(), before)
    explorer.update(n=7, k=3, dilation=1, padding=0, transposed=False)
    assert explorer.error is None and explorer.geometry.out == 3


def test_changing_a_parameter_keeps_the_step_when_it_still_exists():
    explorer = StrideExplorer(n=7, k=3)
    explorer.update(step=20)
    explorer.update(stride=2)  # 3×3 output: step 20 no longer exists
    assert explorer.controls["step"].value == 8 and explorer.controls["step"].max == 8
    assert explorer._stepper.play.max == 8
    assert tap_cells(explorer, 1) == {(2, 2)}
    explorer.update(stride=1)
    assert explorer.controls["step"].value == 8
    assert tap_cells(explorer, 1) == {(1, 3)}


def test_play_and_step_buttons_drive_the_first_slider():
    explorer = StrideExplorer()
    box = explorer._stepper
    assert explorer.widget.children[1].children[0].children[0] is box  # the stepper row first
    box.play.value = 4
    assert explorer.controls["step"].value == 4
    assert tap_cells(explorer, 1) == {(0, 4)}
    box.forward.click()
    assert tap_cells(explorer, 1) == {(1, 0)}
    box.back.click()
    box.back.click()
    assert explorer.controls["step"].value == 3


def test_bad_constructor_arguments_are_refused():
    with pytest.raises(ValueError, match="k must fit inside the padded input"):
        StrideExplorer(n=2, k=3)
    with pytest.raises(ValueError, match="stride must be at least 1"):
        StrideExplorer(stride=0)


def _artists(explorer):
    return sum(len(ax.images) + len(ax.collections) + len(ax.patches) + len(ax.lines)
               + len(ax.texts) for ax in explorer.artists.axes)


def test_artist_count_stays_low_for_big_grids():
    explorer = StrideExplorer(n=16, k=7, padding=4)  # 24 × 24 cells drawn
    big = _artists(explorer)
    explorer.update(n=4, k=3, padding=0)
    assert _artists(explorer) == big <= 10


def test_display_bundle_has_live_widget_and_still_picture():
    explorer = StrideExplorer()
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "0x" not in bundle["text/plain"]


@pytest.mark.parametrize(("params", "step"), [({}, 7), ({"stride": 2, "padding": 1}, 5),
                                              ({"transposed": True, "stride": 2, "n": 3}, 6)])
def test_a_blitted_step_looks_exactly_like_a_full_redraw(params, step):
    stepped = blit_steps(StrideExplorer(**params), [{"step": j} for j in range(1, step + 1)])
    fresh = StrideExplorer(**params)
    fresh.update(step=step)
    assert_looks_like_a_full_redraw(stepped, fresh)


def test_steps_blit_and_parameter_changes_redraw(monkeypatch):
    explorer = StrideExplorer()
    calls = record_redraws(explorer, monkeypatch)
    explorer.update(step=3)
    explorer.update(padding=1)
    assert calls == ["blit", "draw"]
