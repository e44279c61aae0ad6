"""convlab.separable against numpy: ranks by numpy.linalg.matrix_rank, factors by outer
products built by hand, and the speed-up sentence on numbers given here (no timing decides
a result)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import correlate2d

from convlab.separable import (
    TimingRow,
    format_timings,
    kernel_rank,
    separable_factors,
    separable_timings,
    singular_values,
    speedup_sentence,
)

LAPLACIAN = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])


def _gauss(size, sigma):
    t = np.arange(size) - size // 2
    g = np.exp(-(t**2) / (2 * sigma**2))
    return g / g.sum()


KERNELS = {
    "box 3×3": np.full((3, 3), 1 / 9),
    "box 5×4": np.ones((5, 4)),
    "Gaussian 7×7": np.outer(_gauss(7, 1.5), _gauss(7, 1.5)),
    "Sobel x": SOBEL_X,
    "Laplacian": LAPLACIAN,
    "identity 3×3": np.eye(3),
    "random 4×6": np.random.default_rng(0).normal(size=(4, 6)),
    "random rank 2": np.outer([1, 2, 3], [1, 0, 2]) + np.outer([0, 1, 0], [3, 1, 1]),
    "1×5 row": np.array([[1.0, 2, 3, 2, 1]]),
}


@pytest.mark.parametrize("name", list(KERNELS))
def test_rank_matches_numpy(name):
    k = KERNELS[name]
    assert kernel_rank(k) == np.linalg.matrix_rank(k)


def test_the_course_ranks_by_hand():
    assert kernel_rank(LAPLACIAN) == 2  # centre row/column differ from the corners' pattern
    assert kernel_rank(SOBEL_X) == 1
    assert kernel_rank(np.zeros((3, 3))) == 0
    np.testing.assert_allclose(singular_values(LAPLACIAN),
                               np.linalg.svd(LAPLACIAN.astype(float), compute_uv=False))
    # The Laplacian's singular values are 2 ± sqrt(6) in size and 0: rank 2.
    np.testing.assert_allclose(singular_values(LAPLACIAN), [2 + 6**0.5, 6**0.5 - 2, 0],
                               atol=1e-12)


@pytest.mark.parametrize("name", [n for n in KERNELS if np.linalg.matrix_rank(KERNELS[n]) == 1])
def test_factors_rebuild_the_kernel(name):
    k = KERNELS[name]
    column, row = separable_factors(k)
    assert column.shape == (k.shape[0],) and row.shape == (k.shape[1],)
    np.testing.assert_allclose(np.outer(column, row), k, atol=1e-12)
    assert np.linalg.norm(column) == pytest.approx(np.linalg.norm(row))
    assert column[np.argmax(np.abs(column))] > 0


def test_factors_of_the_course_kernels():
    column, row = separable_factors(np.full((3, 3), 1 / 9))
    np.testing.assert_allclose(column, [1 / 3] * 3)
    np.testing.assert_allclose(row, [1 / 3] * 3)
    g = _gauss(9, 2.0)
    column, row = separable_factors(np.outer(g, g))
    np.testing.assert_allclose(column, g, atol=1e-14)
    np.testing.assert_allclose(row, g, atol=1e-14)
    column, row = separable_factors(SOBEL_X)
    np.testing.assert_allclose(column / column[0], [1, 2, 1])
    np.testing.assert_allclose(row / row[2], [-1, 0, 1], atol=1e-14)


@pytest.mark.parametrize("name", ["Laplacian", "identity 3×3", "random 4×6", "random rank 2"])
def test_rank_above_one_is_refused(name):
    rank = np.linalg.matrix_rank(KERNELS[name])
    with pytest.raises(ValueError, match=f"k has rank {rank}, so it is not the outer product"):
        separable_factors(KERNELS[name])


def test_tolerance_decides_what_counts_as_zero():
    k = np.outer([1, 2, 3], [1, 1, 1]) + 1e-8 * np.eye(3)
    assert kernel_rank(k) == 3
    assert kernel_rank(k, tol=1e-6) == 1
    column, row = separable_factors(k, tol=1e-6)
    np.testing.assert_allclose(np.outer(column, row), k, atol=1e-7)
    np.testing.assert_array_equal(separable_factors(np.zeros((2, 3)))[1], np.zeros(3))


@pytest.mark.parametrize(
    ("k", "tol", "error", "words"),
    [
        ([1, 2, 3], 1e-10, ValueError, "k must be 2-D"),
        ("abc", 1e-10, TypeError, "k must hold real numbers"),
        ([[1, np.nan]], 1e-10, ValueError, "k must not contain NaN"),
        ([[1, 2]], 0, ValueError, "tol must be a finite number above 0"),
        ([[1, 2]], 1.5, ValueError, "tol must be below 1"),
        ([[1, 2]], "x", TypeError, "tol must be a real number"),
    ],
)
def test_bad_input_names_the_argument(k, tol, error, words):
    for fn in (kernel_rank, separable_factors):
        with pytest.raises(error, match=words):
            fn(k, tol=tol)


def test_two_passes_equal_the_2d_kernel_in_the_timing():
    """What the timing compares computes the same thing (checked with scipy here)."""
    x = np.random.default_rng(1).random((30, 25))
    g = _gauss(5, 1.0)
    two_d = correlate2d(x, np.outer(g, g), mode="same")
    passes = correlate2d(correlate2d(x, g[None, :], mode="same"), g[:, None], mode="same")
    np.testing.assert_allclose(two_d, passes, atol=1e-14)
    rows = separable_timings(x, sizes=(3, 5), repeat=1)
    assert [(r.size, r.ops_2d, r.ops_separable) for r in rows] == [(3, 9, 6), (5, 25, 10)]
    assert all(r.seconds_2d > 0 and r.seconds_separable > 0 for r in rows)


@pytest.mark.parametrize(
    ("sizes", "repeat", "error", "words"),
    [((4,), 1, ValueError, "sizes must be odd"), ((3,), 0, ValueError, "repeat"),
     (3, 1, TypeError, "sizes must be a sequence")],
)
def test_timing_bad_input(sizes, repeat, error, words):
    with pytest.raises(error, match=words):
        separable_timings(np.ones((8, 8)), sizes=sizes, repeat=repeat)


def test_sentence_from_given_numbers():
    rows = [TimingRow(15, 225, 30, 0.0077, 0.0014), TimingRow(3, 9, 6, 0.0006, 0.0009),
            TimingRow(31, 961, 62, 0.0500, 0.0025)]
    text = speedup_sentence(rows)
    assert text.startswith("Measured here: for the 31×31 kernel the two passes were 20.0 times")
    assert "(the count predicts 15.5)" in text  # 31 / 2
    assert "At 3×3 they were not faster (0.7 times)" in text  # 0.6 / 0.9
    assert "15×15" not in text


def test_sentence_says_when_the_measurement_departs_from_the_count():
    fast = speedup_sentence([TimingRow(31, 961, 62, 0.116, 0.003)])  # 38.7 against 15.5
    assert "38.7 times as fast" in fast and "more than the count predicts" in fast
    slow = speedup_sentence([TimingRow(31, 961, 62, 0.030, 0.003)])  # 10.0 against 15.5
    assert "less than the count predicts" in slow
    near = speedup_sentence([TimingRow(31, 961, 62, 0.045, 0.003)])  # 15.0 against 15.5
    assert "count predicts 15.5)." in near and "than the count predicts" not in near


def test_sentence_when_every_size_wins():
    text = speedup_sentence([TimingRow(7, 49, 14, 0.003, 0.001)])
    assert "were 3.0 times as fast" in text and "(the count predicts 3.5)" in text
    assert text.endswith("faster at every size measured.")
    with pytest.raises(ValueError, match="at least one"):
        speedup_sentence([])


def test_table_from_given_numbers():
    table = format_timings([TimingRow(31, 961, 62, 0.05, 0.0025)]).splitlines()
    assert table[1].split() == ["31×31", "961", "62", "50.00", "2.50", "20.0×", "15.5"]
