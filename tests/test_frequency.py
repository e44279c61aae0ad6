"""The frequency response against closed forms worked out by hand, not against its own FFT."""

from __future__ import annotations

import numpy as np
import pytest

from convlab import frequency_response


def test_1d_grid_is_rfftfreq_from_0_to_half():
    f, magnitude = frequency_response([1.0, 2.0], n=8)
    assert f.tolist() == [0.0, 0.125, 0.25, 0.375, 0.5]
    assert magnitude.shape == (5,)


@pytest.mark.parametrize("m", [1, 2, 3, 5, 8, 21])
def test_box_matches_the_dirichlet_kernel(m):
    """|Σ_{k<M} e^{-2πifk}| / M = |sin(π f M) / (M sin(π f))|, and 1 at f = 0."""
    f, magnitude = frequency_response(np.full(m, 1.0 / m), n=1024)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = np.abs(np.sin(np.pi * f * m) / (m * np.sin(np.pi * f)))
    expected[0] = 1.0
    np.testing.assert_allclose(magnitude, expected, atol=1e-12)


def test_box_of_3_is_zero_at_a_third_and_one_at_zero():
    f, magnitude = frequency_response([1 / 3, 1 / 3, 1 / 3], n=300)
    assert f[100] == pytest.approx(1 / 3)
    assert magnitude[100] == pytest.approx(0.0, abs=1e-12)
    assert magnitude[0] == pytest.approx(1.0)


def test_box_side_lobe_is_about_a_fifth():
    """The first side lobe of a long box is that of sin(πx)/(πx): 0.2172 (at x ≈ 1.43)."""
    m = 51
    f, magnitude = frequency_response(np.full(m, 1.0 / m), n=8192)
    lobe = magnitude[(f > 1.0 / m) & (f < 2.0 / m)].max()  # between the first two zeros
    x = np.linspace(1, 2, 100_001)
    assert lobe == pytest.approx(np.abs(np.sinc(x)).max(), rel=2e-3)
    assert lobe == pytest.approx(0.2172, abs=1e-3)


def _sampled_gaussian_spectrum(f, sigma):
    """Poisson summation: sampling a Gaussian repeats its transform exp(-2π²σ²f²) every
    1 cycle per sample; normalising divides by the value at f = 0."""
    copies = np.arange(-3, 4)[:, None]
    bell = np.exp(-2 * np.pi**2 * sigma**2 * (f[None, :] - copies) ** 2).sum(axis=0)
    return bell / np.exp(-2 * np.pi**2 * sigma**2 * copies[:, 0] ** 2).sum()


@pytest.mark.parametrize("sigma", [0.7, 1.5, 2.0, 3.0])
def test_gaussian_transforms_to_a_gaussian(sigma):
    """A sampled, normalised Gaussian of width σ: ≈ exp(-2π²σ²f²), exactly its aliased sum."""
    t = np.arange(-int(8 * sigma) - 1, int(8 * sigma) + 2)
    g = np.exp(-(t**2) / (2 * sigma**2))
    g /= g.sum()
    f, magnitude = frequency_response(g, n=1024)
    np.testing.assert_allclose(magnitude, _sampled_gaussian_spectrum(f, sigma), atol=1e-9)
    if sigma >= 1.5:  # wide enough that the copies barely overlap
        np.testing.assert_allclose(magnitude, np.exp(-2 * np.pi**2 * sigma**2 * f**2),
                                   atol=2e-4)


def test_magnitude_ignores_where_the_kernel_starts():
    h = [1.0, -2.0, 0.5]
    _, a = frequency_response(h, n=16)
    _, b = frequency_response([0.0, 0.0, *h], n=16)
    np.testing.assert_allclose(a, b, atol=1e-12)


def test_a_direct_sum_agrees_at_every_frequency():
    rng = np.random.default_rng(3)
    h = rng.normal(size=7)
    f, magnitude = frequency_response(h, n=40)
    k = np.arange(len(h))
    direct = [abs(sum(h * np.exp(-2j * np.pi * fi * k))) for fi in f]
    np.testing.assert_allclose(magnitude, direct, atol=1e-12)


def test_2d_laplacian_closed_form():
    """|−4 + 2cos 2πf_x + 2cos 2πf_y|, 8 at (0.5, 0.5) and 0 at (0, 0)."""
    lap = [[0, 1, 0], [1, -4, 1], [0, 1, 0]]
    f, magnitude = frequency_response(lap, n=64)
    assert f.shape == (64,) and magnitude.shape == (64, 64)
    assert f[0] == -0.5 and f[32] == 0.0  # centred: zero frequency in the middle
    fy, fx = np.meshgrid(f, f, indexing="ij")
    expected = np.abs(-4 + 2 * np.cos(2 * np.pi * fx) + 2 * np.cos(2 * np.pi * fy))
    np.testing.assert_allclose(magnitude, expected, atol=1e-12)
    assert magnitude[0, 0] == pytest.approx(8.0)
    assert magnitude[32, 32] == pytest.approx(0.0, abs=1e-12)


def test_2d_box_is_the_product_of_two_1d_boxes():
    m = 3
    f, magnitude = frequency_response(np.full((m, m), 1.0 / m**2), n=30)
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.abs(np.sin(np.pi * f * m) / (m * np.sin(np.pi * f)))
    d[f == 0] = 1.0
    np.testing.assert_allclose(magnitude, np.outer(d, d), atol=1e-12)


def test_non_square_2d_kernel_is_padded_on_both_axes():
    _, magnitude = frequency_response([[1, 2, 3]], n=4)
    assert magnitude.shape == (4, 4)
    # every row frequency sees the same 1-D response: the kernel has one row
    np.testing.assert_allclose(magnitude, np.tile(magnitude[2], (4, 1)), atol=1e-12)


@pytest.mark.parametrize(
    ("h", "n", "error", "match"),
    [
        ([1, 2, 3], 2, ValueError, "n must be at least the kernel's length \\(3\\)"),
        ([[1, 2, 3]], 2, ValueError, "n must be at least"),
        ([1, 2], 4.0, TypeError, "n must be an integer"),
        ([1, 2], True, TypeError, "n must be an integer"),
        ([1, 2], "8", TypeError, "n must be an integer"),
        (np.ones((2, 2, 2)), 8, ValueError, "h must be 1-D or 2-D"),
        ([], 8, ValueError, "h must not be empty"),
        ([1, np.nan], 8, ValueError, "h must not contain NaN"),
        ([1, np.inf], 8, ValueError, "h must not contain NaN or infinity"),
        ("121", 8, TypeError, "h must hold real numbers"),
        ([1 + 1j], 8, TypeError, "h must hold real numbers"),
        ([True, False], 8, TypeError, "h must hold numbers, not booleans"),
        ([[1, 2], [3]], 8, ValueError, "h must be a rectangular array"),
        ([[1.0]], 200_000, ValueError, "the frequency response would have shape"),
    ],
)
def test_bad_input_is_refused_by_name(h, n, error, match):
    with pytest.raises(error, match=match):
        frequency_response(h, n=n)


def test_integers_give_the_same_as_floats():
    _, a = frequency_response([1, 2, 1], n=8)
    _, b = frequency_response([1.0, 2.0, 1.0], n=8)
    np.testing.assert_array_equal(a, b)
    assert a[0] == pytest.approx(4.0) and a[-1] == pytest.approx(0.0, abs=1e-12)
