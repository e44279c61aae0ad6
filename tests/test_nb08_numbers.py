"""Notebook 08 (applications, cost and the frequency view) teaches numbers: each checked output
is recomputed here, independently of convlab (enumeration, scipy, closed forms, sums by hand)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from scipy.signal import convolve2d, fftconvolve

from convlab import random_image

from .support import CHECK, checked_output, code_cells, markdown_text, read_notebook, text_of


@pytest.fixture(scope="module")
def nb():
    return read_notebook("08_applications_and_cost.ipynb")


def _gaussian(size, sigma):
    j = np.arange(size) - size // 2
    g = np.exp(-(j**2) / (2 * sigma**2))
    return g / g.sum()


def _dirichlet(f, taps):
    """|sin(Lπf) / (L sin πf)|, the box's response in closed form."""
    return abs(math.sin(taps * math.pi * f) / (taps * math.sin(math.pi * f)))


# -- 1. dice ----------------------------------------------------------------------------------


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
    mean = Fraction(sum(s * w for s, w in ways.items()), 216)
    variance = Fraction(sum((s - mean) ** 2 * w for s, w in ways.items()), 216)
    assert mean == Fraction(21, 2) and variance == 3 * Fraction(35, 12) == Fraction(35, 4)
    assert "mean: 10.5  variance: 8.75 = 3 × 35/12" in out


# -- 2. properties ----------------------------------------------------------------------------


def _conv(a, b):
    """Full convolution written out: y[k] = Σ a[i] b[k - i]."""
    return [sum(a[i] * b[k - i] for i in range(len(a)) if 0 <= k - i < len(b))
            for k in range(len(a) + len(b) - 1)]


def test_linearity_and_shift(nb):
    out = checked_output(nb, "a * x1 + b * x2")
    x1, x2, h = [1, 2, 0, -1], [0, 3, 1, 2], [1, -2, 1]
    lin = _conv([3 * u - 2 * v for u, v in zip(x1, x2)], h)
    assert lin == [3 * u - 2 * v for u, v in zip(_conv(x1, h), _conv(x2, h))]
    assert out.count(str(np.array(lin))) == 2
    delayed = _conv([0, 0, *x1], h)
    assert delayed == [0, 0, *_conv(x1, h)]
    assert out.count(str(np.array(delayed))) == 2


def test_commutative_and_associative(nb):
    out = checked_output(nb, "np.convolve(np.convolve(x1, g), h)")
    x1, g, h = [1, 2, 0, -1], [1, 2, 1], [1, -2, 1]
    assert _conv(x1, h) == _conv(h, x1)
    assert out.count(str(np.array(_conv(x1, h)))) == 2
    both = _conv(_conv(x1, g), h)
    assert both == _conv(x1, _conv(g, h))
    assert out.count(str(np.array(both))) == 2
    assert f"with g * h = {np.array(_conv(g, h))}" in out


def test_impulse_response(nb):
    out = checked_output(nb, "impulse = np.array([0, 0, 1, 0, 0])")
    assert _conv([0, 0, 1, 0, 0], [1, 2, 3]) == [0, 0, 1, 2, 3, 0, 0]
    assert "impulse * [1, 2, 3] = [0 0 1 2 3 0 0]" in out
    assert out.count(str(np.array(_conv([1, 2, 0, -1], [1, -2, 1])))) == 2


# -- 3. the frequency view --------------------------------------------------------------------


def test_a_wave_comes_out_scaled_by_the_gain(nb):
    out = checked_output(nb, "gain of the box at f = 0.05")
    gain = _dirichlet(0.05, 13)
    # the 'same' box on cos(2π · 0.05 t) at t = 100: the mean of 13 cosines, by hand
    by_hand = sum(math.cos(2 * math.pi * 0.05 * (100 + j)) for j in range(-6, 7)) / 13
    assert by_hand == pytest.approx(gain)
    assert f"amplitude in: 1, out: {gain:.4f}" in out
    assert f"gain of the box at f = 0.05: {gain:.4f}" in out


def test_side_lobe_heights(nb):
    out = checked_output(nb, "first_side_lobe(f, gain_box)")
    lobe = minimize_scalar(lambda f: -_dirichlet(f, 13), bounds=(1 / 13, 2 / 13),
                           method="bounded", options={"xatol": 1e-10})
    height = -lobe.fun
    assert f"height {height:.4f}" in out and round(height, 4) == 0.2216
    grid = np.arange(4097) / 8192  # the notebook's grid, rfftfreq(8192)
    inside = grid[(grid > 1 / 13) & (grid < 2 / 13)]
    f_grid = inside[np.argmax([_dirichlet(f, 13) for f in inside])]
    assert f"measured: f = {f_grid:.4f}, height {_dirichlet(f_grid, 13):.4f}" in out
    assert f"f = {lobe.x:.4f}, height {height:.4f}" in out
    sinc = minimize_scalar(lambda x: -abs(math.sin(math.pi * x) / (math.pi * x)),
                           bounds=(1, 2), method="bounded", options={"xatol": 1e-10})
    assert f"|sin(πx) / (πx)|:    height {-sinc.fun:.4f}" in out and round(-sinc.fun, 4) == 0.2172
    high = grid[grid >= 0.3]
    box_high = max(_dirichlet(f, 13) for f in high)
    g = _gaussian(13, 2.0)
    j = np.arange(13)
    gauss_high = max(abs(np.sum(g * np.exp(-2j * np.pi * f * j))) for f in high)
    assert f"box up to {box_high:.3f}, Gaussian up to {gauss_high:.4f}" in out
    prose = markdown_text(nb)
    assert "**0.2216**" in prose and "**0.2172**" in prose and "9 %" in prose
    assert round(box_high, 2) == 0.09


def test_the_side_lobe_flips_the_wave(nb):
    out = checked_output(nb, "np.polyfit(wave[50:-50], out, 1)")
    grid = np.arange(4097) / 8192
    inside = grid[(grid > 1 / 13) & (grid < 2 / 13)]
    f_lobe = inside[np.argmax([_dirichlet(f, 13) for f in inside])]
    # a centred symmetric kernel's response is real: Σ h_j cos(2π f j), j = -6 … 6
    j = np.arange(-6, 7)
    box = np.sum(np.cos(2 * np.pi * f_lobe * j)) / 13
    gauss = np.sum(_gaussian(13, 2.0) * np.cos(2 * np.pi * f_lobe * j))
    assert box < 0 < gauss
    assert f"     box: output = {box:+.4f} × input" in out
    assert f"Gaussian: output = {gauss:+.4f} × input" in out
    prose = markdown_text(nb)
    assert f"${box:+.4f}$".replace("+", "") in prose.replace("−", "-")
    assert f"${gauss:+.4f}$" in prose


def test_a_gaussian_transforms_to_a_gaussian(nb):
    out = checked_output(nb, "falloff_frequency(f, gain_gauss)")
    sigma_f = 1 / (2 * math.pi * 2.0)
    assert f"1 / (2πσ) for σ = 2:                {sigma_f:.4f}" in out
    g, j = _gaussian(13, 2.0), np.arange(13)
    gain = lambda f: abs(np.sum(g * np.exp(-2j * np.pi * f * j)))  # noqa: E731
    crossing = minimize_scalar(lambda f: abs(gain(f) - math.exp(-0.5)), bounds=(0.05, 0.12),
                               method="bounded", options={"xatol": 1e-10}).x
    assert f"gain = e^(-1/2) at f =    {crossing:.4f}" in out
    grid = np.arange(4097) / 8192
    gap = max(abs(gain(f) - math.exp(-(f**2) / (2 * sigma_f**2))) for f in grid)
    assert f"largest gap to exp(-f² / (2σ_f²)): {gap:.4f}" in out
    prose = markdown_text(nb)
    assert f"${sigma_f:.4f}$ against ${crossing:.4f}$" in prose


def test_the_explorer_has_its_own_cell_after_its_instructions(nb):
    cells = nb.cells
    (i,) = [k for k, c in enumerate(cells) if c.source == "FrequencyExplorer()"]
    assert cells[i].cell_type == "code" and "Try these" in cells[i - 1].source


# -- 4. why the theorem holds -----------------------------------------------------------------


def test_the_dft_evaluates_at_the_roots_of_unity(nb):
    out = checked_output(nb, "np.polyval(p[::-1], roots)")
    # p(t) = 1 + 2t + 3t² at 1, -i, -1, i, by hand
    values = [1 + 2 * w + 3 * w * w for w in (1, -1j, -1, 1j)]
    assert values == [6, -2 - 2j, 2, -2 + 2j]
    assert out.count("[ 6.+0.j -2.-2.j  2.+0.j -2.+2.j]") == 2
    assert "the same: True" in out


def test_interpolating_back_and_wrapping(nb):
    out = checked_output(nb, "values = np.fft.fft(p, n) * np.fft.fft(q, n)")
    assert _conv([1, 2, 3], [1, 1]) == [1, 3, 5, 3]
    assert "[1. 3. 5. 3.]" in out and "[1 3 5 3]" in out
    out = checked_output(nb, "np.fft.fft(p, 3) * np.fft.fft(q, 3)")
    # at a third root of unity t³ = 1: 1 + 3t + 5t² + 3t³ ≡ 4 + 3t + 5t²
    assert "n = 3: [4. 3. 5.]" in out and "onto 3 places: [4 3 5]" in out


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
    assert "2-D: conv2d by FFT equals conv2d direct: True" in out


# -- 5. the Laplacian's gain of 8 -------------------------------------------------------------


def test_the_checkerboard_times_minus_eight(nb):
    out = checked_output(nb, "board = (-1) ** np.add.outer")
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    board = np.array([[(-1) ** (i + j) for j in range(6)] for i in range(6)])
    got = convolve2d(board, lap, mode="valid")
    assert np.array_equal(got, -8 * board[1:-1, 1:-1])
    assert str(got[:3, :3])[1:] in out
    assert "= −8 × checkerboard: True" in out
    assert -4 + 2 * math.cos(math.pi) + 2 * math.cos(math.pi) == -8
    assert "closed form at (½, ½): -8.0" in out
    # the largest |H| over a fine grid of (fx, fy), from the cosine formula
    fs = np.linspace(-0.5, 0.5, 101)
    assert np.abs(-4 + 2 * np.cos(2 * np.pi * fs)[:, None] + 2 * np.cos(2 * np.pi * fs)).max() == 8
    assert "frequency_response at (½, ½): 8.0  largest gain anywhere: 8.0" in out


def test_the_spread_grows_towards_eight(nb):
    out = checked_output(nb, "spread multiplied per layer")
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=float)
    maps = [random_image().astype(float)]
    for _ in range(12):
        maps.append(convolve2d(maps[-1], lap, mode="valid"))
    growth = np.round([b.std() / a.std() for a, b in itertools.pairwise(maps)], 2)
    assert f"spread multiplied per layer: {growth}" in out
    assert growth[0] == pytest.approx(math.sqrt(20), abs=0.1) and all(growth < 8)
    assert f"{growth[-1]:.2f} by the" in markdown_text(nb)


# -- 6. cost ----------------------------------------------------------------------------------


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


def test_1d_counts(nb):
    out = checked_output(nb, "cost_crossover_1d(n_samples)")
    n = 100_000
    for m in (4, 16, 64, 256, 1024, 4096):
        size = n + m - 1
        fft = round(3 * size * math.log2(size) + size)
        assert f"{m:5d}  {n * m:12,}  {fft:13,}   {'direct' if n * m < fft else 'FFT'}" in out
    first = next(m for m in range(1, n) if 3 * (n + m - 1) * math.log2(n + m - 1)
                 + (n + m - 1) < n * m)
    assert f"N = 100,000: M = {first}" in out and first == 51
    assert "from 51 taps on" in markdown_text(nb)


def test_timings_are_shown_but_not_checked(nb):
    for needle in ("conv_bench(", "conv1d_bench("):
        (cell,) = [c for c in code_cells(nb) if needle in c.source]
        assert CHECK not in cell.source, "timings vary: never under nbval"
        assert "IntProgress" in cell.source and "progress=" in cell.source
    (cell,) = [c for c in code_cells(nb) if "conv_bench(" in c.source]
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
    assert "scipy.ndimage" in prose and "four ways" in prose


def test_the_1d_crossover_sentence_comes_from_the_1d_table(nb):
    (cell,) = [c for c in code_cells(nb) if "conv1d_bench(" in c.source]
    assert "crossover_summary_1d(rows1d)" in cell.source
    text = text_of(cell)
    wins = {}
    for m, direct, fft in re.findall(r"(\d+) taps: np.convolve\s+([\d.]+) ms\s+fftconvolve\s+"
                                     r"([\d.]+) ms", text):
        wins[int(m)] = float(fft) < float(direct)
    assert sorted(wins) == [4, 16, 64, 256, 1024, 4096]
    flat = " ".join(text.split())
    assert "With 100,000 samples" in flat and "predicts 51" in flat
    ms = sorted(wins)
    first = next((i for i in range(len(ms)) if all(wins[m] for m in ms[i:])), None)
    if first is not None and first > 0:
        assert f"from between {ms[first - 1]:,} and {ms[first]:,} taps on" in flat


# -- the edition's shape ------------------------------------------------------------------------


def test_every_exercise_report_passes(nb):
    graded = [c for c in code_cells(nb) if "nbgrader" in c.metadata]
    ids = [c.metadata.nbgrader["grade_id"] for c in graded]
    assert ids == ["nb08-ex-dice", "nb08-ex-magnitude", "nb08-ex-fft-convolve"]
    for cell in graded:
        assert cell.source.startswith(CHECK) and "### BEGIN SOLUTION" in cell.source
        assert "All cases passed." in text_of(cell), cell.source


def test_each_predict_has_its_card_next(nb):
    cells = nb.cells
    names = []
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown" and "**Predict:**" in cell.source:
            card = cells[i + 1]
            match = re.fullmatch(r'predict\("([a-z0-9-]+)"\)', card.source)
            assert card.cell_type == "code" and match, cell.source
            names.append(match.group(1))
    assert names == ["two-dice", "three-dice", "impulse", "leak", "wrap", "checkerboard",
                     "madds", "crossover", "loops"]
    assert sum("answer" in c.metadata.get("tags", []) for c in cells) >= len(names)


def test_figures_are_static_pictures(nb):
    """Figures are PNGs, not live canvases; the explorer is the one live widget with a picture."""
    pictures = 0
    for cell in code_cells(nb):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data:
                if cell.source == "FrequencyExplorer()":
                    continue
                pictures += 1
                assert "application/vnd.jupyter.widget-view+json" not in data
    assert pictures == 3
