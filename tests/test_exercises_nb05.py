"""Notebook 05's grader kinds: right answers pass, typical wrong ones fail with a
counterexample, a stub is "not written yet" (and the expected values are checked by hand)."""

from __future__ import annotations

import numpy as np
import pytest

from convlab.quiz import check_implementation
from convlab.quiz.exercises import nb05
from convlab.quiz.vectors import KINDS

OWN = ("max_pool2d", "conv_transpose1d", "conv_matrix1d")


def test_the_kinds_are_registered_and_have_enough_cases():
    for kind in OWN:
        assert kind in KINDS
        cases = nb05.KINDS[kind].cases()
        assert 6 <= len(cases) <= 10, kind
        assert len({c.name for c in cases}) == len(cases), kind


# -- max pooling -------------------------------------------------------------------------------

def pool_by_loops(x, size):
    rows, cols = len(x) // size, len(x[0]) // size
    return np.array([[max(x[i * size + a][j * size + b] for a in range(size) for b in range(size))
                      for j in range(cols)] for i in range(rows)])


def test_max_pool_expected_values_by_hand():
    cases = {c.name: c for c in nb05.KINDS["max_pool2d"].cases()}
    assert cases["4×4 with 2×2 windows"].expected.tolist() == [[7, 8], [9, 8]]
    five = cases["5×5 with 2×2 windows: the last row and column are dropped"]
    assert five.expected.tolist() == [[6, 8], [16, 18]]  # blocks' bottom-right corners
    assert cases["one window as large as the input"].expected.tolist() == [[9]]


def test_max_pool_right_answers_pass():
    assert check_implementation(pool_by_loops, "max_pool2d").ok
    from numpy.lib.stride_tricks import sliding_window_view

    def by_windows(x, size):
        return sliding_window_view(x, (size, size))[::size, ::size].max(axis=(2, 3))

    assert check_implementation(by_windows, "max_pool2d").ok


def test_max_pool_wrong_answers_fail():
    # overlapping windows (stride 1)
    from numpy.lib.stride_tricks import sliding_window_view

    report = check_implementation(
        lambda x, size: sliding_window_view(x, (size, size)).max(axis=(2, 3)), "max_pool2d")
    assert not report.ok and "shape" in report.first_failure.message
    # rounding up instead of dropping the leftovers
    def ceil_pool(x, size):
        rows, cols = -(-x.shape[0] // size), -(-x.shape[1] // size)
        return np.array([[x[i * size:(i + 1) * size, j * size:(j + 1) * size].max()
                          for j in range(cols)] for i in range(rows)])

    report = check_implementation(ceil_pool, "max_pool2d")
    assert not report.ok
    assert report.first_failure.name.startswith("5×5")
    # average instead of max
    report = check_implementation(
        lambda x, s: x[:len(x) // s * s, :x.shape[1] // s * s]
        .reshape(len(x) // s, s, -1, s).mean(axis=(1, 3)), "max_pool2d")
    assert not report.ok and "wrong value" in report.first_failure.message


# -- transposed convolution ---------------------------------------------------------------------

def stamps_by_full_convolution(x, k, stride):
    """Insert stride - 1 zeros between samples, then full true convolution (the flip of
    a flipped kernel is the kernel)."""
    up = np.zeros((len(x) - 1) * stride + 1, dtype=np.result_type(x, k))
    up[::stride] = x
    return np.convolve(up, k)


def test_conv_transpose_expected_values_by_hand():
    cases = {c.name: c for c in nb05.KINDS["conv_transpose1d"].cases()}
    # [1, 2, 3] with [1, 1, 1], stride 2: stamps at 0, 2, 4 overlap at 2 and 4
    assert cases["stride 2, stamps overlap by one"].expected.tolist() == [1, 1, 3, 2, 5, 3, 3]
    gaps = cases["stride larger than the kernel leaves gaps of zeros"].expected
    assert gaps.tolist() == [1, 1, 0, 2, 2]
    assert cases["length-1 kernel: zeros inserted between samples"].expected.tolist() == [
        2, 0, 0, 4, 0, 0, 6]


def test_conv_transpose_right_answers_pass():
    assert check_implementation(stamps_by_full_convolution, "conv_transpose1d").ok

    def one_line(x, k, stride):
        return sum(np.pad(x[i] * k, (i * stride, (len(x) - 1 - i) * stride))
                   for i in range(len(x)))

    assert check_implementation(one_line, "conv_transpose1d").ok
    # stride may be keyword-only, as in convlab.conv_transpose1d
    assert check_implementation(lambda x, k, *, stride: stamps_by_full_convolution(x, k, stride),
                                "conv_transpose1d").ok


def test_conv_transpose_wrong_answers_fail():
    # stamps the flipped kernel (a true-convolution habit)
    report = check_implementation(
        lambda x, k, s: stamps_by_full_convolution(x, k[::-1], s), "conv_transpose1d")
    assert not report.ok and report.first_failure.name == "asymmetric kernel (no flip)"
    # forgets the stride: a full convolution whatever the stride
    report = check_implementation(lambda x, k, s: np.convolve(x, k), "conv_transpose1d")
    assert not report.ok and "shape" in report.first_failure.message


# -- the convolution matrix ---------------------------------------------------------------------

def matrix_by_rows(n, k):
    m = len(k)
    c = np.zeros((n - m + 1, n), dtype=np.asarray(k).dtype)
    for i in range(n - m + 1):
        c[i, i:i + m] = k
    return c


def test_conv_matrix_expected_values_by_hand():
    cases = {c.name: c for c in nb05.KINDS["conv_matrix1d"].cases()}
    assert cases["n = 4, k = [1, 2, 3]"].expected.tolist() == [[1, 2, 3, 0], [0, 1, 2, 3]]
    assert cases["asymmetric kernel (no flip): n = 5, k = [3, 1]"].expected[0].tolist() == [
        3, 1, 0, 0, 0]
    # and C @ x is the valid correlation, for every case
    rng = np.random.default_rng(5)
    for case in cases.values():
        n, k = case.args
        x = rng.integers(-5, 6, size=n)
        assert np.allclose(case.expected @ x, np.correlate(x, k, "valid"))


def test_conv_matrix_right_answers_pass():
    assert check_implementation(matrix_by_rows, "conv_matrix1d").ok
    assert check_implementation(
        lambda n, k: np.array([np.pad(k, (i, n - len(k) - i)) for i in range(n - len(k) + 1)]),
        "conv_matrix1d").ok


def test_conv_matrix_wrong_answers_fail():
    # the flipped kernel in every row (true convolution's matrix)
    report = check_implementation(lambda n, k: matrix_by_rows(n, k[::-1]), "conv_matrix1d")
    assert not report.ok and "wrong value" in report.first_failure.message
    # the transpose
    report = check_implementation(lambda n, k: matrix_by_rows(n, k).T, "conv_matrix1d")
    assert not report.ok and "shape" in report.first_failure.message


# -- every kind: a stub is "not written yet", never a traceback ----------------------------------

def _stub_x_size(x, size):
    raise NotImplementedError()


def _stub_x_k_stride(x, k, stride):
    raise NotImplementedError()


def _stub_n_k(n, k):
    raise NotImplementedError()


@pytest.mark.parametrize("kind, stub", [
    ("max_pool2d", _stub_x_size),
    ("conv_transpose1d", _stub_x_k_stride),
    ("conv_matrix1d", _stub_n_k),
])
def test_a_stub_is_not_written_yet(kind, stub):
    report = check_implementation(stub, kind)
    assert not report.ok and not report.passed
    text = str(report)
    assert "not written yet" in text.lower() and "Traceback" not in text


def test_a_wrong_signature_is_a_message():
    report = check_implementation(lambda x: x, "conv_transpose1d")
    assert not report.ok and "cannot be called as fn(x, k, stride)" in str(report)


def test_convlabs_own_functions_pass_the_kinds_named_after_them():
    import convlab

    assert check_implementation(convlab.max_pool2d, "max_pool2d").ok
    assert check_implementation(convlab.conv_transpose1d, "conv_transpose1d").ok
    assert check_implementation(lambda n, k: convlab.conv_matrix(n, k), "conv_matrix1d").ok
