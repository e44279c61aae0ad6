"""The numbers notebook 03 prints, checked against independent computations (numpy, scipy, seed)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal

from convlab.quiz.exercises import nb03 as kinds

from .support import NOTEBOOK_DIR, checked_cells, checked_text, read_notebook, text_of

# seed 004, typed in here: the sawtooth and its gaussian_kernel(size, sigma)
SAW = np.tile(np.linspace(-1, 1, 50), 4)


def seed_gaussian(size=21, sigma=3.0):
    t = np.linspace(-(size // 2), size // 2, size)
    g = np.exp(-(t**2) / (2 * sigma**2))
    return g / np.sum(g)


def rms(a, b):
    return float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))


@pytest.fixture(scope="module")
def checked() -> str:
    nb = read_notebook("03_smoothing_a_sawtooth.ipynb")
    assert len(checked_cells(nb)) >= 3
    return checked_text(nb)


def test_the_seed_sawtooth(checked):
    assert SAW.shape == (200,)
    assert "samples: 200  teeth: 4" in checked
    assert "same as np.tile(np.linspace(-1, 1, 50), 4): True" in checked
    assert f"drop: {SAW[50] - SAW[49]}" in checked and SAW[50] - SAW[49] == -2.0


def test_the_normalised_gaussian(checked):
    g = seed_gaussian()
    assert g.sum() == pytest.approx(1.0)
    assert "taps: 21  sum of the weights: 1.000000" in checked
    assert f"largest weight: {g.max().round(4)} at tap {g.argmax()}" in checked
    assert g.argmax() == 10 and round(float(g.max()), 3) == 0.133
    assert "symmetric: True" in checked
    assert f"outermost weights: {g[:3].round(5)}" in checked
    assert "a flat signal of 4s after smoothing: [4.]" in checked


def test_valid_mode_length_and_heights(checked):
    y = scipy.signal.convolve(SAW, seed_gaussian(), mode="valid")
    assert len(y) == 200 - 21 + 1 == 180
    assert "length: 180 = 200 - 21 + 1 = 180" in checked
    assert f"highest: {y.max():.3f}  lowest: {y.min():.3f}" in checked
    assert f"{y.max():.3f}" == "0.730"
    assert "y[0] is centred on x[10]: True" in checked
    assert y[0] == pytest.approx(SAW[:21] @ seed_gaussian())


def test_saving_twice_never_overwrites(checked):
    assert "smoothing_size21_sigma3.0_step0.svg\nsmoothing_size21_sigma3.0_step0-1.svg" in checked
    assert "an SVG file: True" in checked
    assert not list(NOTEBOOK_DIR.glob("*.svg")), "executing must leave no SVG behind"


def test_sigma_and_size(checked):
    for sigma in (1.0, 3.0, 8.0):
        smooth = np.convolve(SAW, seed_gaussian(51, sigma), "valid")
        assert f"sigma {sigma}: teeth reach ±{smooth.max():.3f}, {200 - 51 + 1} values" in checked
    y21 = np.convolve(SAW, seed_gaussian(21, 3.0), "valid")
    y51 = np.convolve(SAW, seed_gaussian(51, 3.0), "valid")
    diff = np.abs(y21[15 : 15 + len(y51)] - y51).max()
    assert diff < 1e-3
    assert f"largest difference, aligned by window centre: {diff.round(4)}" in checked
    assert f"size 5, sigma 10: {seed_gaussian(5, 10.0).round(3)}" in checked


def test_how_much_of_the_bell_a_window_cuts_off(checked):
    """Against the continuous bell: the mass beyond +-h is erfc(h / (sigma sqrt 2))."""
    import math

    nb = read_notebook("03_smoothing_a_sawtooth.ipynb")
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for size in (7, 9, 13):
        half = size // 2
        t = np.arange(-200, 201)
        bell = np.exp(-(t**2) / 8.0)
        cut = 1 - bell[np.abs(t) <= half].sum() / bell.sum()
        # the sampled bell's tail is close to the continuous one beyond half + 0.5
        assert cut == pytest.approx(math.erfc((half + 0.5) / (2 * math.sqrt(2))), abs=0.01)
        line = f"size {size:2} at sigma 2 reaches ±{half / 2:g} sigma and cuts off {cut:.1%}"
        assert line in checked
        assert f"{cut * 100:.1f} %" in prose
    assert "6\\sigma + 1" in prose


def test_box_versus_gaussian(checked):
    box = np.ones(21) / 21
    assert f"box:      teeth reach ±{np.convolve(SAW, box, 'valid').max():.3f}" in checked
    gauss = np.convolve(SAW, seed_gaussian(), "valid").max()
    assert f"Gaussian: teeth reach ±{gauss:.3f}" in checked
    assert np.convolve(SAW, box, "valid").max() < gauss


def test_noisy_chart_errors_drop(checked):
    # chart_trend and noisy_chart as documented: 0.5 t + sin(pi t) plus N(0, 0.4) noise, seed 0
    t = np.linspace(0.0, 4.0, 200)
    trend = 0.5 * t + np.sin(np.pi * t)
    noisy = trend + np.random.default_rng(0).normal(0.0, 0.4, size=200)
    before = rms(noisy, trend)
    gauss = rms(scipy.signal.convolve(noisy, seed_gaussian(), "valid"), trend[10:-10])
    box = rms(scipy.signal.convolve(noisy, np.ones(21) / 21, "valid"), trend[10:-10])
    assert before > gauss > box
    assert f"noisy chart:        error {before:.3f}" in checked
    assert f"Gaussian, sigma 3:  error {gauss:.3f}" in checked
    assert f"box of 21:          error {box:.3f}" in checked


@pytest.mark.parametrize("kind", ["gaussian_kernel", "moving_average"])
def test_each_exercise_report_says_every_case_passed(kind):
    nb = read_notebook("03_smoothing_a_sawtooth.ipynb")
    cells = [c for c in nb.cells
             if c.metadata.get("nbgrader", {}).get("grade_id") == f"nb03-ex-{kind}"]
    assert len(cells) == 1 and cells[0].metadata.nbgrader["solution"] is True
    assert "### BEGIN SOLUTION" in cells[0].source and "# NBVAL_CHECK_OUTPUT" in cells[0].source
    n = len(kinds.KINDS[kind].cases())
    out = text_of(cells[0])
    assert out.startswith(f"{kind}:") and f"{n} of {n} cases passed." in out


def test_the_exercises_come_before_the_smoothing_they_explain():
    sources = [c.source for c in read_notebook("03_smoothing_a_sawtooth.ipynb").cells]
    gauss = next(i for i, s in enumerate(sources) if '"gaussian_kernel")' in s)
    box = next(i for i, s in enumerate(sources) if '"moving_average")' in s)
    assert gauss < next(i for i, s in enumerate(sources) if "y = np.convolve(x, h" in s)
    assert box < next(i for i, s in enumerate(sources) if "box21 = " in s)
