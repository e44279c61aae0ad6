"""Notebook 05's question bank: every stored hash matches an answer worked out here."""

import math

import numpy as np

from convlab import conv_transpose2d, max_pool2d
from convlab.quiz import ArrayQuestion, MultipleChoice, NumericQuestion, SingleChoice
from convlab.quiz.banks import nb05

from .support import BankContract

POOL = np.array([[4, 1, 0, 2], [3, 2, 5, 1], [0, 1, 7, 6], [2, 8, 3, 3]])

# Plain answers, computed here (the bank holds only hashes).
ANSWERS = {
    "05-size": math.floor((32 + 2 * 1 - 5) / 2) + 1,  # 15
    "05-span": len(range(0, 3 * 2 + 1)),  # taps at 0, 3, 6: columns 0..6 -> 7
    "05-trap": "a 1 × 3 kernel",
    "05-maxpool": [[4, 5], [8, 7]],
    "05-bigger": [0, 4],
}
ALSO_RIGHT = {
    "05-size": ["15", " 15.0 "],
    "05-span": ["7"],
    "05-trap": [2],
    "05-maxpool": ["4 5; 8 7", "[[4, 5], [8, 7]]"],
    "05-bigger": [[
        "a transposed convolution with a 2 × 2 kernel and stride 2",
        "a transposed convolution with a 3 × 3 kernel, stride 1 and padding 0",
    ]],
}
WRONG = {
    "05-size": ["16", "30", "14", "15.5"],
    "05-span": ["9", "3", "6"],
    "05-trap": ["a 3 × 3 kernel", "a 1 × 1 kernel", 0],
    "05-maxpool": ["[[2.5, 2], [2.75, 4.75]]", "[[4, 5], [7, 8]]", "4 5 8 7 1"],
    "05-bigger": [[0], [4], [0, 3, 4], [1, 2]],
}
NEAR = [  # tempting wrong answers that get a targeted message
    ("05-size", "16", None),
    ("05-span", "9", None),
    ("05-maxpool", "[[2.5, 2], [2.75, 4.75]]", None),
    ("05-bigger", [0], None),
]
PLAIN_WRONG = {"05-maxpool": "[[9, 9], [9, 9]]", "05-bigger": [1]}  # no message of their own


def test_independent_checks_of_the_answers():
    # 05-size: count the window starts in the padded 34-wide image, stride 2, span 5
    assert len(range(0, 34 - 5 + 1, 2)) == ANSWERS["05-size"] == 15
    # 05-span: taps of a dilated kernel
    taps = [0 + 3 * i for i in range(3)]
    assert taps[-1] - taps[0] + 1 == ANSWERS["05-span"] == 7
    # 05-trap: the seed's slice keeps one row for a 1x3 kernel, broadcasting hides it
    kernel = np.array([[1, 0, -1]])
    x = np.arange(20).reshape(4, 5)
    window = x[0:len(kernel), 0:len(kernel)]
    assert window.shape == (1, 1) and np.sum(window * kernel) == 0 != -2
    square = np.ones((3, 3))
    assert x[0:len(square), 0:len(square)].shape == square.shape
    # 05-maxpool by blocks, and the engine agrees
    blocks = POOL.reshape(2, 2, 2, 2).swapaxes(1, 2)
    assert blocks.max(axis=(2, 3)).tolist() == ANSWERS["05-maxpool"]
    assert max_pool2d(POOL, 2).tolist() == ANSWERS["05-maxpool"]
    assert blocks.mean(axis=(2, 3)).tolist() == [[2.5, 2], [2.75, 4.75]]  # the near miss
    # 05-bigger: sizes of each option on a 6 x 6 input
    x6 = np.ones((6, 6))
    sizes = [
        conv_transpose2d(x6, np.ones((2, 2)), stride=2).shape[0],  # 12
        max_pool2d(x6, 2).shape[0],  # 3
        (6 - 3) // 2 + 1,  # 2 (3 x 3 kernel, stride 2), 3 with any 1..2 kernel
        (6 + 2 - 3) // 1 + 1,  # 6
        conv_transpose2d(x6, np.ones((3, 3))).shape[0],  # 8
    ]
    assert [i for i, s in enumerate(sizes) if s > 6] == ANSWERS["05-bigger"]


class TestBank05(BankContract):
    bank = nb05
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    plain_wrong = PLAIN_WRONG
    kinds = (NumericQuestion, ArrayQuestion, SingleChoice, MultipleChoice)
    submit = ("05-size", "15")
