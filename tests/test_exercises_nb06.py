"""Notebook 06's grader kinds: a correct independent answer passes, typical mistakes fail."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

from convlab.quiz import check_implementation
from convlab.quiz.exercises.nb06 import KINDS


def _merge_right(a, b):
    """The merged kernel, written out as a sum of shifted copies of b weighted by a."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    out = np.zeros((a.shape[0] + b.shape[0] - 1, a.shape[1] + b.shape[1] - 1))
    for i, j in np.ndindex(a.shape):
        out[i : i + b.shape[0], j : j + b.shape[1]] += a[i, j] * b
    return out


def _field_right(kernel_sizes, strides):
    """Brute force in 1-D: the input positions output 0 depends on, through every layer."""
    reach = {0}
    for k, s in reversed(list(zip(kernel_sizes, strides))):
        reach = {p * s + t for p in reach for t in range(k)}
    return max(reach) - min(reach) + 1


def test_merge_cases_satisfy_the_defining_identity_on_random_images():
    rng = np.random.default_rng(60)
    for case in KINDS["merge_kernels"].cases():
        a, b = case.args
        c = np.asarray(case.expected)
        assert c.shape == (a.shape[0] + b.shape[0] - 1, a.shape[1] + b.shape[1] - 1)
        for _ in range(3):
            x = rng.normal(size=(9, 10))
            two = correlate2d(correlate2d(x, a, "valid"), b, "valid")
            assert np.allclose(two, correlate2d(x, c, "valid")), case.name


def test_merge_kernels_accepts_a_correct_answer():
    report = check_implementation(_merge_right, "merge_kernels")
    assert report.ok and len(report.results) >= 6


@pytest.mark.parametrize("wrong", [
    lambda a, b: correlate2d(a, b, mode="full"),  # correlation instead of convolution
    lambda a, b: correlate2d(b, a, mode="full"),
    lambda a, b: convolve2d(a, b, mode="same"),  # the wrong size
    lambda a, b: np.asarray(a) * np.asarray(b).sum(),
])
def test_merge_kernels_catches_typical_mistakes(wrong):
    report = check_implementation(wrong, "merge_kernels")
    assert not report.ok and report.first_failure is not None


def test_merge_kernels_has_asymmetric_and_non_square_cases():
    cases = KINDS["merge_kernels"].cases()
    assert any(np.asarray(a).shape[0] != np.asarray(a).shape[1] for c in cases for a in c.args)
    flipped = [c for c in cases
               if not np.allclose(convolve2d(*c.args), correlate2d(*c.args))]
    assert len(flipped) >= 5


def test_receptive_field_cases_match_brute_force():
    cases = KINDS["receptive_field"].cases()
    assert 6 <= len(cases) <= 10
    for case in cases:
        assert case.expected == _field_right(*case.args), case.name
    named = {c.name.split(":")[0]: c.expected for c in cases}
    assert named["six 3×3 layers"] == 13
    assert [c.expected for c in cases if c.name.startswith("VGG-16")] == [212]


def test_receptive_field_accepts_a_correct_answer():
    assert check_implementation(_field_right, "receptive_field").ok


@pytest.mark.parametrize("wrong", [
    lambda ks, ss: 1 + sum(k - 1 for k in ks),  # strides forgotten
    lambda ks, ss: 1 + sum((k - 1) * s for k, s in zip(ks, ss)),  # own stride, not the product
    lambda ks, ss: 1 + sum((k - 1) * int(np.prod(ss[: i + 1])) for i, k in enumerate(ks)),
    lambda ks, ss: sum(ks),
])
def test_receptive_field_catches_typical_mistakes(wrong):
    report = check_implementation(wrong, "receptive_field")
    assert not report.ok and report.first_failure is not None


@pytest.mark.parametrize("kind", ["merge_kernels", "receptive_field"])
def test_a_stub_is_not_written_yet(kind):
    def stub(first, second):
        raise NotImplementedError()

    report = check_implementation(stub, kind)
    assert not report.ok
    assert all("not written yet" in r.message for r in report.results)
    assert "Traceback" not in str(report)


def test_a_wrong_signature_is_a_message():
    report = check_implementation(lambda a: a, "merge_kernels")
    assert not report.ok and "cannot be called as fn(a, b)" in str(report)
