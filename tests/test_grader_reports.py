"""The grader's report when the learner's function cannot be graded case by case (issue 16 §4).

A stub left in place (the learner edition's ``raise NotImplementedError()``) and a function
whose signature does not fit the kind's call each get one short message and the convention,
not a list of identical failures and a counterexample; a wrong shape says both shapes.
The expected texts are written here by hand, never taken from the grader's output.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from convlab.quiz import check_implementation

STUB = "Not written yet: replace `raise NotImplementedError()` with your code."


def _stub(x, h):
    """What the learner edition leaves in an exercise cell."""
    # YOUR CODE HERE
    raise NotImplementedError()


def _lines(report) -> list[str]:
    return str(report).splitlines()


@pytest.mark.parametrize("kind", ["conv2d", "convolve1d", "output_size"])
def test_a_stub_gets_one_short_report_with_the_convention(kind):
    def stub(*args, **kwargs):
        raise NotImplementedError()

    report = check_implementation(stub, kind)
    assert not report.ok
    text = str(report)
    assert STUB in text
    assert report.convention in text
    assert "counterexample" not in text.lower()
    assert "✗" not in text and "Traceback" not in text
    assert len(_lines(report)) <= 3, text
    assert text.count("NotImplementedError") == 1, text
    assert "0 of" in text and "not written yet" in text  # lower case: in a sentence too


def test_a_stub_report_in_html_is_as_short():
    report = check_implementation(_stub, "conv2d")
    page = report._repr_html_()
    assert "Not written yet" in page and "<code>raise NotImplementedError()</code>" in page
    assert "<table" not in page and "counterexample" not in page.lower()
    assert "cross-correlation" in page  # the convention of kind conv2d


def test_a_stub_in_the_middle_of_real_code_is_graded_case_by_case():
    """Only a function that raises NotImplementedError in every case is a stub."""

    def half_done(x, h):
        if np.ndim(x) == 2 and np.shape(h)[0] != np.shape(h)[1]:
            raise NotImplementedError("non-square kernels")
        from scipy.signal import correlate2d

        return correlate2d(x, h, mode="valid")

    report = check_implementation(half_done, "conv2d")
    assert not report.ok and report.passed, str(report)
    assert STUB not in str(report)
    assert "counterexample" in str(report).lower()


def test_a_signature_that_does_not_fit_is_one_line_naming_the_call():
    def my_conv(x):
        return x

    report = check_implementation(my_conv, "conv2d")
    assert not report.ok
    text = str(report)
    assert _lines(report)[0] == f"{report.kind}: {report.convention}"
    hits = [line for line in _lines(report)[1:] if "fn(x, h)" in line]  # under the convention
    assert len(hits) == 1, text
    assert "my_conv(x) cannot be called as fn(x, h)" in hits[0]
    assert "counterexample" not in text.lower() and "✗" not in text
    assert len(_lines(report)) <= 3, text
    page = report._repr_html_()
    assert "fn(x, h)" in page and "<table" not in page and "counterexample" not in page.lower()


def test_a_signature_with_too_many_arguments_is_named_too():
    report = check_implementation(lambda n, k, s, p, extra: 0, "output_size")
    text = str(report)
    assert "fn(n, k, stride, padding)" in text and len(_lines(report)) <= 3, text


@pytest.mark.parametrize(
    ("fn", "kind", "expected", "got"),
    [
        # conv2d of the 3×3 ramp with [[0, 1], [1, 0]] is 2×2 (3 - 2 + 1 each way)
        (lambda x, h: np.zeros((3, 3)), "conv2d", "(2, 2)", "(3, 3)"),
        # full convolution of lengths 5 and 5 has 9 values; returning x gives 5
        (lambda x, h: np.asarray(x), "convolve1d", "(9,)", "(5,)"),
    ],
)
def test_a_wrong_shape_says_expected_and_got(fn, kind, expected, got):
    report = check_implementation(fn, kind)
    first = report.first_failure
    assert first is not None and first.status == "failed"
    message = f"expected shape {expected}, got shape {got}"
    assert message in first.message, first.message
    assert message in str(report) and message in report._repr_html_()


def test_every_report_states_whether_all_cases_passed():
    from scipy.signal import correlate2d

    good = check_implementation(lambda x, h: correlate2d(x, h, mode="valid"), "conv2d")
    assert good.ok and "All cases passed" in str(good)
    assert re.search(r"all cases passed", good._repr_html_(), re.I)
    bad = check_implementation(lambda x, h: correlate2d(x, h, mode="full"), "conv2d")
    assert not bad.ok and "All cases passed" not in str(bad)
    assert re.search(r"\d+ of \d+ cases passed", str(bad))
