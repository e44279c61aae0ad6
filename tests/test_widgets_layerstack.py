"""LayerStack driven headless (Agg): every control moved, the artists' data checked."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy.signal import convolve2d

from convlab import get_kernel, random_image
from convlab.stacking import receptive_field, stack_layers
from convlab.widgets.layerstack import KERNEL_CHOICES, LayerStack

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws

LAPLACIAN = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])  # seed 000


def scipy_stack(image, kernel, layers, relu=False):
    maps = [np.asarray(image)]
    for _ in range(layers):
        y = convolve2d(maps[-1], kernel, mode="valid")
        maps.append(np.maximum(y, 0) if relu else y)
    return maps


def test_default_is_seed_000s_laplacian_on_the_seeded_random_image():
    stack = LayerStack()
    assert np.array_equal(stack.image, random_image())
    assert np.array_equal(stack.image, np.random.default_rng(0).integers(0, 256, (64, 64)))
    assert stack.controls["kernel"].value == "Laplacian 3×3"
    name, params = KERNEL_CHOICES["Laplacian 3×3"]
    assert np.array_equal(get_kernel(name, **params), LAPLACIAN)
    assert stack.controls["layers"].value == 3 and stack.controls["relu"].value is False


@pytest.mark.parametrize("relu", [False, True])
@pytest.mark.parametrize("layers", [1, 2, 3, 4, 5, 6])
def test_maps_match_scipy_repeated_and_shrink_by_two(layers, relu):
    stack = LayerStack()
    stack.update(layers=layers, relu=relu)
    expected = scipy_stack(random_image(), LAPLACIAN, layers, relu)
    art = stack.artists
    for level in range(layers + 1):
        assert np.array_equal(art.images[level].get_array(), expected[level])
        assert art.images[level].get_visible()
        assert expected[level].shape == (64 - 2 * level,) * 2
        # drawn in the input's coordinates: trimmed by one pixel per side per layer
        left, right, _bottom, top = art.images[level].get_extent()
        assert (left, top) == (level - 0.5, level - 0.5)
        assert right - left == 64 - 2 * level
        title = art.map_axes[level].get_title()
        assert f"{64 - 2 * level}×{64 - 2 * level}" in title
    for level in range(layers + 1, 7):
        assert not art.images[level].get_visible()
        assert "not applied" in art.map_axes[level].get_title()
    assert stack.message.value.startswith(f"{layers} layer")
    assert f"64×64 → {64 - 2 * layers}×{64 - 2 * layers}" in stack.message.value


def test_detail_explodes_without_relu():
    maps = scipy_stack(random_image(), LAPLACIAN, 6)
    spread = [np.std(m) for m in maps]
    assert all(b > 4 * a for a, b in itertools.pairwise(spread))
    stack = LayerStack(layers=6)
    assert np.allclose(stack.artists.spread_line.get_ydata(), spread)
    assert stack.artists.spread_mark.get_xdata()[0] == 6


@pytest.mark.parametrize(("layers", "row", "col"), [(1, 0, 0), (3, 10, 40), (6, 51, 51)])
def test_receptive_field_outlines(layers, row, col):
    stack = LayerStack()
    stack.update(layers=layers)
    stack.update(row=row, col=col)
    side = 1 + layers * 2
    box = stack.artists.fields[0]
    assert (box.get_x(), box.get_y()) == (col - 0.5, row - 0.5)
    assert box.get_width() == box.get_height() == side == receptive_field(layers, 3)
    # the input pixels in the box are exactly the ones that change the output pixel
    image = random_image().astype(float)
    base = scipy_stack(image, LAPLACIAN, layers)[-1][row, col]
    influence = np.zeros_like(image, dtype=bool)
    for i in range(max(0, row - 1), min(64, row + side + 1)):
        for j in range(max(0, col - 1), min(64, col + side + 1)):
            poked = image.copy()
            poked[i, j] += 1000.0
            influence[i, j] = scipy_stack(poked, LAPLACIAN, layers)[-1][row, col] != base
    rows, cols = np.nonzero(influence)
    assert rows.min() >= row and rows.max() <= row + side - 1
    assert cols.min() >= col and cols.max() <= col + side - 1
    for level, field in enumerate(stack.artists.fields):
        assert field.get_visible() == (level <= layers)
        if level <= layers:
            assert field.get_width() == 1 + (layers - level) * 2
    assert f"rows {row}–{row + side - 1}, cols {col}–{col + side - 1}" in stack.message.value


def test_kernel_dropdown_changes_the_kernel_and_the_field():
    stack = LayerStack(layers=2)
    stack.update(kernel="Gaussian 5×5")
    g = get_kernel("gaussian2d", size=5, sigma=1.0)
    expected = scipy_stack(random_image(), g, 2)
    assert np.allclose(stack.artists.images[2].get_array(), expected[2])
    assert expected[2].shape == (56, 56)
    assert stack.artists.fields[0].get_width() == 9  # 1 + 2·(5 − 1)
    for label in KERNEL_CHOICES:
        stack.update(kernel=label)
        assert stack.error is None and label in stack.message.value


def test_pixel_is_clamped_when_the_maps_shrink():
    stack = LayerStack(layers=1)
    stack.update(row=61, col=61)
    stack.update(layers=6)
    assert stack.controls["row"].value == 51 and stack.controls["row"].max == 51
    assert "Output pixel (51, 51)" in stack.message.value


def test_small_image_too_many_layers_shows_a_message():
    stack = LayerStack(np.arange(64).reshape(8, 8), layers=2)
    stack.update(layers=3)
    assert stack.error is None
    stack.update(layers=4)
    assert "shrinks to nothing after 4 layers" in stack.error
    assert "Cannot draw this" in stack.message.value
    assert stack.artists.layers == 3  # the last good figure stays


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"kernel": "blur"}, "kernel must be one of"), ({"layers": 0}, "layers must be"),
     ({"image": [1, 2, 3]}, "image must be 2-D")],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        LayerStack(**kwargs)


def test_stack_layers_refuses_too_many():
    with pytest.raises(ValueError, match="at most 1"):
        stack_layers(np.ones((4, 4)), np.ones((3, 3)), 2)


def test_layers_slider_comes_first():
    stack = LayerStack()
    first_row = stack.widget.children[1].children[0].children[0]
    assert first_row.children[0] is stack.controls["layers"]


def test_a_blitted_pixel_move_looks_exactly_like_a_full_redraw():
    moved = blit_steps(LayerStack(), [{"row": r, "col": r + 3} for r in (5, 10, 20)])
    fresh = LayerStack()
    fresh.update(row=20, col=23)
    assert_looks_like_a_full_redraw(moved, fresh)


def test_pixel_moves_blit_and_other_changes_redraw(monkeypatch):
    stack = LayerStack()
    calls = record_redraws(stack, monkeypatch)
    stack.update(row=3)
    stack.update(layers=2)
    assert calls == ["blit", "draw"]


def test_display_bundle():
    bundle = LayerStack()._repr_mimebundle_()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "0x" not in bundle["text/plain"]
