"""Notebook 04's grader kinds: independent right answers pass, typical wrong ones fail with a
counterexample, a stub is "not written yet"; every expected value is checked against scipy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import correlate2d

from convlab.quiz import check_implementation
from convlab.quiz.exercises import nb04

MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def test_kinds_are_documented_and_registered():
    from convlab.quiz.vectors import KINDS

    for name in nb04.KINDS:
        assert f'``"{name}"``' in nb04.__doc__ and name in KINDS
    assert nb04.NUMPY_PAD_MODE == MODES


def test_separable_expected_values_match_scipy():
    cases = nb04.KINDS["separable_blur"].cases()
    assert 6 <= len(cases) <= 10
    for case in cases:
        x, g = case.args
        g = np.asarray(g)
        want = correlate2d(x, np.outer(g, g), mode="valid")
        np.testing.assert_allclose(case.expected, want, atol=1e-12, err_msg=case.name)
        assert case.expected.shape == (x.shape[0] - len(g) + 1, x.shape[1] - len(g) + 1)


def test_pad_expected_values_by_hand_and_numpy():
    cases = {c.name: c for c in nb04.KINDS["pad_modes"].cases()}
    assert 6 <= len(cases) <= 10
    by_hand = {  # [1, 2, 3, 4] padded by 2
        "zeros": [0, 0, 1, 2, 3, 4, 0, 0],
        "reflect": [3, 2, 1, 2, 3, 4, 3, 2],
        "replicate": [1, 1, 1, 2, 3, 4, 4, 4],
        "circular": [3, 4, 1, 2, 3, 4, 1, 2],
    }
    for mode, want in by_hand.items():
        assert cases[f"{mode}, 1-D [1, 2, 3, 4], p = 2"].expected.tolist() == want
    assert {c.args[2] for c in cases.values()} == set(MODES)


def _row_then_column(x, g):
    g = np.asarray(g, dtype=float)
    rows = np.array([np.correlate(r, g, "valid") for r in np.asarray(x, dtype=float)])
    return np.array([np.correlate(c, g, "valid") for c in rows.T]).T


def _pad_by_hand(x, p, mode):
    x = np.asarray(x)
    for axis in range(x.ndim):
        n = x.shape[axis]
        if mode == "zeros":
            idx = None
        elif mode == "reflect":
            idx = [abs(i) if i < n else 2 * (n - 1) - i for i in range(-p, n + p)]
        elif mode == "replicate":
            idx = [min(max(i, 0), n - 1) for i in range(-p, n + p)]
        else:
            idx = [i % n for i in range(-p, n + p)]
        if idx is None:
            shape = list(x.shape)
            shape[axis] = n + 2 * p
            out = np.zeros(shape, dtype=x.dtype)
            sl = [slice(None)] * x.ndim
            sl[axis] = slice(p, p + n)
            out[tuple(sl)] = x
            x = out
        else:
            x = np.take(x, idx, axis=axis)
    return x


def test_right_answers_pass():
    assert check_implementation(_row_then_column, "separable_blur").ok
    assert check_implementation(lambda x, g: correlate2d(x, np.outer(g, g), "valid"),
                                "separable_blur").ok
    assert check_implementation(_pad_by_hand, "pad_modes").ok


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (lambda x, g: _row_then_column(x, np.asarray(g)[::-1]), "asymmetric g"),  # flipped
        (lambda x, g: np.array([np.correlate(r, g, "valid") for r in x]), "box"),  # rows only
        (lambda x, g: correlate2d(x, np.outer(g, g), "same"), "box"),  # wrong mode
    ],
)
def test_typical_separable_mistakes_fail(fn, words):
    report = check_implementation(fn, "separable_blur")
    assert not report.ok
    assert words in report.first_failure.name
    assert "First counterexample" in str(report)


@pytest.mark.parametrize(
    ("wrong", "first"),
    [
        ({**MODES, "reflect": "symmetric"}, "reflect, 1-D"),  # repeats the edge pixel
        ({**MODES, "replicate": "reflect"}, "replicate, 1-D"),
        ({**MODES, "circular": "reflect"}, "circular, 1-D"),
    ],
)
def test_typical_pad_mistakes_fail(wrong, first):
    report = check_implementation(lambda x, p, mode: np.pad(x, p, mode=wrong[mode]), "pad_modes")
    assert not report.ok and report.first_failure.name.startswith(first)


def test_a_stub_is_not_written_yet():
    def separable_blur(x, g):
        raise NotImplementedError()

    def pad(x, p, mode):
        raise NotImplementedError()

    for fn, kind in [(separable_blur, "separable_blur"), (pad, "pad_modes")]:
        report = check_implementation(fn, kind)
        assert not report.ok and "not written yet" in str(report)
        assert "Traceback" not in str(report)


def test_a_wrong_signature_is_a_message():
    report = check_implementation(lambda x: x, "pad_modes")
    assert not report.ok and "cannot be called as fn(x, p, mode)" in str(report)
