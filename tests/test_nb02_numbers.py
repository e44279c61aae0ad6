"""The numbers notebook 02 prints, checked against independent computations (numpy, scipy, hand)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal

from convlab.quiz.exercises import nb02 as kinds
from convlab.quiz.vectors import _SPECS

from .support import checked_cells, checked_text, read_notebook, text_of


@pytest.fixture(scope="module")
def checked() -> str:
    nb = read_notebook("02_flip_and_slide.ipynb")
    assert len(checked_cells(nb)) >= 3
    return checked_text(nb)


X = np.array([1, 2, 3, 4, 5])
H = np.array([1, 2, 3])


def test_flip_and_slide_by_hand(checked):
    padded = np.concatenate([[0, 0], X, [0, 0]])
    flipped = H[::-1]
    for k in range(7):
        window = padded[k : k + 3]
        terms = " + ".join(f"{a}×{b}" for a, b in zip(window, flipped))
        assert f"y[{k}] = {terms} = {int(window @ flipped)}" in checked
    assert "y[2] = 1×3 + 2×2 + 3×1 = 10" in checked  # the predicted value
    assert f"np.convolve(x, h): {np.convolve(X, H)}" in checked


def test_modes_and_their_lengths(checked):
    n, m = len(X), len(H)
    full = scipy.signal.convolve(X, H, "full")
    same = scipy.signal.convolve(X, H, "same")
    valid = scipy.signal.convolve(X, H, "valid")
    assert (len(full), len(same), len(valid)) == (n + m - 1, n, n - m + 1) == (7, 5, 3)
    assert f" full: {full}  length 7" in checked
    assert f" same: {same}  length 5" in checked
    assert f"valid: {valid}  length 3" in checked
    assert "N + M - 1 = 7  N = 5  N - M + 1 = 3" in checked


def test_unequal_lengths_and_library_difference(checked):
    a, b = np.array([1, 2, 3]), np.ones(5, dtype=int)
    assert f"full                {np.convolve(a, b)}" in checked
    assert len(np.convolve(a, b, "valid")) == abs(3 - 5) + 1
    assert f"valid               {np.convolve(a, b, 'valid')}" in checked
    numpy_same = np.convolve(a, b, "same")
    scipy_same = scipy.signal.convolve(a, b, "same")
    assert len(numpy_same) == max(3, 5) and len(scipy_same) == 3
    assert f"same, np.convolve   {numpy_same}" in checked
    assert f"same, scipy.signal  {scipy_same}" in checked
    assert f"same, convlab       {scipy_same}" in checked
    assert "length formulas hold for 144 pairs of lengths" in checked


def test_convolution_versus_correlation(checked):
    d = np.array([1, 0, -1])
    conv = np.convolve(X, d)
    corr = np.correlate(X, d, "full")
    assert np.array_equal(corr, -conv)  # flipping [1, 0, -1] negates it
    assert f"convolve(x, d)         {conv}" in checked
    assert f"correlate(x, d)        {corr}" in checked
    assert f"np.correlate(x, d)     {corr}" in checked
    # r[k] = sum_i x[i + k] d[i], by hand for every lag: the full array starts at k = -(M - 1)
    lags = range(-(len(d) - 1), len(X))
    by_definition = [sum(X[i + k] * d[i] for i in range(len(d)) if 0 <= i + k < len(X))
                     for k in lags]
    assert by_definition == corr.tolist() and by_definition[0] == X[0] * d[2] == -1
    assert f"lags k                 {np.array(list(lags))}" in checked
    sym = [1, 2, 1]
    assert f"[1, 2, 1] convolve: {np.convolve(X, sym)} correlate: " in checked
    assert np.array_equal(np.convolve(X, sym), np.correlate(X, sym, "full"))
    line = next(li for li in checked.splitlines() if li.startswith("[1, 2, 3] convolve"))
    assert line.endswith("equal: False")
    assert str(np.correlate(X, H, "full")) in line


def test_pattern_matching(checked):
    # seed 002 prints this array; the test vector is typed in from the seed
    seed = [0, 0, 0, 1, 4, 10, 16, 19, 16, 10, 4, 1, 0, 0]
    y = np.convolve([0, 0, 0, 1, 2, 3, 2, 1, 0, 0], [1, 2, 3, 2, 1])
    assert y.tolist() == seed
    assert f"np.convolve(signal_, pattern): {y}" in checked
    assert "peak 19 at output 7 - the window covers signal_[3:8] = [1 2 3 2 1]" in checked
    assert f"pattern @ pattern = {1 + 4 + 9 + 4 + 1}" in checked


def test_autocorrelation_and_hidden_pattern(checked):
    p = np.array([1, 2, 3, 2, 1])
    auto = np.correlate(p, p, "full")
    assert auto.tolist() == [1, 4, 10, 16, 19, 16, 10, 4, 1]
    assert f"autocorrelation of the pattern: {auto}" in checked
    rng = np.random.default_rng(2)
    noisy = rng.normal(0.0, 0.5, 30).round(2)
    noisy[17:22] += p
    scores = np.correlate(noisy, p, "valid")
    assert int(np.argmax(scores)) == 17
    assert f"best match at position 17 with score {scores.max().round(2)}" in checked


def test_integral_as_a_sum(checked):
    for dt, count in ((0.01, 100), (0.001, 1000)):
        # left Riemann sum of the triangle at t = 0.5: (count/2 + 1) overlapping samples
        value = (count // 2 + 1) * dt
        assert f"dt = {dt}: (f*g)(0.5) ≈ {value:.4f}, area ≈ 1.0000" in checked
    assert abs(0.51 - 0.5) > abs(0.501 - 0.5)  # the error shrinks with dt


@pytest.mark.parametrize(("grade_id", "kind"), [("nb02-ex-convolve_mode", "convolve_modes"),
                                                ("nb02-ex-cross_correlate", "correlate1d")])
def test_each_exercise_report_says_every_case_passed(grade_id, kind):
    nb = read_notebook("02_flip_and_slide.ipynb")
    cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    assert len(cells) == 1 and cells[0].metadata.nbgrader["solution"] is True
    assert "### BEGIN SOLUTION" in cells[0].source and "# NBVAL_CHECK_OUTPUT" in cells[0].source
    build = kinds.KINDS[kind].cases if kind in kinds.KINDS else _SPECS[kind][2]
    n = len(build())
    out = text_of(cells[0])
    assert out.startswith(f"{kind}:") and f"{n} of {n} cases passed." in out


def test_the_exercises_come_before_their_reveals():
    sources = [c.source for c in read_notebook("02_flip_and_slide.ipynb").cells]
    modes = next(i for i, s in enumerate(sources) if '"convolve_modes")' in s)
    corr = next(i for i, s in enumerate(sources) if '"correlate1d")' in s)
    assert modes < next(i for i, s in enumerate(sources) if "long_kernel, \"same\"" in s)
    assert corr < next(i for i, s in enumerate(sources) if "correlate(x, d)" in s)
