"""Notebook 01's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

import numpy as np

from convlab.quiz import ArrayQuestion, NumericQuestion, SingleChoice
from convlab.quiz.banks import nb01

from .support import BankContract

# Plain answers, computed or worked by hand here (the bank holds only hashes).
ANSWERS = {
    "01-length": len(np.convolve(np.ones(4), np.ones(6))),  # 9
    "01-z2": int(np.convolve([1, 2, 3], [4, 5, 6])[2]),  # 1*6 + 2*5 + 3*4 = 28
    "01-cells": "the cells with i + j = k (an anti-diagonal)",
    "01-full": np.convolve([1, 2, 3], [4, 5, 6]).tolist(),  # [4, 13, 28, 27, 18]
}
# Other right spellings, and tempting wrong answers that must be refused.
ALSO_RIGHT = {
    "01-length": ["9.0", "18/2"],
    "01-full": ["4 13 28 27 18", "[4, 13, 28, 27, 18]"],
}
WRONG = {
    "01-length": ["10", "24"],
    "01-z2": ["32", "27"],
    "01-cells": ["the cells with i − j = k (a diagonal)"],
    "01-full": ["4 13 28 27", "18 27 28 13 4", "[4, 10, 28, 27, 18]"],
}
NEAR = [  # tempting wrong answers that get a targeted message, and words in it
    ("01-length", "10", "one anti-diagonal too many"),
    ("01-length", "24", "number of cells"),
    ("01-z2", "32", "dot product"),
    ("01-z2", "27", "z[3]"),
]


def test_hand_checks_of_the_numbers():
    assert ANSWERS["01-length"] == 4 + 6 - 1 == 9
    assert ANSWERS["01-z2"] == 1 * 6 + 2 * 5 + 3 * 4 == 28
    assert ANSWERS["01-full"] == [4, 13, 28, 27, 18]


class TestBank01(BankContract):
    bank = nb01
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    kinds = (NumericQuestion, SingleChoice, ArrayQuestion)
