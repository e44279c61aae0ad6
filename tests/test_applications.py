"""convlab.applications (polynomials, dice, cost counts) and its figures, checked independently."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

from convlab.applications import (
    cost_crossover,
    dice_sum_counts,
    dice_sum_distribution,
    direct_cost,
    fft_cost,
    polynomial_power,
    polynomial_product,
)


def test_polynomial_product_matches_numpy():
    rng = np.random.default_rng(3)
    polys = [rng.integers(-5, 6, size=n) for n in (3, 1, 4, 2)]
    want = polys[0]
    for p in polys[1:]:
        want = np.polynomial.polynomial.polymul(want, p)
    got = polynomial_product(*polys)
    assert got.dtype.kind == "i" and np.array_equal(got, want)
    assert np.array_equal(polynomial_product([1, 2, 3]), [1, 2, 3])


def test_polynomial_product_refuses_nothing_and_empties():
    with pytest.raises(TypeError):
        polynomial_product()
    with pytest.raises(ValueError):
        polynomial_product([1, 2], [])


@pytest.mark.parametrize("n", range(0, 9))
def test_polynomial_power_is_binomial(n):
    assert polynomial_power([1, 1], n).tolist() == [math.comb(n, j) for j in range(n + 1)]


def test_polynomial_power_general_and_bad_n():
    p = [2, -1, 3]
    assert np.array_equal(polynomial_power(p, 3), np.polynomial.polynomial.polypow(p, 3))
    with pytest.raises(ValueError):
        polynomial_power(p, -1)
    with pytest.raises(TypeError):
        polynomial_power(p, 1.5)


@pytest.mark.parametrize(("n_dice", "sides"), [(1, 6), (2, 6), (3, 6), (4, 4), (2, 3), (3, 1)])
def test_dice_counts_match_enumeration(n_dice, sides):
    totals, counts = dice_sum_counts(n_dice, sides)
    ways = Counter(map(sum, itertools.product(range(1, sides + 1), repeat=n_dice)))
    assert totals.tolist() == sorted(ways)
    assert counts.tolist() == [ways[t] for t in sorted(ways)]
    assert counts.sum() == sides**n_dice


def test_dice_distribution_exact_and_float():
    totals, p = dice_sum_distribution(2, exact=True)
    assert p[totals == 7][0] == Fraction(1, 6) and sum(p) == 1
    totals, pf = dice_sum_distribution(2)
    assert pf.dtype == np.float64 and np.allclose(pf, [float(v) for v in p])
    # many dice: mean and variance add up
    totals, p = dice_sum_distribution(20)
    mean = (totals * p).sum()
    assert math.isclose(mean, 70) and math.isclose(((totals - mean) ** 2 * p).sum(), 20 * 35 / 12)


def test_dice_bad_input():
    for bad in (0, -1):
        with pytest.raises(ValueError):
            dice_sum_counts(bad)
        with pytest.raises(ValueError):
            dice_sum_counts(2, bad)
    with pytest.raises(ValueError, match="too many"):
        dice_sum_counts(10**6, 10**6)


def test_direct_cost_counts_products():
    # count the products of a direct 'valid' correlation by walking the windows
    n, k = 7, 3
    products = sum(k * k for _ in range(n - k + 1) for _ in range(n - k + 1))
    assert direct_cost(n, k, mode="valid") == products
    assert direct_cost(512, 31) == 512**2 * 31**2
    assert direct_cost(4, 3, mode="full") == 36 * 9
    with pytest.raises(ValueError, match="mode"):
        direct_cost(8, 3, mode="circular")
    with pytest.raises(ValueError, match="does not fit"):
        direct_cost(3, 5, mode="valid")


def test_fft_cost_grows_like_n2_log_n_and_barely_with_k():
    assert fft_cost(1, 1) == 1
    assert fft_cost(512, 31) < 1.2 * fft_cost(512, 3)
    ratio = fft_cost(1024, 3) / fft_cost(512, 3)
    assert 4 < ratio < 4.5  # four times the points, a little more for the log


def test_cost_crossover():
    k = cost_crossover(512)
    assert fft_cost(512, k) < direct_cost(512, k)
    assert fft_cost(512, k - 1) >= direct_cost(512, k - 1)
    assert cost_crossover(512, [3, 5]) is None
    assert cost_crossover(512, [3, 9, 31]) == 9


# -- the figures -------------------------------------------------------------------------

def test_figures_have_titles_and_labels_and_are_pngs():
    from convlab.plotting.applications import (
        plot_chart_smoothing,
        plot_cost,
        plot_dice_sums,
        plot_photo_edits,
    )

    x = np.arange(30.0)
    rows = [{"image": 16, "kernel": k, "method": m, "seconds": 0.001 * k}
            for k in (3, 5) for m in ("convlab direct", "convlab fft", "other")]
    arts = [
        plot_dice_sums((1, 2, 3)),
        plot_chart_smoothing(x + 1, x, {"a": (x[2:-2], x[2:-2])}),
        plot_photo_edits({"photo": np.eye(5), "edges": np.eye(5) - 0.5}),
        plot_cost(32, [1, 3, 5], rows=rows),
    ]
    for art in arts:
        assert art._repr_png_()[:4] == b"\x89PNG"
        assert "0x" not in repr(art)
        for ax in art.figure.axes:
            assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    dice, _, photo, cost = arts
    # two dice: the bars are the convolution of two uniform distributions, 7 highlighted
    heights = [b.get_height() for b in dice.bars]
    assert np.allclose(heights, np.convolve(np.full(6, 1 / 6), np.full(6, 1 / 6)))
    assert dice.bars[5].get_facecolor() != dice.bars[0].get_facecolor()
    # edges get a symmetric scale around 0
    low, high = photo.images[1].get_clim()
    assert low == -high
    # counts: direct n²k², FFT estimate; one measured line per method
    assert cost.count_lines[0].get_ydata().tolist() == [32**2 * k**2 for k in (1, 3, 5)]
    assert len(cost.time_lines) == 3


def test_figures_do_not_touch_pyplot():
    import matplotlib.pyplot as plt

    from convlab.plotting.applications import plot_dice_sums

    before = plt.get_fignums()
    plot_dice_sums((1, 2))
    assert plt.get_fignums() == before
