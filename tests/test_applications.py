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
    cost_crossover_1d,
    crossover_summary_1d,
    dice_sum_counts,
    dice_sum_distribution,
    direct_cost,
    direct_cost_1d,
    falloff_frequency,
    fft_cost,
    fft_cost_1d,
    first_side_lobe,
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


# -- 1-D cost and the sentence written from a measurement ----------------------------------


def test_1d_counts_by_hand():
    # every (sample, tap) pair is one product of the full convolution
    assert direct_cost_1d(7, 3) == sum(1 for _ in itertools.product(range(7), range(3))) == 21
    assert fft_cost_1d(1000, 25) == 3 * 1024 * 10 + 1024
    assert fft_cost_1d(1, 1) == 1
    n = 10_000
    first = next(m for m in range(1, n) if 3 * (n + m - 1) * math.log2(n + m - 1) + n + m - 1
                 < n * m)
    assert cost_crossover_1d(n) == first
    assert cost_crossover_1d(n, [2, 4, 8]) is None
    with pytest.raises(ValueError, match="m"):
        direct_cost_1d(5, 0)
    with pytest.raises(TypeError, match="n"):
        fft_cost_1d(2.5, 3)


def _rows(times, n=50_000):
    return [{"n": n, "kernel": m, "method": name, "seconds": t}
            for m, pair in times.items() for name, t in zip(("direct", "fft"), pair)]


def test_crossover_sentence_on_given_numbers():
    text = " ".join(crossover_summary_1d(_rows(
        {4: (1.0, 5.0), 32: (4.0, 5.0), 256: (30.0, 5.0), 2048: (200.0, 5.0)})).split())
    assert "With 50,000 samples the direct sum was faster for 4 and 32 taps" in text
    assert "the FFT for 256 and 2,048 taps" in text
    assert "wins from between 32 and 256 taps on" in text
    assert f"predicts {cost_crossover_1d(50_000)})" in text
    assert "At 2,048 taps the FFT was 40× faster." in text


def test_crossover_sentence_without_a_crossover_or_with_a_blip():
    never = " ".join(crossover_summary_1d(_rows({4: (1.0, 2.0), 64: (1.5, 2.0)})).split())
    assert "faster for every kernel measured, 4 and 64 taps: no crossover up to 64" in never
    assert "the direct sum was 1.3× faster" in never
    always = " ".join(crossover_summary_1d(_rows({4: (3.0, 2.0), 64: (9.0, 2.0)})).split())
    assert "the FFT was faster for every kernel measured" in always and "below 4 taps" in always
    # a noisy FFT win at 16 taps, then direct again: the crossover is where the FFT stays ahead
    blip = " ".join(crossover_summary_1d(_rows(
        {4: (1.0, 2.0), 16: (3.0, 2.0), 64: (1.5, 2.0), 256: (9.0, 2.0)})).split())
    assert "faster for 4 and 64 taps and the FFT for 16 and 256 taps" in blip
    assert "between 64 and 256 taps on" in blip


def test_crossover_sentence_refuses_bad_tables():
    rows = _rows({4: (1.0, 2.0)})
    with pytest.raises(ValueError, match="one signal length"):
        crossover_summary_1d([*rows, {**rows[0], "n": 7}])
    with pytest.raises(ValueError, match="both"):
        crossover_summary_1d(rows[:1])


# -- reading a frequency response ---------------------------------------------------------


def test_first_side_lobe_of_a_box_matches_the_closed_form():
    taps, n = 9, 1 << 14
    f = np.arange(n // 2 + 1) / n
    with np.errstate(invalid="ignore", divide="ignore"):
        closed = np.abs(np.sin(taps * np.pi * f) / (taps * np.sin(np.pi * f)))
    closed[0] = 1.0
    f_lobe, height = first_side_lobe(f, closed)
    inside = (f > 1 / taps) & (f < 2 / taps)
    assert height == pytest.approx(closed[inside].max())
    assert 1 / taps < f_lobe < 2 / taps
    # a short box's lobe is a little higher than the long-box limit, max |sin(πx)/(πx)| ≈ 0.2172
    x = np.linspace(1, 2, 10001)
    assert np.abs(np.sin(np.pi * x) / (np.pi * x)).max() < height < 0.23
    # the peak is read relative to f = 0, whatever the scale
    assert first_side_lobe(f, 3 * closed)[1] == pytest.approx(height)


def test_first_side_lobe_refuses_a_response_without_one():
    f = np.linspace(0, 0.5, 11)
    with pytest.raises(ValueError, match="no side lobe"):
        first_side_lobe(f, np.exp(-f))
    with pytest.raises(ValueError, match="same length"):
        first_side_lobe(f, f[:5])
    with pytest.raises(ValueError, match="positive at f = 0"):
        first_side_lobe(f, np.zeros(11))


def test_falloff_of_a_gaussian_is_its_width():
    f = np.linspace(0, 0.5, 2001)
    sigma_f = 1 / (2 * np.pi * 3.0)
    assert falloff_frequency(f, 2 * np.exp(-(f**2) / (2 * sigma_f**2))) == pytest.approx(
        sigma_f, rel=1e-4)
    # a straight line from 1 to 0 falls to one half at its middle
    assert falloff_frequency(f, 1 - 2 * f, level=0.5) == pytest.approx(0.25)
    assert falloff_frequency(f, np.ones_like(f)) is None
    with pytest.raises(ValueError, match="level"):
        falloff_frequency(f, np.ones_like(f), level=1.5)


def test_frequency_figure_draws_the_dft_and_marks_the_side_lobe():
    import io

    from PIL import Image

    from convlab.plotting._style import WIDTH_PX
    from convlab.plotting.applications import plot_frequency_responses

    box = np.ones(7) / 7
    art = plot_frequency_responses({"box": box, "spike": [1.0]}, n=256, side_lobe_of="box")
    for ax in art.figure.axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    f, gain = art.response_lines[0].get_data()
    assert np.allclose(f, np.arange(129) / 256)
    # the box's gain by the sum written out, at every plotted frequency
    j = np.arange(7)
    assert np.allclose(gain, [abs(np.sum(np.exp(-2j * np.pi * fq * j))) / 7 for fq in f])
    assert np.allclose(art.response_lines[1].get_ydata(), 1.0)  # an impulse passes everything
    inside = (f > 1 / 7) & (f < 2 / 7)
    assert art.side_lobe.get_text() == f"first side lobe: {gain[inside].max():.2f}"
    assert Image.open(io.BytesIO(art.png())).size[0] <= WIDTH_PX
    with pytest.raises(ValueError, match="side_lobe_of"):
        plot_frequency_responses({"box": box}, side_lobe_of="gauss")
    with pytest.raises(ValueError, match="at least one"):
        plot_frequency_responses({})
