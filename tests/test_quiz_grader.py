"""check_implementation: right code passes, the classic bugs are caught, hangs are cut off."""

import os
import threading
import time

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

import convlab
from convlab.quiz import KINDS, check_implementation
from convlab.quiz.grader import _SPECS


# -- learners' functions --------------------------------------------------------------------------
def conv1d_loops(x, h):
    n, m = len(x), len(h)
    y = [0] * (n + m - 1)
    for i in range(n):
        for j in range(m):
            y[i + j] += x[i] * h[j]
    return y


def correlate2d_loops(x, h):  # a deep-learning convolution2D, written out
    kh, kw = h.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i : i + kh, j : j + kw] * h)
    return out


class Conv2D:
    """A textbook Conv2D class, bug included: both window axes use len(self.kernel)."""

    def __init__(self, kernel, stride, padding):
        self.kernel, self.stride, self.padding = kernel, stride, padding

    def forward(self, in_matrix):
        i_w, i_h = in_matrix.shape
        k_w, k_h = self.kernel.shape
        p = self.padding
        padded = np.pad(in_matrix, ((p, p), (p, p)), mode="constant", constant_values=0)
        o_h = ((i_h + 2 * p - k_h) // self.stride) + 1
        o_w = ((i_w + 2 * p - k_w) // self.stride) + 1
        out = np.ones((o_w, o_h))
        for i in range(o_w):
            for j in range(o_h):
                o_i, o_j = i * self.stride, j * self.stride
                sub = padded[o_i : o_i + len(self.kernel), o_j : o_j + len(self.kernel)]
                out[i, j] = np.sum(np.multiply(sub, self.kernel))
        return out


class Conv2DFixed(Conv2D):
    def forward(self, in_matrix):
        kh, kw = self.kernel.shape
        p = self.padding
        padded = np.pad(in_matrix, p)
        oh = (in_matrix.shape[0] + 2 * p - kh) // self.stride + 1
        ow = (in_matrix.shape[1] + 2 * p - kw) // self.stride + 1
        out = np.zeros((oh, ow))
        for i in range(oh):
            for j in range(ow):
                a, b = i * self.stride, j * self.stride
                out[i, j] = np.sum(padded[a : a + kh, b : b + kw] * self.kernel)
        return out


# -- the test vectors themselves ------------------------------------------------------------------
def test_course_vectors_are_in_the_cases():
    conv1 = _SPECS["convolve1d"][2]()
    assert conv1[0].expected.tolist() == [6, 19, 40, 70, 110, 114, 106, 85, 50]
    conv2 = _SPECS["correlate2d"][2]()
    assert conv2[0].expected.tolist() == [[6, 8], [12, 14]]
    names = [c.name for c in conv2]
    assert any("1×3" in n for n in names) and any("3×1" in n for n in names)


@pytest.mark.parametrize("kind", ["convolve1d", "correlate1d", "correlate2d", "convolve2d"])
def test_expected_values_agree_with_the_engine(kind):
    engine = {
        "convolve1d": lambda x, h: convlab.convolve(x, h, "full"),
        "correlate1d": lambda x, h: convlab.correlate(x, h, "valid"),
        "correlate2d": lambda x, h: convlab.correlate(x, h, "valid"),
        "convolve2d": lambda x, h: convlab.convolve(x, h, "valid"),
    }[kind]
    for case in _SPECS[kind][2]():
        np.testing.assert_allclose(engine(*case.args), case.expected, rtol=1e-12, atol=1e-12)


def test_output_size_cases_by_hand():
    cases = {c.args: c.expected for c in _SPECS["output_size"][2]()}
    assert cases[(5, 3, 1, 0)] == 3
    assert cases[(224, 7, 2, 3)] == 112
    assert cases[(6, 3, 2, 0)] == 2
    assert cases[(32, 5, 1, 2)] == 32


# -- correct implementations pass -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "fn"),
    [
        ("convolve1d", np.convolve),
        ("convolve", conv1d_loops),
        ("conv1d", lambda x, h: np.correlate(x, h, "valid")),
        ("convolve1d", lambda x, h: np.convolve(h, x)),
        ("correlate1d", lambda x, h: np.correlate(x, h, "valid")),
        ("conv2d", correlate2d_loops),
        ("conv2d", lambda x, h: correlate2d(x, h, "valid")),
        ("correlate2d", lambda x, h: Conv2DFixed(h, 1, 0).forward(x)),
        ("convolve2d", lambda x, h: convolve2d(x, h, "valid")),
        ("output_size", lambda n, k, s, p: (n + 2 * p - k) // s + 1),
        ("output_size", lambda n, k, s, p: int(np.floor((n + 2 * p - k) / s)) + 1),
    ],
)
def test_correct_implementations_pass(kind, fn):
    report = check_implementation(fn, kind)
    assert report.ok, str(report)
    assert report.first_failure is None and len(report.passed) == len(report.results) >= 6
    assert "All cases passed" in str(report)


# -- classic bugs are caught ----------------------------------------------------------------------
def test_square_window_conv2d_fails_on_non_square_kernels():
    report = check_implementation(lambda x, h: Conv2D(h, 1, 0).forward(x), "conv2d")
    assert not report.ok
    by_name = {r.name: r for r in report.results}
    assert by_name["3×3 of 1..9 with [[0, 1], [1, 0]]"].passed  # square: fine
    first = report.first_failure
    assert first.name == "1×3 kernel (non-square)" and first.status == "failed"
    assert first.args[1].shape == (1, 3)
    assert not np.allclose(first.got, first.expected)
    assert not by_name["3×1 kernel (non-square)"].passed
    text = str(report)
    assert "First counterexample (1×3 kernel (non-square))" in text
    assert "expected" in text and "got" in text
    assert "<table>" in report._repr_html_()


def test_missing_flip_is_caught():
    report = check_implementation(lambda x, h: np.correlate(x, h, "full"), "convolve1d")
    assert not report.ok
    assert report.first_failure.name == "[1..5] * [6..10]"
    # correlating [1..5] with [6..10] starts with 1*10, not 1*6
    assert report.first_failure.message == "wrong value at index 0: expected 6, got 10"
    flipped = check_implementation(lambda x, h: convolve2d(x, h, "valid"), "conv2d")
    assert not flipped.ok


def test_wrong_length_and_missing_return():
    short = check_implementation(lambda x, h: np.convolve(x, h, "same"), "convolve1d")
    assert "expected shape" in short.first_failure.message

    def forgot_return(x, h):
        np.convolve(x, h)

    report = check_implementation(forgot_return, "convolve1d")
    assert all(r.status == "failed" for r in report.results)
    assert "return" in report.first_failure.message


def test_output_size_without_floor():
    report = check_implementation(lambda n, k, s, p: (n + 2 * p - k) / s + 1, "output_size")
    assert not report.ok
    assert report.first_failure.message == "expected 112, got 112.5"


def test_raising_function_is_reported_not_raised():
    def broken(x, h):
        return x[100]

    report = check_implementation(broken, "convolve1d")
    assert not report.ok
    assert all(r.status == "raised" for r in report.results)
    assert "IndexError" in report.first_failure.message
    assert "broken" in report.first_failure.message  # where it happened


def test_system_exit_and_hard_exit_are_contained():
    import sys

    report = check_implementation(lambda x, h: sys.exit(3), "convolve1d")
    assert report.results[0].status == "raised" and "SystemExit" in report.results[0].message

    def die(x, h):
        os._exit(1)

    report = check_implementation(die, "convolve1d")
    assert report.results[0].status == "crashed"
    assert len(report.results) == 9  # it went on after each crash


def test_hanging_function_returns_within_the_time_limit():
    def hang(x, h):
        while True:
            pass

    start = time.monotonic()
    report = check_implementation(hang, "conv2d", timeout=0.3)
    elapsed = time.monotonic() - start
    assert elapsed < 5, elapsed
    statuses = [r.status for r in report.results]
    assert statuses[:2] == ["timeout", "timeout"] and set(statuses[2:]) == {"skipped"}
    assert "did not finish within 0.3 s" in report.first_failure.message


def test_hang_only_on_one_case_keeps_the_others():
    def slow_on_1x1(x, h):
        if h.shape == (1, 1):
            while True:
                pass
        return correlate2d(x, h, "valid")

    report = check_implementation(slow_on_1x1, "conv2d", timeout=0.5)
    statuses = {r.name: r.status for r in report.results}
    assert statuses["1×1 kernel"] == "timeout"
    assert sum(s == "passed" for s in statuses.values()) == len(statuses) - 1


def test_thread_isolation_also_respects_the_time_limit():
    release = threading.Event()

    def wait(x, h):
        release.wait(30)
        return np.convolve(x, h)

    try:
        start = time.monotonic()
        report = check_implementation(wait, "convolve1d", timeout=0.2, isolation="thread")
        assert time.monotonic() - start < 5
        assert report.results[0].status == "timeout"
    finally:
        release.set()
    report = check_implementation(np.convolve, "convolve1d", isolation="thread")
    assert report.ok


def test_learner_cannot_change_the_test_vectors():
    def vandal(x, h):
        x[:] = 0
        return np.convolve(x, h)

    check_implementation(vandal, "convolve1d", isolation="thread")
    assert _SPECS["convolve1d"][2]()[0].args[0].tolist() == [1, 2, 3, 4, 5]
    assert check_implementation(np.convolve, "convolve1d", isolation="thread").ok


def test_printing_learner_code_does_not_break_the_report(capfd):
    def chatty(x, h):
        print("debug", x)
        return np.convolve(x, h)

    assert check_implementation(chatty, "convolve1d").ok
    assert "debug" not in capfd.readouterr().out


def test_argument_checks():
    assert {"convolve1d", "conv2d", "output_size", "correlate1d", "correlate2d"} <= set(KINDS)
    with pytest.raises(ValueError, match="kind must be one of"):
        check_implementation(np.convolve, "conv3d")
    with pytest.raises(TypeError, match="fn must be a function"):
        check_implementation("np.convolve", "convolve1d")
    with pytest.raises(ValueError, match="isolation"):
        check_implementation(np.convolve, "convolve1d", isolation="docker")


# -- weight_grad2d: the weight gradient of a one-channel layer (notebook 07's exercise) -------

def test_weight_gradient_kind_passes_the_correlation_of_x_with_grad_y():
    def grad(x, grad_y):  # dL/dk[a, b] = sum x[i + a, j + b] grad_y[i, j], written with scipy
        from scipy.signal import correlate2d

        return correlate2d(x, grad_y, mode="valid")

    report = check_implementation(grad, "weight_grad2d")
    assert len(report.passed) == len(report.results) == 7


def test_weight_gradient_kind_catches_a_flipped_or_transposed_gradient():
    from scipy.signal import convolve2d, correlate2d

    flipped = check_implementation(lambda x, g: convolve2d(x, g, mode="valid"), "weight_grad2d")
    assert flipped.failed
    assert any("not flipped" in r.name for r in flipped.failed)
    swapped = check_implementation(lambda x, g: correlate2d(x.T, g.T, mode="valid"),
                                   "weight_grad2d")
    assert any("non-square" in r.name for r in swapped.failed)
