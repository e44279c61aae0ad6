"""convlab.conv2d and the pooling functions accept the deep-learning layouts (issue 14).

The reference here is an einsum over explicit windows, written independently of the engine, and
the published two-channel example from d2l ("Multiple Input and Multiple Output Channels").
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

import convlab

X = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
K = np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]])


def reference(x, k, bias=None):
    """(N, C_in, H, W) * (C_out, C_in, kh, kw): valid cross-correlation, stride 1."""
    win = sliding_window_view(x, k.shape[-2:], axis=(-2, -1))  # N, C, H', W', kh, kw
    y = np.einsum("nchwij,ocij->nohw", win, k)
    return y if bias is None else y + np.asarray(bias)[None, :, None, None]


def test_the_published_two_channel_example():
    assert convlab.conv2d(X, K[None]).tolist() == [[[56, 72], [104, 120]]]


def test_a_batch_with_several_output_channels_and_a_bias():
    rng = np.random.default_rng(3)
    x, k, b = rng.normal(size=(2, 3, 7, 6)), rng.normal(size=(4, 3, 3, 2)), rng.normal(size=4)
    np.testing.assert_allclose(convlab.conv2d(x, k, bias=b), reference(x, k, b), atol=1e-12)


def test_a_bias_on_a_plain_image_adds_a_constant():
    x = np.arange(12.0).reshape(3, 4)
    k = np.ones((2, 2))
    np.testing.assert_allclose(convlab.conv2d(x, k, bias=[0.5]), convlab.conv2d(x, k) + 0.5)


def test_plain_images_are_unchanged():
    assert convlab.conv2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]]).tolist() == [
        [6, 8],
        [12, 14],
    ]


def test_a_one_by_one_convolution_is_a_matrix_product_over_channels():
    rng = np.random.default_rng(1)
    x, w = rng.normal(size=(3, 5, 5)), rng.normal(size=(2, 3, 1, 1))
    expected = (w[:, :, 0, 0] @ x.reshape(3, -1)).reshape(2, 5, 5)
    np.testing.assert_allclose(convlab.conv2d(x, w), expected, atol=1e-12)


@pytest.mark.parametrize(
    ("x", "k", "kwargs", "words"),
    [
        (X, K, {}, "k"),  # a 3-D kernel with a 3-D input: ambiguous
        (X, K[None, :1], {}, "C_in"),
        (X, K[None], {"bias": [1, 2]}, "bias"),
    ],
)
def test_shapes_that_cannot_be_meant_are_refused(x, k, kwargs, words):
    with pytest.raises((ValueError, TypeError), match=words):
        convlab.conv2d(x, k, **kwargs)


def test_pooling_works_per_channel():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 3, 6, 6))
    blocks = x.reshape(2, 3, 3, 2, 3, 2)
    np.testing.assert_allclose(convlab.max_pool2d(x, 2), blocks.max(axis=(3, 5)))
    np.testing.assert_allclose(convlab.avg_pool2d(x, 2), blocks.mean(axis=(3, 5)))
