"""Notebook 03's grader kinds: a correct function written here passes, typical mistakes fail."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.signal

from convlab.quiz import check_implementation
from convlab.quiz.exercises import nb03


def gaussian_loops(size, sigma):
    c = (size - 1) / 2
    taps = [math.exp(-((i - c) ** 2) / (2 * sigma**2)) for i in range(size)]
    total = sum(taps)
    return np.array([t / total for t in taps])


def moving_loops(x, size):
    return np.array([sum(x[k : k + size]) / size for k in range(len(x) - size + 1)])


def stub(a, b):
    raise NotImplementedError()


def test_the_cases_agree_with_scipy():
    for case in nb03.KINDS["gaussian_kernel"].cases():
        size, sigma = case.args
        want = scipy.signal.windows.gaussian(size, sigma)
        np.testing.assert_allclose(case.expected, want / want.sum(), rtol=1e-12, atol=1e-300)
        assert math.isclose(case.expected.sum(), 1.0)
    for case in nb03.KINDS["moving_average"].cases():
        x, size = case.args
        np.testing.assert_allclose(case.expected, np.convolve(x, np.ones(size) / size, "valid"))


def test_by_hand():
    assert gaussian_loops(1, 2.0).tolist() == [1.0]
    three = gaussian_loops(3, 1.0)  # [e^-1/2, 1, e^-1/2] / (1 + 2 e^-1/2)
    assert math.isclose(three[1], 1 / (1 + 2 * math.exp(-0.5)))
    assert moving_loops([1, 2, 3, 4, 5], 2).tolist() == [1.5, 2.5, 3.5, 4.5]


@pytest.mark.parametrize(("fn", "kind"), [(gaussian_loops, "gaussian_kernel"),
                                          (moving_loops, "moving_average")])
def test_a_correct_implementation_passes_every_case(fn, kind):
    report = check_implementation(fn, kind)
    assert report.ok and 6 <= len(report.results) <= 10, str(report)


def test_an_unnormalised_kernel_fails():
    def bell(size, sigma):
        i = np.arange(size)
        return np.exp(-((i - (size - 1) / 2) ** 2) / (2 * sigma**2))

    report = check_implementation(bell, "gaussian_kernel")
    assert not report.ok and report.first_failure.message.startswith("wrong value")
    assert report.results[3].status == "passed"  # size 1: one tap of 1 is already normalised


def test_an_off_centre_kernel_fails():
    def from_zero(size, sigma):
        taps = np.exp(-(np.arange(size) ** 2) / (2 * sigma**2))
        return taps / taps.sum()

    assert not check_implementation(from_zero, "gaussian_kernel").ok


def test_sigma_instead_of_variance_fails():
    report = check_implementation(lambda s, sg: gaussian_loops(s, math.sqrt(sg)),
                                  "gaussian_kernel")
    assert not report.ok


def test_a_sum_instead_of_a_mean_and_the_wrong_mode_fail():
    summed = check_implementation(lambda x, m: np.convolve(x, np.ones(m), "valid"),
                                  "moving_average")
    assert not summed.ok
    same = check_implementation(lambda x, m: np.convolve(x, np.ones(m) / m, "same"),
                                "moving_average")
    assert not same.ok and "expected shape" in same.first_failure.message


@pytest.mark.parametrize("kind", ["gaussian_kernel", "moving_average"])
def test_a_stub_reports_not_written_yet(kind):
    report = check_implementation(stub, kind)
    assert not report.ok and all("not written yet" in r.message for r in report.results)
    assert "Traceback" not in str(report)
