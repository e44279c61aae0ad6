"""Notebook 07's own grader kind (conv_params): right answers pass, typical mistakes fail."""

from __future__ import annotations

import pytest

from convlab.quiz import check_implementation
from convlab.quiz.exercises.nb07ch import KINDS


def _right(c_in, c_out, k, bias=True):
    """Count by hand: one k x k slice per input channel for each filter, one bias per filter."""
    per_filter = sum(1 for _ in range(c_in) for _ in range(k) for _ in range(k))
    return c_out * per_filter + (c_out if bias else 0)


def test_cases_by_hand():
    cases = {c.name: c.expected for c in KINDS["conv_params"].cases()}
    assert 6 <= len(cases) <= 10
    assert cases["VGG's first layer: 3 channels in, 64 filters of 3×3"] == 64 * 27 + 64 == 1792
    assert cases["AlexNet's first layer: 96 filters of 11×11 on colour"] == 96 * 363 + 96 == 34944
    for case in KINDS["conv_params"].cases():
        assert case.expected == _right(*case.args), case.name


def test_a_correct_answer_passes():
    assert check_implementation(_right, "conv_params").ok


def test_bias_may_be_keyword_only():
    def keyword(c_in, c_out, k, *, bias=True):
        return c_out * c_in * k * k + c_out * bool(bias)

    assert check_implementation(keyword, "conv_params").ok


@pytest.mark.parametrize("wrong", [
    lambda c_in, c_out, k, bias=True: c_out * c_in * k * k,  # biases forgotten
    lambda c_in, c_out, k, bias=True: c_out * c_in * k * k + c_out,  # bias flag ignored
    lambda c_in, c_out, k, bias=True: c_out * c_in * k * k + (c_in if bias else 0),  # per channel
    lambda c_in, c_out, k, bias=True: c_out * k * k + (c_out if bias else 0),  # one slice only
])
def test_typical_mistakes_fail(wrong):
    report = check_implementation(wrong, "conv_params")
    assert not report.ok and report.first_failure is not None


def test_a_stub_is_not_written_yet():
    def conv_params(c_in, c_out, k, bias=True):
        raise NotImplementedError()

    report = check_implementation(conv_params, "conv_params")
    assert all("not written yet" in r.message for r in report.results)
    assert "Traceback" not in str(report)
