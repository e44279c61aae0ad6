"""Notebook 04's question bank: every stored hash matches an answer worked out here."""

import numpy as np
from scipy.signal import convolve2d, correlate2d

from convlab.quiz import ArrayQuestion, MultipleChoice, NumericQuestion, SingleChoice
from convlab.quiz.banks import nb04

from .support import BankContract

X = np.arange(1, 10).reshape(3, 3)
LAPLACIAN = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
DOT = np.zeros((3, 3))
DOT[1, 1] = 9


def _flip_invariant(kernel):
    kernel = np.asarray(kernel)
    return np.array_equal(kernel, kernel[::-1, ::-1])


FLIP_KERNELS = [np.full((3, 3), 1 / 9), LAPLACIAN, np.array([[1, 0, -1]] * 3),
                np.array([[0, 1], [1, 0]]), np.array([[1, 2], [3, 4]])]

# Plain answers, computed independently here (the bank holds only hashes).
ANSWERS = {
    "04-corr": correlate2d(X, [[1, 2], [3, 4]], "valid").tolist(),  # [[37, 47], [67, 77]]
    "04-dot": int(correlate2d(DOT, LAPLACIAN, "valid")[0, 0]),  # -4 * 9 = -36
    "04-blur": round(float(np.full((3, 3), 0.11).sum() * 200), 6),  # 0.99 * 200 = 198
    "04-flip": [i for i, k in enumerate(FLIP_KERNELS) if _flip_invariant(k)],  # 0, 1, 3
    "04-sharpen": "identity − Laplacian",
}
ALSO_RIGHT = {
    "04-corr": ["37 47; 67 77", "[[37, 47], [67, 77]]"],
    "04-dot": ["−36", "-36.0"],
    "04-blur": ["198.0", "1.98e2"],
    "04-flip": [["box blur, 3 × 3 of 1/9", "the Laplacian [[0, 1, 0], [1, −4, 1], [0, 1, 0]]",
                 "[[0, 1], [1, 0]]"], "a b d"],
    "04-sharpen": [0, "a"],
}
WRONG = {
    "04-corr": [convolve2d(X, [[1, 2], [3, 4]], "valid").tolist(), "37 47; 67 78"],
    "04-dot": ["36", "-4", "9", "0"],
    "04-blur": ["200", "22", "199"],
    "04-flip": [[0, 1], [0, 1, 2, 3], [4]],
    "04-sharpen": ["identity + Laplacian", "Laplacian − identity"],
}
NEAR = [  # tempting wrong answers that get a targeted message
    ("04-corr", convolve2d(X, [[1, 2], [3, 4]], "valid").tolist(), None),
    ("04-dot", "36", None),
    ("04-blur", "200", None),
]


def test_hand_checks_of_the_numbers():
    assert ANSWERS["04-corr"] == [[1 + 4 + 12 + 20, 47], [67, 77]]
    assert ANSWERS["04-dot"] == -36
    assert ANSWERS["04-blur"] == 198
    assert ANSWERS["04-flip"] == [0, 1, 3]
    identity = np.zeros((3, 3), dtype=int)
    identity[1, 1] = 1
    assert (identity - LAPLACIAN).tolist() == [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]


class TestBank04(BankContract):
    bank = nb04
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    kinds = (ArrayQuestion, NumericQuestion, MultipleChoice, SingleChoice)
    absent_from_source = ("choice:", "num:")
