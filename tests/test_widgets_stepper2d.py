"""Stepper2D driven headless (Agg): the window, the products and the output checked step by step."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

from convlab import hi_image, laplacian, sharpen
from convlab.widgets.stepper2d import Stepper2D

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws

X = np.arange(1, 10).reshape(3, 3)
K = [[0, 1], [1, 0]]
SEED = [[6, 8], [12, 14]]  # seed 001, worked by hand: 2 + 4, 3 + 5, 5 + 7, 6 + 8


def window_cells(stepper):
    """(top, left, rows, cols) of the orange window, in the input's own indices."""
    w = stepper.artists.window
    x0, y0 = w.get_xy()
    return y0 + 0.5, x0 + 0.5, w.get_height(), w.get_width()


def covered(stepper):
    """The output cells still greyed out (not computed yet)."""
    alpha = stepper.artists.cover.get_array()[..., 3]
    return {(int(i), int(j)) for i, j in zip(*np.nonzero(alpha))}


def test_seed_example_step_by_step():
    stepper = Stepper2D(X, K)
    assert stepper.record.output.tolist() == SEED
    assert np.array_equal(stepper.artists.output_image.get_array(), correlate2d(X, K, "valid"))
    for step, (r, c) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        stepper.update(step=step)
        assert window_cells(stepper) == (r, c, 2, 2)
        products = np.asarray(stepper.artists.products_image.get_array())
        assert np.array_equal(products, X[r : r + 2, c : c + 2] * np.array(K))
        texts = [t.get_text() for t in stepper.artists.products_texts.ravel()]
        assert texts == [str(v) for v in products.ravel()]
        assert products.sum() == SEED[r][c]
        assert stepper.artists.current.get_xy() == (c - 0.5, r - 0.5)
        assert covered(stepper) == {(i, j) for i in range(2) for j in range(2) if 2 * i + j > step}
        assert stepper.message.value.startswith(f"out[{r}, {c}] = ")
        assert stepper.message.value.endswith(f"= {SEED[r][c]}")
        assert stepper.error is None


def test_the_formula_has_the_numbers_substituted():
    stepper = Stepper2D(X, K, step=1)
    assert stepper.message.value == "out[0, 1] = 2·0 + 3·1 + 5·1 + 6·0 = 8"
    assert stepper.artists.equation.get_text() == "out[0, 1] = 2·0 + 3·1 + 5·1 + 6·0 = 8"
    # a 3×3 kernel writes one kernel row per line in the figure; negatives in brackets
    big = Stepper2D(X, laplacian(), padding=1, step=4)
    assert big.message.value == (
        "out[1, 1] = 1·0 + 2·1 + 3·0 + 4·1 + 5·(-4) + 6·1 + 7·0 + 8·1 + 9·0 = 0"
    )
    assert big.artists.equation.get_text().count("\n") == 2


def test_annotated_cells_only_for_small_matrices():
    small = Stepper2D(X, K)
    assert [t.get_text() for t in small.artists.output_texts.ravel()] == ["6", "8", "12", "14"]
    image = hi_image()
    big = Stepper2D(image, laplacian(), padding=1)
    assert big.artists.output_texts is None  # 16×16: colours only, no number per cell
    assert len(big.artists.input_ax.texts) == 0
    assert big.artists.products_texts is not None  # the 3×3 products still carry numbers


def test_flip_switches_between_correlation_and_convolution():
    k = np.array([[1, 2], [3, 4]])
    stepper = Stepper2D(X, k)
    assert np.array_equal(stepper.record.output, correlate2d(X, k, "valid"))
    stepper.update(flip=True, step=3)
    assert np.array_equal(stepper.record.output, convolve2d(X, k, "valid"))
    assert np.array_equal(stepper.artists.output_image.get_array(), convolve2d(X, k, "valid"))
    assert np.array_equal(stepper.artists.kernel_image.get_array(), k[::-1, ::-1])
    assert [t.get_text() for t in stepper.artists.kernel_texts.ravel()] == ["4", "3", "2", "1"]
    assert stepper.artists.kernel_ax.get_title() == "kernel, flipped"
    assert stepper.message.value.endswith(f"= {convolve2d(X, k, 'valid')[1, 1]}")
    stepper.update(flip=False)
    assert stepper.controls["step"].value == 3
    assert stepper.message.value.endswith(f"= {correlate2d(X, k, 'valid')[1, 1]}")


@pytest.mark.parametrize(
    ("stride", "padding", "dilation"),
    [(1, 1, 1), (2, 0, 1), (2, 1, 1), (1, 0, 2), (2, 1, 2), ((1, 2), (0, 1), (2, 1))],
)
def test_stride_padding_and_dilation_put_the_window_where_conv2d_reads(stride, padding, dilation):
    rng = np.random.default_rng(4)
    x = rng.integers(-5, 6, size=(7, 8))
    k = rng.integers(-2, 3, size=(2, 3))
    stepper = Stepper2D(x, k, stride=stride, padding=padding, dilation=dilation)
    s0, s1 = np.broadcast_to(stride, 2)
    p0, p1 = np.broadcast_to(padding, 2)
    d0, d1 = np.broadcast_to(dilation, 2)
    xp = np.pad(x, ((p0, p0), (p1, p1)))
    rows, cols = stepper.record.shape
    assert rows == (7 + 2 * p0 - d0 * 1 - 1) // s0 + 1  # the 2×3 kernel spans d0 + 1 rows
    assert cols == (8 + 2 * p1 - d1 * 2 - 1) // s1 + 1  # ... and 2·d1 + 1 columns
    for step in range(rows * cols):
        stepper.update(step=step)
        r, c = divmod(step, cols)
        top, left = r * s0 - p0, c * s1 - p1
        assert window_cells(stepper) == (top, left, d0 + 1, 2 * d1 + 1)
        under = xp[r * s0 : r * s0 + d0 + 1 : d0, c * s1 : c * s1 + 2 * d1 + 1 : d1]
        products = np.asarray(stepper.artists.products_image.get_array())
        assert np.array_equal(products, under * k)
        assert stepper.message.value.endswith(f"= {int((under * k).sum())}")
        # the orange tint covers exactly the taps
        tint = stepper.artists.taps.get_array()[..., 3] > 0
        assert tint.sum() == k.size and tint[::d0, ::d1].all()
        assert stepper.artists.taps.get_extent() == [left - 0.5, left + 2 * d1 + 0.5,
                                                     top + d0 + 0.5, top - 0.5]


def test_output_shape_and_values_match_scipy_with_same_padding():
    image = hi_image()
    stepper = Stepper2D(image, sharpen(), padding="same")
    assert stepper.record.shape == (16, 16)
    assert np.array_equal(stepper.record.output, correlate2d(image, sharpen(), "same"))
    assert stepper.controls["step"].max == 255


def test_play_and_step_buttons_drive_the_step_slider():
    stepper = Stepper2D(X, K)
    box = stepper._stepper
    assert next(iter(stepper.controls)) == "step"  # the browser presses the first slider
    box.play.value = 2
    assert window_cells(stepper) == (1, 0, 2, 2)
    box.forward.click()
    assert stepper.controls["step"].value == 3
    box.forward.click()
    assert stepper.controls["step"].value == 3
    box.back.click()
    assert stepper.message.value.startswith("out[1, 0]")
    assert box.play.max == 3


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((X, [[1, 2, 3, 4]]), {}, ValueError, "kernel|larger|k"),
        ((X, K), {"stride": 0}, ValueError, "stride"),
        ((X, K), {"padding": -1}, ValueError, "padding"),
        ((X, K), {"step": 4}, ValueError, "step must be an integer between 0 and 3"),
        (([[1, np.nan]], K), {}, ValueError, "NaN"),
        ((X, "abc"), {}, TypeError, "real numbers"),
    ],
)
def test_bad_arguments_are_refused_with_named_errors(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        Stepper2D(*args, **kwargs)


def test_update_refuses_steps_past_the_end():
    stepper = Stepper2D(X, K)
    with pytest.raises(ValueError, match="step must be between 0 and 3"):
        stepper.update(step=4)


def test_display_bundle_and_description():
    stepper = Stepper2D(X, K)
    bundle = stepper._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "the 3×3 input with the window outlined; the 2×2 kernel" in stepper.description
    for ax in stepper.figure.axes:
        assert ax.get_title() and ax.get_xlabel()


@pytest.mark.parametrize(
    ("make", "target"),
    [
        (lambda **kw: Stepper2D(X, K, **kw), 3),
        (lambda **kw: Stepper2D(hi_image()[:9, :9], laplacian(), padding=1, **kw), 23),
        (lambda **kw: Stepper2D(hi_image(), laplacian(), stride=2, dilation=2, **kw), 20),
    ],
)
def test_a_blitted_step_looks_exactly_like_a_full_redraw(make, target):
    stepped = blit_steps(make(), [{"step": step} for step in range(1, target + 1)])
    assert_looks_like_a_full_redraw(stepped, make(step=target))


def test_steps_blit_and_flip_redraws(monkeypatch):
    stepper = Stepper2D(X, [[1, 2], [3, 4]])
    calls = record_redraws(stepper, monkeypatch)
    stepper.update(step=2)
    stepper.update(flip=True)
    assert calls == ["blit", "draw"]


def test_demo_runs_its_bench_moves():
    stepper = Stepper2D.demo()
    for name, values in Stepper2D.bench_moves.items():
        for value in values:
            stepper.update(**{name: value})
            assert stepper.error is None


def test_flipping_in_place_looks_like_a_fresh_flipped_stepper():
    k = [[1, 2, -1], [0, 3, 1]]
    image = hi_image()[:6, :7] // 51
    switched = Stepper2D(image, k, padding=1, step=5)
    switched.figure.canvas.draw()
    switched.update(flip=True)
    switched.figure.canvas.draw()
    fresh = Stepper2D(image, k, padding=1, flip=True, step=5)
    fresh.figure.canvas.draw()  # with the helper's, the same two draws: the layout is frozen
    assert_looks_like_a_full_redraw(switched, fresh)  # after the first
