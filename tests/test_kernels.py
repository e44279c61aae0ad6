"""Named kernels and the registry."""

import numpy as np
import pytest

from convlab import kernels
from convlab.kernels import KERNELS, gaussian1d, gaussian2d, get_kernel, kernel_names


def seed004_gaussian_kernel(size=21, sigma=3.0):
    kernel = np.linspace(-(size // 2), size // 2, size)
    kernel = np.exp(-(kernel**2) / (2 * sigma**2))
    return kernel / np.sum(kernel)


@pytest.mark.parametrize("size", [3, 5, 21, 51])
@pytest.mark.parametrize("sigma", [0.1, 1.0, 3.0, 10.0])
def test_gaussian1d_is_seed_004(size, sigma):
    np.testing.assert_allclose(gaussian1d(size, sigma), seed004_gaussian_kernel(size, sigma))
    assert gaussian1d(size, sigma).sum() == pytest.approx(1.0)


def test_gaussian2d_is_separable_and_normalised():
    g = gaussian2d(7, 2.0)
    np.testing.assert_allclose(g, np.outer(gaussian1d(7, 2.0), gaussian1d(7, 2.0)))
    assert g.sum() == pytest.approx(1.0)


def test_fixed_kernels_from_the_seeds():
    np.testing.assert_array_equal(get_kernel("laplacian"), [[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    np.testing.assert_array_equal(get_kernel("vertical_edge"), [[1, 0, -1]] * 3)
    np.testing.assert_array_equal(
        get_kernel("horizontal_edge"), [[1, 1, 1], [0, 0, 0], [-1, -1, -1]]
    )
    np.testing.assert_allclose(get_kernel("box"), np.full((3, 3), 1 / 9))
    assert abs(get_kernel("box")[0, 0] - 0.11) < 0.002


def test_gradient_kernels_point_the_documented_way():
    ramp = np.tile(np.arange(5), (5, 1))  # brighter to the right
    from convlab import conv2d

    assert (conv2d(ramp, get_kernel("sobel_x")) > 0).all()
    assert (conv2d(ramp, get_kernel("sobel_y")) == 0).all()
    assert (conv2d(ramp.T, get_kernel("prewitt_y")) > 0).all()
    assert (conv2d(ramp, get_kernel("identity"), padding="same") == ramp).all()


@pytest.mark.parametrize("name", sorted(KERNELS))
def test_every_kernel_builds_fresh_arrays(name):
    a = get_kernel(name)
    a[...] = 0
    assert get_kernel(name).any()


def test_names():
    assert kernel_names() == sorted(KERNELS)
    for name in ["box", "gaussian1d", "gaussian2d", "laplacian", "sharpen", "sobel_x",
                 "sobel_y", "prewitt_x", "prewitt_y", "vertical_edge", "horizontal_edge",
                 "identity", "emboss"]:
        assert name in kernel_names()
        assert getattr(kernels, name) is KERNELS[name]


def test_sharpen_is_identity_minus_laplacian():
    np.testing.assert_array_equal(
        get_kernel("sharpen"), get_kernel("identity") - get_kernel("laplacian")
    )
    assert get_kernel("sharpen").sum() == 1


def test_vertical_edge_sign_flips_between_correlation_and_convolution():
    """conv2d (cross-correlation) gives left minus right; true convolution right minus left."""
    import scipy.signal

    from convlab import conv2d

    step = np.zeros((3, 4), dtype=int)
    step[:, 2:] = 10  # dark on the left, bright on the right
    k = get_kernel("vertical_edge")
    by_hand = [3 * (0 - 10), 3 * (0 - 10)]  # windows on columns 0-2 and 1-3: left - right
    np.testing.assert_array_equal(conv2d(step, k), [by_hand])
    np.testing.assert_array_equal(scipy.signal.convolve2d(step, k, "valid"), [[30, 30]])
