"""Notebook 08's grader kinds: a correct independent answer passes, typical mistakes fail with a
counterexample, a stub is "not written yet", and the cases' expected values are right."""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
import pytest
from scipy.signal import freqz

from convlab.quiz import check_implementation
from convlab.quiz.exercises import nb08


def _isolated(fn, kind):
    return check_implementation(fn, kind, isolation="thread")


# -- dice_distribution ------------------------------------------------------------------------


def dice_by_loop(n_dice, sides):
    p = np.array([1.0])
    for _ in range(n_dice):
        p = np.convolve(p, np.ones(sides) / sides)
    return p


def test_dice_cases_are_right():
    cases = nb08.KINDS["dice_distribution"].cases()
    assert 6 <= len(cases) <= 10
    for case in cases:
        n, sides = case.args
        # the distribution of the sum, by a dictionary of totals built die by die
        counts = Counter({0: 1})
        for _ in range(n):
            step = Counter()
            for total, c in counts.items():
                for face in range(1, sides + 1):
                    step[total + face] += c
            counts = step
        assert np.allclose(case.expected, [counts[s] / sides**n for s in range(n, n * sides + 1)])
        ways = Counter(map(sum, itertools.product(range(1, sides + 1), repeat=n)))
        want = np.array([ways[s] for s in range(n, n * sides + 1)]) / sides**n
        assert np.allclose(case.expected, want) and np.isclose(case.expected.sum(), 1)
    two = next(c for c in cases if c.args == (2, 6))
    assert np.allclose(two.expected * 36, [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1])


def test_dice_correct_answer_passes():
    report = _isolated(dice_by_loop, "dice_distribution")
    assert report.ok and not report.failed


@pytest.mark.parametrize("wrong", [
    lambda n, s: np.ones(n * (s - 1) + 1) / (n * (s - 1) + 1),  # every total equally likely
    lambda n, s: dice_by_loop(n, s) * s**n,  # counts, not probabilities
    lambda n, s: np.convolve(np.ones(s), np.ones(s))[: n * (s - 1) + 1] / s**2,  # always two dice
])
def test_dice_typical_mistakes_fail_with_a_counterexample(wrong):
    report = _isolated(wrong, "dice_distribution")
    assert not report.ok and report.first_failure is not None
    assert "expected" in str(report)


# -- magnitude_response ------------------------------------------------------------------------


def magnitude_by_freqz(h, n):
    _, response = freqz(h, worN=np.fft.rfftfreq(n), fs=1.0)
    return np.abs(response)


def test_magnitude_cases_are_right():
    cases = nb08.KINDS["magnitude_response"].cases()
    assert 6 <= len(cases) <= 10
    for case in cases:
        h, n = case.args
        assert len(h) <= n
        assert np.allclose(case.expected, magnitude_by_freqz(h, n))
    diff = next(c for c in cases if c.args[0].tolist() == [1.0, -1.0])
    assert diff.expected[0] == pytest.approx(0, abs=1e-12) and diff.expected[-1] == pytest.approx(2)


def test_magnitude_correct_answers_pass():
    assert _isolated(magnitude_by_freqz, "magnitude_response").ok
    assert _isolated(lambda h, n: np.abs(np.fft.rfft(h, n)), "magnitude_response").ok


@pytest.mark.parametrize("wrong", [
    lambda h, n: np.abs(np.fft.fft(h, n)),  # both halves: the wrong length
    lambda h, n: np.fft.rfft(h, n).real,  # the real part, not the magnitude
    lambda h, n: np.abs(np.fft.rfft(h)),  # no zero padding
])
def test_magnitude_typical_mistakes_fail_with_a_counterexample(wrong):
    report = _isolated(wrong, "magnitude_response")
    assert not report.ok and report.first_failure is not None


# -- stubs and the shared kind ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dice_distribution", "magnitude_response"])
def test_a_stub_is_not_written_yet(kind):
    def stub(a, b):
        raise NotImplementedError()

    text = str(check_implementation(stub, kind))
    assert "not written yet" in text and "Traceback" not in text


def test_fft_convolve_passes_the_shared_kind_and_wrapping_fails():
    n = lambda x, h: len(x) + len(h) - 1  # noqa: E731
    right = lambda x, h: np.fft.ifft(np.fft.fft(x, n(x, h)) * np.fft.fft(h, n(x, h))).real  # noqa: E731
    assert _isolated(right, "convolve1d").ok
    m = lambda x, h: max(len(x), len(h))  # noqa: E731
    wrapped = lambda x, h: np.r_[np.fft.ifft(np.fft.fft(x, m(x, h)) * np.fft.fft(h, m(x, h))).real,  # noqa: E731
                                 np.zeros(n(x, h) - m(x, h))]
    assert not _isolated(wrapped, "convolve1d").ok


def test_the_kinds_are_documented():
    for kind in nb08.KINDS:
        assert f'``"{kind}"``' in nb08.__doc__
