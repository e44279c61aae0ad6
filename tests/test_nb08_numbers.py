"""Notebook 08 (applications and cost) teaches numbers: each checked output is recomputed here,
independently of convlab
(enumeration, scipy, NumPy's polynomial module, formulas by hand)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
from scipy.ndimage import uniform_filter1d
from scipy.signal import correlate2d, fftconvolve
from scipy.special import comb

from .support import CHECK, checked_output, code_cells, markdown_text, read_notebook, text_of


@pytest.fixture(scope="module")
def nb():
    return read_notebook("08_applications_and_cost.ipynb")


def test_pascal_rows(nb):
    out = checked_output(nb, "polynomial_power([1, 1], n)")
    for n in range(7):
        row = np.array([int(comb(n, j)) for j in range(n + 1)])
        assert f"(1 + t)^{n}: {row}" in out
    assert "(1 + t)^4: [1 4 6 4 1]" in out


def test_polynomial_product_matches_numpy(nb):
    out = checked_output(nb, "polynomial_product(p, q, r)")
    P = np.polynomial.Polynomial
    want = (P([2, -1, 3]) * P([1, 4]) * P([5, 0, 0, -2])).coef.astype(int)
    assert f"by convolution:        {want}" in out
    # by hand: the product's value at t = 2 is p(2) q(2) r(2) = 12 * 9 * (-11)
    assert sum(c * 2**i for i, c in enumerate(want)) == 12 * 9 * (-11)
    assert "agrees with np.polynomial.polypow: True" in out


def test_two_dice(nb):
    out = checked_output(nb, "two_dice = np.convolve(die, die)")
    ways = Counter(a + b for a in range(1, 7) for b in range(1, 7))
    assert f"ways (×36):  {np.array([ways[s] for s in range(2, 13)])}" in out
    assert Fraction(ways[7], 36) == Fraction(1, 6)
    assert "P(sum = 7) = 6 / 36 = 1/6" in out
    assert "enumerating the 36 pairs agrees: True" in out


def test_three_dice(nb):
    out = checked_output(nb, "dice_sum_counts(3)")
    ways = Counter(sum(t) for t in itertools.product(range(1, 7), repeat=3))
    assert f"ways:   {np.array([ways[s] for s in range(3, 19)])}  sum: 216" in out
    assert ways[10] == ways[11] == 27 == max(ways.values())
    assert "most likely totals: [10 11] with 27 ways each: P = 1/8" in out
    assert "enumerating the 216 triples agrees: True" in out
    mean = 3 * 3.5
    variance = 3 * (6**2 - 1) / 12  # variance of one fair die is (s² - 1) / 12
    assert f"mean: {mean}  variance: {variance}" in out and variance == 8.75


def _chart():
    # noisy_chart(200, seed=0): t = linspace(0, 4, 200); 0.5 t + sin(pi t) + N(0, 0.4) noise
    t = np.linspace(0.0, 4.0, 200)
    trend = 0.5 * t + np.sin(np.pi * t)
    return trend + np.random.default_rng(0).normal(0.0, 0.4, 200), trend


def test_smoothing_errors(nb):
    out = checked_output(nb, "rms(convolve(noisy, box")
    noisy, trend = _chart()

    def rms(a, b):
        return math.sqrt(float(np.mean((a - b) ** 2)))

    assert f"noise left in the raw chart: {rms(noisy, trend):.3f}" in out
    errors = {}
    for w in (3, 9, 21, 51):
        h = w // 2
        inner = slice(h, 200 - h)
        smooth = uniform_filter1d(noisy, w)[inner]  # centred moving average, full windows only
        bend = uniform_filter1d(trend, w)[inner]
        errors[w] = rms(smooth, trend[inner])
        assert f"{w:5d}  {errors[w]:20.3f}  {rms(bend, trend[inner]):26.3f}" in out
    # the story the text tells: the error falls up to 21, then the widest window is worse
    assert errors[3] > errors[9] > errors[21] < errors[51]


def _photo():
    from matplotlib import cbook
    from PIL import Image

    with cbook.get_sample_data("grace_hopper.jpg") as f:
        rgb = np.asarray(Image.open(f).convert("RGB"), dtype=np.float64)
    grey = rgb @ np.array([0.299, 0.587, 0.114]) / 255.0
    return grey.reshape(300, 2, 256, 2).mean(axis=(1, 3))


def test_photo_edits(nb):
    out = checked_output(nb, 'kernels = {"blur"')
    image = _photo()
    t = np.arange(13) - 6  # 13 taps at sigma 2: the bell cut at +-3 sigma
    g = np.exp(-(t**2) / 8.0)
    blur = np.outer(g, g) / np.outer(g, g).sum()
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    sharp = -lap
    sharp[1, 1] += 1
    assert f"original: mean brightness {image[6:-6, 6:-6].mean():.3f}" in out
    for name, k, total in (("blur", blur, 1), ("sharpen", sharp, 1), ("edges", lap, 0)):
        y = correlate2d(image, k, "valid")
        c = k.shape[0] // 2
        line = (f"{name:>8}: kernel sum {total}, mean brightness {y.mean():.3f} (the same "
                f"pixels before: {image[c:-c, c:-c].mean():.3f}), spread {y.std():.3f}")
        assert line in out, line
    # blur lowers the spread, sharpen raises it
    assert correlate2d(image, blur, "valid").std() < image.std() < \
        correlate2d(image, sharp, "valid").std()


def test_operation_counts(nb):
    out = checked_output(nb, "direct_cost(512, 31)")
    assert 512**2 * 31**2 == 251_920_384
    assert "direct, 512² · 31²:       251,920,384 ≈ 2.5e+08" in out
    assert f"{482**2 * 31**2:,}" in out
    size = (512 + 31 - 1) ** 2
    fft = round(3 * size * math.log2(size) + size)
    assert f"FFT estimate, N = 542:   {fft:>12,} ≈ 1.6e+07" in out
    assert f"direct / FFT: {251_920_384 / fft:.1f}" in out


def _crossover(n):
    for k in range(1, n + 1):
        size = (n + k - 1) ** 2
        if 3 * size * math.log2(size) + size < n * n * k * k:
            return k


def test_crossover_table(nb):
    out = checked_output(nb, "cost_crossover(512)")
    for k in (3, 5, 7, 9, 15, 31):
        size = (512 + k - 1) ** 2
        fft = round(3 * size * math.log2(size) + size)
        direct = 512**2 * k**2
        assert f"{k:2d}  {direct:12,}  {fft:13,}   {'direct' if direct < fft else 'FFT'}" in out
    assert f"crossover by counting, n = 512: k = {_crossover(512)}" in out and _crossover(512) == 8
    assert f"n = 128 and 256: k = {_crossover(128)} and {_crossover(256)}" in out


def test_convolution_theorem(nb):
    out = checked_output(nb, "np.fft.fft(x, n_full)")
    rng = np.random.default_rng(7)
    x, h = rng.standard_normal(300), rng.standard_normal(40)
    full = fftconvolve(x, h)
    lhs = np.fft.rfft(full)
    rhs = np.fft.rfft(np.r_[x, np.zeros(39)]) * np.fft.rfft(np.r_[h, np.zeros(299)])
    assert np.abs(lhs - rhs).max() < 1e-9
    assert "length of the full convolution: 339 = 339" in out
    assert "zero-padded: True" in out and "max error below 1e-9: True" in out
    assert "inverse FFT of the product gives the convolution: True" in out
    circular = np.fft.irfft(np.fft.rfft(x) * np.fft.rfft(h, 300), 300)
    assert not np.allclose(circular, full[:300])
    assert "without the padding it matches: False" in out
    assert "conv2d by FFT equals conv2d direct on the photo: True" in out


def test_timings_are_shown_but_not_checked(nb):
    (cell,) = [c for c in code_cells(nb) if "conv_bench(" in c.source]
    assert CHECK not in cell.source, "timings vary: never under nbval"
    assert "IntProgress" in cell.source and "progress=" in cell.source
    text = text_of(cell)
    for method in ("python loops", "convlab direct", "convlab fft", "convlab auto"):
        assert method in text
    for row in ("  128     3×3", "  256   25×25"):
        assert row in text


def test_the_reading_of_the_timings_comes_from_the_timings(nb):
    """The sentences under the live table are printed from it, and agree with it."""
    (cell,) = [c for c in code_cells(nb) if "conv_bench(" in c.source]
    assert "timing_summary(shown)" in cell.source
    text = text_of(cell)
    times = {}  # (image, kernel, method) -> milliseconds, read back from the printed table
    methods = ["python loops", "convlab direct", "convlab fft", "convlab auto"]
    for line in text.splitlines():
        match = re.match(r"\s*(\d+)\s+(\d+)×\d+\s+(.*)$", line)
        if match:
            values = re.findall(r"~?([\d.]+) (ms|s) ×", match.group(3))
            assert len(values) == 4, line
            for method, (value, unit) in zip(methods, values):
                scale = 1000 if unit == "s" else 1
                times[int(match.group(1)), int(match.group(2)), method] = float(value) * scale
    assert len(times) == 6 * 4
    loops = {(n, k): times[n, k, "python loops"] / times[n, k, "convlab direct"]
             for n in (128, 256) for k in (3, 9, 25)}
    flat = " ".join(text.split())
    said = re.search(r"With a 3×3 kernel the Python loops took ([\d.]+)× to ([\d.]+)× as long as "
                     r"convlab direct, .*? \(([\d.]+)× to ([\d.]+)× over the whole table\)", flat)
    assert said, flat
    small = [loops[n, 3] for n in (128, 256)]
    # the table rounds to 0.01 ms, so allow some slack
    for got, want in zip(said.groups(), [min(small), max(small), min(loops.values()),
                                         max(loops.values())]):
        assert float(got) == pytest.approx(want, rel=0.1)
    for n in (128, 256):
        listed = re.search(rf"{n}×{n}: direct was faster for .*?, the FFT for (.*?) \(", flat)
        assert listed, flat
        said_fft = set() if listed.group(1) == "no kernel" else set(listed.group(1).split(", "))
        for k in (3, 9, 25):
            fft, direct = times[n, k, "convlab fft"], times[n, k, "convlab direct"]
            if fft != direct:  # equal after rounding: either reading is right
                assert (f"{k}×{k}" in said_fft) is (fft < direct), (n, k)
    prose = markdown_text(nb)
    assert "around a hundred times" not in prose and "vectorised with NumPy" not in prose
    assert "scipy.ndimage" in prose and "four ways" in prose


def test_figures_are_static_pictures(nb):
    """Figures are PNGs, not live canvases: the browser test treats live canvases as explorers."""
    pictures = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data:
                pictures += 1
                assert "application/vnd.jupyter.widget-view+json" not in data
    assert pictures == 4
