"""Notebook 02's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

import numpy as np

from convlab.quiz import ArrayQuestion, NumericQuestion, SingleChoice, TextQuestion
from convlab.quiz.banks import nb02

from .support import BankContract

ANSWERS = {
    "02-valid": len(np.convolve(np.ones(10), np.ones(5), "valid")),  # 10 - 5 + 1 = 6
    "02-slide": np.convolve([1, 2, 3, 4], [1, -1]).tolist(),  # [1, 1, 1, 1, -4]
    "02-symmetric": "[1, 2, 1]",
    "02-peak": int(np.correlate([0, 0, 1, 2, 1, 0, 0], [1, 2, 1], "full").max()),  # 6
    "02-name": "cross-correlation",
}
ALSO_RIGHT = {
    "02-valid": ["6.0", " 6 "],
    "02-slide": ["1 1 1 1 -4", "[1, 1, 1, 1, −4]"],
    "02-symmetric": [2],
    "02-name": ["Cross correlation", "correlation", "crosscorrelation", "cross-correlate"],
}
WRONG = {
    "02-valid": ["14", "10", "5"],
    "02-slide": ["-1 -1 -1 -1 4", "1 1 1 1 4"],
    "02-symmetric": ["[1, 2, 3]", "[1, 0, -1]"],
    "02-peak": ["4", "5"],
    "02-name": ["convolution", "autocorrelation"],
}
NEAR = [  # tempting wrong answers that get a targeted message, and words in it
    ("02-valid", "14", "'full' mode"),
    ("02-valid", "10", "'same' mode"),
    ("02-valid", "5", "starts at 0"),
    ("02-slide", "-1 -1 -1 -1 4", "cross-correlation"),
    ("02-peak", "4", "sum of the pattern"),
    ("02-name", "convolution", "flips the kernel"),
    ("02-name", "autocorrelation", "special case"),
]


def test_hand_checks():
    assert ANSWERS["02-valid"] == 10 - 5 + 1 == 6
    assert ANSWERS["02-slide"] == [1 - 0, 2 - 1, 3 - 2, 4 - 3, 0 - 4]
    assert ANSWERS["02-peak"] == 1 * 1 + 2 * 2 + 1 * 1 == 6
    for kernel in ([1, 2, 1], [1, 2, 3], [1, 0, -1], [3, 2, 1, 0]):
        x = np.arange(7)
        same = np.array_equal(np.convolve(x, kernel), np.correlate(x, kernel, "full"))
        assert same == (kernel == [1, 2, 1])
    # deep-learning layers slide without flipping: np.correlate is their operation
    assert np.correlate([1, 2, 3], [1, 0], "valid").tolist() == [1, 2]


class TestBank02(BankContract):
    bank = nb02
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    kinds = (NumericQuestion, ArrayQuestion, SingleChoice, TextQuestion)
    absent_before_explanation = ("1, 1, 1, 1, -4",)
