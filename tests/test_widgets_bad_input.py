"""Explorers refuse what they cannot show with a ValueError or TypeError that names the
argument: never a raw IndexError or TraitError from deep inside, never a minute of silence."""

import time

import numpy as np
import pytest

from convlab.widgets import DiagonalExplorer, FilterPlayground, LayerStack


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"image": np.ones((2, 2))}, r"image: a 2×2 image .* at least 7×7"),
        ({"image": np.ones((5, 5)), "layers": 3}, r"image: a 5×5 image .* at least 7×7"),
        ({"image": np.ones((9, 9)), "kernel": "Gaussian 5×5", "layers": 3},
         r"image: a 9×9 image .* at least 13×13"),
        ({"image": np.ones(9)}, "image must be 2-D"),
    ],
)
def test_layer_stack_refuses_an_image_too_small_for_its_layers(kwargs, match):
    with pytest.raises(ValueError, match=match):
        LayerStack(**kwargs)


def test_layer_stack_takes_the_smallest_image_that_fits():
    # 7 - 3·(3 - 1) = 1: one output pixel, seeing all 7×7 input pixels
    stack = LayerStack(image=np.arange(49.0).reshape(7, 7), layers=3)
    assert stack.error is None
    assert stack.controls["row"].max == 0 and stack.controls["col"].max == 0


def test_layer_stack_refuses_a_non_numeric_image():
    with pytest.raises(TypeError, match="image"):
        LayerStack(image=[["a", "b"], ["c", "d"]])


@pytest.mark.parametrize("n", [13, 300])
def test_diagonal_explorer_states_a_size_limit_and_refuses_quickly(n):
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"x has 13 values|x has 300 values"):
        DiagonalExplorer(np.ones(n), np.ones(3))
    with pytest.raises(ValueError, match=r"y has .* at most 12"):
        DiagonalExplorer(np.ones(3), np.ones(n))
    assert time.perf_counter() - start < 1.0  # refused before anything is computed or drawn


def test_diagonal_explorer_accepts_the_limit():
    explorer = DiagonalExplorer(np.ones(12), np.ones(12))
    assert explorer.controls["k"].max == 22 and explorer.error is None


@pytest.mark.parametrize(
    ("size", "error", "match"),
    [
        (4, ValueError, "size must be an odd integer from 1 to 15, got 4"),
        (17, ValueError, "size must be an odd integer from 1 to 15, got 17"),
        (-1, ValueError, "size must be an odd integer from 1 to 15, got -1"),
        (3.0, TypeError, "size must be an odd integer"),
        (True, TypeError, "size must be an odd integer"),
    ],
)
def test_filter_playground_refuses_a_size_that_is_not_odd_1_to_15(size, error, match):
    with pytest.raises(error, match=match):
        FilterPlayground(np.eye(8), size=size)


@pytest.mark.parametrize(("sigma", "error"), [(0.0, ValueError), (6.0, ValueError),
                                              ("wide", TypeError)])
def test_filter_playground_refuses_a_sigma_outside_its_slider(sigma, error):
    with pytest.raises(error, match="sigma"):
        FilterPlayground(np.eye(8), sigma=sigma)


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ({"kernel": "nope"}, r"kernel must be one of \[.*'laplacian'.*\], got 'nope'"),
        ({"kernel": 3}, "kernel must be one of"),
        ({"size": "big"}, "size must be between 1 and 15, got 'big'"),
        ({"custom3_00": 4}, "custom3_00 cannot be set to 4"),
    ],
)
def test_update_raises_a_value_error_naming_the_control(values, match):
    play = FilterPlayground(np.eye(8))
    with pytest.raises(ValueError, match=match):
        play.update(**values)
    assert play.error is None  # nothing was set: the explorer is as it was
    assert play.values["kernel"] == "box"
