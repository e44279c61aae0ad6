"""SlideExplorer driven headless (Agg): every control moved, the artists' data checked."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal

from convlab.plotting.slide import stem_data
from convlab.widgets.slide import SlideExplorer

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws

SEED_X = [0, 0, 0, 1, 2, 3, 2, 1, 0, 0]  # seed 002
SEED_H = [1, 2, 3, 2, 1]
SEED_FULL = [0, 0, 0, 1, 4, 10, 16, 19, 16, 10, 4, 1, 0, 0]  # printed in seed 002
X = [1, 2, 3, 0, -1, 2, 4, 1]
H = [1, 2, -1]  # not symmetric: convolution and correlation differ


def stems(line):
    """(positions, values) of a line drawn with stem_data."""
    xs, ys = line.get_data()
    return np.asarray(xs)[1::3], np.asarray(ys)[1::3]


def window(explorer):
    rect = explorer.artists.window
    return rect.get_x() + 0.5, rect.get_width()


def reference(x, h, mode, flip):
    """scipy's answer, independent of convlab."""
    f = scipy.signal.convolve if flip else scipy.signal.correlate
    return f(np.asarray(x, float), np.asarray(h, float), mode=mode, method="direct")


def test_seed_vectors_step_by_step():
    explorer = SlideExplorer(SEED_X, SEED_H)
    assert explorer.controls["step"].max == len(SEED_FULL) - 1 == 13
    for i, expected in enumerate(SEED_FULL):
        explorer.update(step=i)
        positions, outputs = stems(explorer.artists.output_done)
        assert list(positions) == list(range(i + 1))
        assert list(outputs) == SEED_FULL[: i + 1]
        assert explorer.artists.output_current.get_ydata().tolist() == [expected]
        # in full mode step i puts the window on x[i - 4] .. x[i]
        assert window(explorer) == (i - 4, 5)
        taps, kernel = stems(explorer.artists.kernel)
        assert list(taps) == list(range(i - 4, i + 1))
        assert list(kernel) == SEED_H[::-1]
        taps, products = stems(explorer.artists.products)
        padded = np.concatenate([np.zeros(4), SEED_X, np.zeros(4)])
        assert list(products) == list(padded[i : i + 5] * SEED_H[::-1])
        assert explorer.message.value.endswith(f"= {expected}")
    assert explorer.error is None


def test_peak_19_is_where_the_pattern_sits():
    explorer = SlideExplorer(SEED_X, SEED_H, step=7)
    assert explorer.message.value.endswith(
        "y[7] = 1×1 + 2×2 + 3×3 + 2×2 + 1×1 = 19"
    )
    assert window(explorer) == (3, 5)  # exactly over the pattern x[3:8] = 1 2 3 2 1


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("flip", [True, False])
def test_modes_and_flip_match_scipy(mode, flip):
    explorer = SlideExplorer(X, H)
    explorer.update(mode=mode, flip=flip)
    expected = reference(X, H, mode, flip)
    n, m = len(X), len(H)
    assert len(expected) == {"full": n + m - 1, "same": n, "valid": n - m + 1}[mode]
    assert explorer.controls["step"].max == len(expected) - 1
    last = len(expected) - 1
    explorer.update(step=last)
    _, outputs = stems(explorer.artists.output_done)
    np.testing.assert_allclose(outputs, expected)
    kernel = stems(explorer.artists.kernel)[1]
    assert list(kernel) == (H[::-1] if flip else H)
    labels = [t.get_text() for t in explorer.artists.tap_labels]
    assert labels == (["h[2]", "h[1]", "h[0]"] if flip else ["h[0]", "h[1]", "h[2]"])
    title = explorer.artists.input_ax.get_title()
    assert ("flipped" in title) == flip
    start = {"full": last - (m - 1), "same": last - 1, "valid": last}[mode]
    assert window(explorer) == (start, m)


def test_switching_to_a_shorter_mode_clamps_step_and_play():
    explorer = SlideExplorer(X, H, step=9)
    explorer.update(mode="valid")
    assert explorer.controls["step"].value == 5 == explorer.controls["step"].max
    assert explorer._stepper.play.max == 5
    assert explorer.artists.step == 5
    assert "step 5 of 0 … 5" in explorer.message.value
    explorer.update(step=2)  # stepping again works after the clamp
    assert window(explorer) == (2, 3)
    explorer.update(mode="full")
    assert explorer.controls["step"].max == 9


def test_padding_rings_only_where_windows_reach():
    explorer = SlideExplorer(X, H)
    assert explorer.artists.padding.get_xdata().tolist() == [-2, -1, 8, 9]
    explorer.update(mode="same")
    assert explorer.artists.padding.get_xdata().tolist() == [-1, 8]
    explorer.update(mode="valid")
    assert explorer.artists.padding.get_xdata().tolist() == []


def test_symmetric_kernel_gives_the_same_answer_both_ways():
    explorer = SlideExplorer(SEED_X, SEED_H)
    conv = explorer.record("full", True).output
    corr = explorer.record("full", False).output
    assert list(conv) == list(corr) == SEED_FULL


def test_kernel_longer_than_input():
    x, h = [1, 2, 3], [1, 0, -1, 2, 5, 6]
    explorer = SlideExplorer(x, h)
    for mode in ["full", "same", "valid"]:
        explorer.update(mode=mode, step=0)
        for i in range(explorer.controls["step"].max + 1):
            explorer.update(step=i)
        expected = np.convolve(x, h, mode) if mode != "same" else reference(x, h, "same", True)
        np.testing.assert_allclose(stems(explorer.artists.output_done)[1], expected)
        assert explorer.error is None


def test_long_kernels_get_no_tap_labels_and_a_short_message():
    rng = np.random.default_rng(0)
    x, h = rng.normal(size=60), rng.normal(size=20)
    explorer = SlideExplorer(x, h, step=30)
    assert explorer.artists.tap_labels == []
    assert "sum of 20 products" in explorer.message.value
    np.testing.assert_allclose(
        explorer.artists.output_current.get_ydata(), [np.convolve(x, h)[30]]
    )


def test_stem_data_is_one_line_with_gaps():
    xs, ys = stem_data([2, 5], [1.5, -3])
    assert np.isnan(xs[2]) and np.isnan(ys[5])
    assert xs[:2].tolist() == [2, 2] and ys[:2].tolist() == [0, 1.5]


def test_stepper_buttons_drive_the_step():
    explorer = SlideExplorer(SEED_X, SEED_H)
    box = explorer._stepper
    box.play.value = 7
    assert explorer.controls["step"].value == 7
    assert explorer.artists.output_current.get_ydata().tolist() == [19]
    box.forward.click()
    box.forward.click()
    box.back.click()
    assert explorer.controls["step"].value == 8
    explorer.update(step=13)
    box.forward.click()
    assert explorer.controls["step"].value == 13


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"x": [], "h": H}, ValueError, "x must not be empty"),
        ({"x": X, "h": "abc"}, TypeError, "h must hold real numbers"),
        ({"x": X, "h": H, "mode": "middle"}, ValueError, "mode"),
        ({"x": X, "h": H, "flip": "yes"}, TypeError, "flip"),
        ({"x": X, "h": H, "step": 10}, ValueError, "step must be an integer between 0 and 9"),
        ({"x": X, "h": H, "step": 1.5}, ValueError, "step must be an integer"),
    ],
)
def test_bad_arguments_are_refused_with_named_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        SlideExplorer(**kwargs)


def test_update_refuses_out_of_range_step():
    explorer = SlideExplorer(X, H)
    with pytest.raises(ValueError, match="step must be between 0 and 9"):
        explorer.update(step=10)


def test_display_bundle_and_description():
    explorer = SlideExplorer(X, H)
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "0x" not in bundle["text/plain"]
    box = explorer.widget
    # the step slider is the first slider, inside the Play row
    first_row = box.children[1].children[0].children[0]
    assert explorer.controls["step"] in first_row.children
    assert "length 3" in explorer.description and "length 8" in explorer.description


@pytest.mark.parametrize(("mode", "flip", "step"), [("full", True, 5), ("valid", False, 3)])
def test_a_blitted_step_looks_exactly_like_a_full_redraw(mode, flip, step):
    stepped = blit_steps(SlideExplorer(X, H, mode=mode, flip=flip),
                         [{"step": j} for j in range(1, step + 1)])
    assert_looks_like_a_full_redraw(stepped, SlideExplorer(X, H, mode=mode, flip=flip, step=step))


def test_after_a_mode_change_steps_still_blit_correctly():
    stepped = SlideExplorer(X, H)
    stepped.figure.canvas.draw()
    stepped.update(mode="same")
    blit_steps(stepped, [{"step": 4}])  # drawn again after the mode change, then stepped
    assert_looks_like_a_full_redraw(stepped, SlideExplorer(X, H, mode="same", step=4))


def test_steps_blit_and_mode_changes_redraw(monkeypatch):
    explorer = SlideExplorer(X, H)
    calls = record_redraws(explorer, monkeypatch)
    explorer.update(step=3)
    explorer.update(mode="valid")
    explorer.update(flip=False)
    assert calls == ["blit", "draw", "draw"]
