"""Notebook 07's question bank: every stored hash matches an answer worked out here."""

from fractions import Fraction
from itertools import product

import numpy as np

from convlab.quiz import ArrayQuestion, MultipleChoice, NumericQuestion, SingleChoice
from convlab.quiz.banks import nb07

from .support import BankContract

_two_dice = np.convolve(np.full(6, Fraction(1, 6)), np.full(6, Fraction(1, 6)))

# Plain answers, computed here (the bank holds only hashes).
ANSWERS = {
    "07-dice4": _two_dice[4 - 2],  # 3/36 = 1/12
    "07-ways": np.convolve([1, 1, 1], [1, 1, 1]).tolist(),  # [1, 2, 3, 2, 1]
    "07-madds": 256 * 256 * 5 * 5,  # 1 638 400
    "07-winner": "the FFT (convolution theorem)",
    "07-theorem": [0, 1],
}
ALSO_RIGHT = {
    "07-dice4": ["1/12", "3/36", "0.083", " 0.0833 ", "8.3%", "8.33 %"],
    "07-ways": ["1 2 3 2 1", "[1, 2, 3, 2, 1]"],
    "07-madds": ["1638400", "1.6384e6", "1,638,400"],
    "07-winner": [2, "c"],
    "07-theorem": ["a, b"],
}
WRONG = {
    "07-dice4": ["1/11", "4/36", "1/6", "0.08"],
    "07-ways": ["1 1 1 1 1", "1 2 3 4 5", "1 2 2 2 1"],
    "07-madds": ["6400", "327680", "1587600", "65536"],
    "07-winner": ["direct multiply-adds vectorised with NumPy", 0],
    "07-theorem": [[0], [0, 1, 2], [0, 1, 3], [2, 3]],
}
NEAR = [  # tempting wrong answers that get a targeted message
    ("07-dice4", "1/11", None),
    ("07-madds", "1587600", None),
    ("07-ways", "1 1 1 1 1", None),
]
# wrong answers with no message of their own
PLAIN_WRONG = {"07-dice4": "999999", "07-madds": "999999", "07-ways": "9 9 9 9 9"}


def test_independent_checks_of_the_answers():
    # P(total of two dice = 4) by listing all 36 ordered pairs
    pairs = [a + b for a, b in product(range(1, 7), repeat=2)]
    assert Fraction(pairs.count(4), 36) == ANSWERS["07-dice4"] == Fraction(1, 12)
    # two three-sided dice, by listing the 9 pairs
    totals = [a + b for a, b in product(range(1, 4), repeat=2)]
    assert [totals.count(s) for s in range(2, 7)] == ANSWERS["07-ways"] == [1, 2, 3, 2, 1]
    # multiply-adds: count the products of a 'same' 2-D correlation done by hand
    n, k = 256, 5
    assert ANSWERS["07-madds"] == sum(k * k for _ in range(n * n)) == 1_638_400
    # the theorem, numerically: padded product == FFT of the full convolution; unpadded is not
    rng = np.random.default_rng(1)
    x, h = rng.standard_normal(30), rng.standard_normal(7)
    full = np.convolve(x, h)
    padded = np.fft.ifft(np.fft.fft(x, 36) * np.fft.fft(h, 36)).real
    assert np.allclose(padded, full)
    circular = np.fft.ifft(np.fft.fft(x, 30) * np.fft.fft(h, 30)).real
    assert not np.allclose(circular, full[:30])
    # and the wrap-around is exactly the tail added onto the head
    wrapped = full[:30].copy()
    wrapped[: len(full) - 30] += full[30:]
    assert np.allclose(circular, wrapped)


def test_the_fft_wins_for_a_big_kernel_by_counting():
    from convlab.applications import direct_cost, fft_cost

    assert direct_cost(2048, 31) == 2048**2 * 31**2
    assert direct_cost(2048, 31) > 10 * fft_cost(2048, 31)
    assert direct_cost(512, 3) < fft_cost(512, 3)  # tiny kernels: direct wins


class TestBank07(BankContract):
    bank = nb07
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    plain_wrong = PLAIN_WRONG
    kinds = (NumericQuestion, ArrayQuestion, SingleChoice, MultipleChoice)
    submit = ("07-dice4", "1/12")
    absent_from_source = ("1638400",)
    absent_before_explanation = ("1/12",)
