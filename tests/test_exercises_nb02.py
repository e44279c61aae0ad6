"""Notebook 02's grader kinds: a correct function written here passes, typical mistakes fail."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal

from convlab.quiz import check_implementation
from convlab.quiz.exercises import nb02


def slide(x, h, left, right):
    """Flip h and slide it along x padded with left and right zeros, by plain loops."""
    xp = np.concatenate([np.zeros(left), x, np.zeros(right)])
    m = len(h)
    return np.array([sum(xp[k + j] * h[m - 1 - j] for j in range(m))
                     for k in range(len(xp) - m + 1)])


def by_loops(x, h, mode):
    m = len(h)
    left, right = {"full": (m - 1, m - 1), "same": (m // 2, (m - 1) // 2), "valid": (0, 0)}[mode]
    return slide(x, h, left, right)


def stub(x, h, mode):
    raise NotImplementedError()


def test_the_cases_agree_with_scipy():
    for case in nb02.KINDS["convolve_modes"].cases():
        x, h, mode = case.args
        assert len(x) >= len(h)
        np.testing.assert_allclose(case.expected, scipy.signal.convolve(x, h, mode))


def test_by_hand():
    x, h = np.array([1, 2, 3, 4, 5]), np.array([1, 2, 3])
    assert by_loops(x, h, "valid").tolist() == [10, 16, 22]  # 1·3 + 2·2 + 3·1 = 10 …
    assert by_loops(x, h, "same").tolist() == [4, 10, 16, 22, 22]
    assert by_loops(np.array([1, 4, 9]), np.array([1, -1]), "same").tolist() == [1, 3, 5]


def test_a_correct_implementation_passes_every_case():
    report = check_implementation(by_loops, "convolve_modes")
    assert report.ok and 6 <= len(report.results) <= 10, str(report)


def test_mode_by_keyword_is_accepted():
    report = check_implementation(lambda x, h, *, mode: by_loops(x, h, mode), "convolve_modes")
    assert report.ok, str(report)


def test_even_kernel_centred_the_other_way_fails():
    def other_centre(x, h, mode):
        m = len(h)
        if mode == "same":
            return slide(x, h, (m - 1) // 2, m // 2)
        return by_loops(x, h, mode)

    report = check_implementation(other_centre, "convolve_modes")
    failed = [r.name for r in report.results if r.status == "failed"]
    assert failed and all("even kernel" in name for name in failed)


def test_no_flip_fails():
    report = check_implementation(lambda x, h, mode: by_loops(x, h[::-1], mode),
                                  "convolve_modes")
    assert not report.ok and report.first_failure.message.startswith("wrong value")


def test_always_full_fails_with_a_shape_message():
    report = check_implementation(lambda x, h, mode: by_loops(x, h, "full"), "convolve_modes")
    assert not report.ok and "expected shape" in report.first_failure.message


@pytest.mark.parametrize("kind", ["convolve_modes", "correlate1d"])
def test_a_stub_reports_not_written_yet(kind):
    fn = stub if kind == "convolve_modes" else (lambda x, h: stub(x, h, "valid"))
    report = check_implementation(fn, kind)
    assert not report.ok and all("not written yet" in r.message for r in report.results)
    assert "Traceback" not in str(report)


def test_cross_correlation_the_notebook_way():
    def cross_correlate(x, h):
        return np.array([x[k : k + len(h)] @ h for k in range(len(x) - len(h) + 1)])

    assert check_implementation(cross_correlate, "correlate1d").ok
    flipped = check_implementation(lambda x, h: cross_correlate(x, h[::-1]), "correlate1d")
    assert not flipped.ok
