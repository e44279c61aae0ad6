"""Notebook 03's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from convlab.quiz import ArrayQuestion, MultipleChoice, NumericQuestion, SingleChoice
from convlab.quiz.banks import nb03

from .support import BankContract


def gaussian(size, sigma):
    t = np.arange(size) - size // 2
    g = np.exp(-(t**2) / (2 * sigma**2))
    return g / g.sum()


SAW = np.tile(np.linspace(-1, 1, 50), 4)
ANSWERS = {
    "03-length": len(np.convolve(SAW, gaussian(21, 3.0), "valid")),  # 180
    "03-flat": round(float(np.convolve(np.full(9, 4.0), gaussian(5, 1.0), "valid")[0]), 9),
    "03-box3": [float(v) for v in np.convolve([3, 6, 9, 6, 3], [Fraction(1, 3)] * 3, "valid")],
    "03-sigma": 0,
    "03-box-gauss": [0, 1, 2],
}
ALSO_RIGHT = {
    "03-length": ["180.0", "1.8e2"],
    "03-flat": ["4.0"],
    "03-box3": ["6 7 6", "[6, 7, 6]", "6.0, 7.0, 6.0"],
    "03-sigma": ["the teeth get rounder and lower: the smoothing averages over more samples"],
    "03-box-gauss": ["a, b, c"],
}
WRONG = {
    "03-length": ["220", "200", "179"],
    "03-flat": ["20", "0.8"],
    "03-box3": ["18 21 18", "6 9 6"],
    "03-sigma": [1, 2, 3],
    "03-box-gauss": [[0, 1], [0, 1, 2, 3], [4]],
}
NEAR = [  # tempting wrong answers that get a targeted message, and words in it
    ("03-length", "220", "'full' mode"),
    ("03-length", "200", "'same' mode"),
    ("03-length", "179", "both count"),
    ("03-flat", "20", "add up to 1"),
    ("03-box3", "18 21 18", "sums of each window"),
]


def test_hand_checks():
    assert ANSWERS["03-length"] == 200 - 21 + 1 == 180
    assert ANSWERS["03-flat"] == pytest.approx(4.0)
    assert ANSWERS["03-box3"] == [6.0, 7.0, 6.0]
    # sigma 1 -> 5 with size 51: the teeth get lower; the length stays 150
    hi = [np.convolve(SAW, gaussian(51, s), "valid").max() for s in (1.0, 5.0)]
    assert hi[1] < hi[0]
    assert len(np.convolve(SAW, gaussian(51, 5.0), "valid")) == 150
    # box versus Gaussian: both sum to 1; valid output is shorter than the input
    assert np.ones(21).sum() / 21 == pytest.approx(1.0) == gaussian(21, 3.0).sum()
    assert gaussian(21, 3.0).argmax() == 10
    assert len(np.convolve(SAW, np.ones(21) / 21, "valid")) < len(SAW)


class TestBank03(BankContract):
    bank = nb03
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    kinds = (NumericQuestion, ArrayQuestion, SingleChoice, MultipleChoice)
