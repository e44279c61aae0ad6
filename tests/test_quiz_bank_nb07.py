"""Bank "07" (notebook 08): every stored hash, of the quiz and of the Predict moments, matches
an answer worked out here."""

import math
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from scipy.signal import convolve2d

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
    "07-sidelobe": round(-minimize_scalar(lambda x: -abs(math.sin(math.pi * x) / (math.pi * x)),
                                          bounds=(1, 2), method="bounded").fun, 2),  # 0.22
    "07-gauss-width": 1 / (2 * math.pi * 4),  # 0.0398
    "07-lsi": [0, 1, 2, 3],
}
ALSO_RIGHT = {
    "07-dice4": ["1/12", "3/36", "0.083", " 0.0833 ", "8.3%", "8.33 %"],
    "07-ways": ["1 2 3 2 1", "[1, 2, 3, 2, 1]"],
    "07-madds": ["1638400", "1.6384e6", "1,638,400"],
    "07-winner": [2, "c"],
    "07-theorem": ["a, b"],
    "07-sidelobe": ["0.22", "0.217", ".22"],
    "07-gauss-width": ["0.04", "0.0398", "0.040"],
    "07-lsi": ["a, b, c, d"],
}
WRONG = {
    "07-dice4": ["1/11", "4/36", "1/6", "0.08"],
    "07-ways": ["1 1 1 1 1", "1 2 3 4 5", "1 2 2 2 1"],
    "07-madds": ["6400", "327680", "1587600", "65536"],
    "07-winner": ["direct multiply-adds vectorised with NumPy", 0],
    "07-theorem": [[0], [0, 1, 2], [0, 1, 3], [2, 3]],
    "07-sidelobe": ["0.5", "0", "0.13"],
    "07-gauss-width": ["4", "0.25", "0.08"],
    "07-lsi": [[0, 1, 2, 3, 4], [0, 1, 2], [4]],
}
NEAR = [  # tempting wrong answers that get a targeted message
    ("07-dice4", "1/11", None),
    ("07-madds", "1587600", None),
    ("07-ways", "1 1 1 1 1", None),
    ("07-sidelobe", "0", "zero"),
    ("07-gauss-width", "4", "narrower"),
    ("07-gauss-width", "0.25", "2π"),
]
# wrong answers with no message of their own
PLAIN_WRONG = {"07-dice4": "999999", "07-madds": "999999", "07-ways": "9 9 9 9 9",
               "07-sidelobe": "0.9", "07-gauss-width": "0.9"}


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
    # the long box's side lobe: a box of 1001 taps on a fine grid between its first two zeros
    f = np.linspace(1 / 1001, 2 / 1001, 20001)
    box = np.abs(np.sin(1001 * np.pi * f) / (1001 * np.sin(np.pi * f)))
    assert round(box.max(), 2) == ANSWERS["07-sidelobe"] == 0.22
    # a Gaussian of σ = 4: where its DTFT falls to e^(-1/2)
    j = np.arange(-16, 17)
    g = np.exp(-(j**2) / 32) / np.exp(-(j**2) / 32).sum()
    gain = [abs(np.sum(g * np.cos(2 * np.pi * fq * j))) for fq in np.linspace(0, 0.1, 10001)]
    crossing = np.linspace(0, 0.1, 10001)[np.argmax(np.array(gain) <= math.exp(-0.5))]
    assert round(crossing, 3) == round(ANSWERS["07-gauss-width"], 3) == 0.040
    # the properties, on small arrays; the impulse returns the kernel unreversed
    x1, x2, gk, hk = [1, 2, 0, -1], [0, 3, 1, 2], [1, 2, 1], [1, -2, 3]
    assert np.array_equal(np.convolve(np.add(x1, x2) * 2, hk),
                          2 * np.convolve(x1, hk) + 2 * np.convolve(x2, hk))
    assert np.array_equal(np.convolve([0, 0, *x1], hk)[2:], np.convolve(x1, hk))
    assert np.array_equal(np.convolve(x1, hk), np.convolve(hk, x1))
    assert np.array_equal(np.convolve(np.convolve(x1, gk), hk),
                          np.convolve(x1, np.convolve(gk, hk)))
    assert np.convolve([0, 1, 0], hk)[1:4].tolist() == hk != hk[::-1]


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
    size = (3, 8)
    submit = ("07-dice4", "1/12")
    absent_from_source = ("1638400",)
    absent_before_explanation = ("1/12",)


# -- the Predict moments ------------------------------------------------------------------


def _impulse():
    return np.convolve([0, 0, 1, 0, 0], [1, 2, 3]).tolist()


def _wrapped():
    full = np.convolve([1, 2, 3], [1, 1])  # 1 + 3t + 5t² + 3t³
    return (full[:3] + np.r_[full[3:], 0, 0]).tolist()  # t³ = 1 at a third root of unity


def _checkerboard():
    board = np.array([[(-1) ** (i + j) for j in range(5)] for i in range(5)])
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    return int(convolve2d(board, lap, mode="valid")[1, 1])  # board[2, 2] = +1


def _crossover_2d():
    n = 512
    for k in range(1, n):
        size = (n + k - 1) ** 2
        if 3 * size * math.log2(size) + size < n * n * k * k:
            return f"k = {k}"


def _nearest_option(count):
    """The option of 07-p-madds closest to ``count`` on a log scale."""
    options = {"about a million": 1e6, "about 25 million": 25e6, "about 250 million": 250e6,
               "about 25 billion": 25e9}
    return min(options, key=lambda o: abs(math.log(options[o] / count)))


_dice3 = [sum(t) for t in product(range(1, 7), repeat=3)]

PREDICT = {  # name -> (plain answer, other right spellings, valid wrong answers)
    "two-dice": (Fraction(max(sum(1 for a, b in product(range(1, 7), repeat=2) if a + b == s)
                              for s in range(2, 13)), 36), ["1/6", "6/36", "16.7%", "0.167"],
                 ["1/11", "1/36", "1/12"]),
    "three-dice": (max(_dice3.count(s) for s in range(3, 19)), ["27"], ["25", "36", "21"]),
    "impulse": (_impulse(), ["0 0 1 2 3 0 0"], ["0 0 3 2 1 0 0", "1 2 3 0 0 0 0"]),
    "leak": ("the box", [0, "a"], ["the Gaussian", 2]),
    "wrap": (_wrapped(), ["4 3 5", "[4, 3, 5]"], ["1 3 5", "3 5 3"]),
    "checkerboard": (_checkerboard(), ["-8", "−8"], ["8", "-4", "0"]),
    "madds": (_nearest_option(512**2 * 31**2), [2, "c"],
              ["about a million", "about 25 billion"]),
    "crossover": (_crossover_2d(), [1, "b"], ["k = 3", "k = 31"]),
    "loops": ("more than 20 times as long", [2], ["about as long", 1]),
}
PREDICT_NEAR = [("two-dice", "1/11"), ("three-dice", "36"), ("impulse", "0 0 3 2 1 0 0"),
                ("wrap", "1 3 5"), ("checkerboard", "8"), ("checkerboard", "-4")]


def _predictions():
    return {q.qid.removeprefix("07-p-"): q for q in nb07.predictions()}


def test_predictions_are_the_notebooks_in_order():
    assert list(_predictions()) == list(PREDICT)
    for q in nb07.predictions():
        assert q.hint and q.reveal(), q.qid


@pytest.mark.parametrize("name", list(PREDICT))
def test_prediction_hashes_match_the_worked_answers(name):
    q = _predictions()[name]
    answer, also_right, wrong = PREDICT[name]
    for response in [answer, *also_right]:
        assert q.check(response).correct, (name, response)
    for response in wrong:
        fb = q.check(response)
        assert fb.valid and not fb.correct, (name, response, fb)


@pytest.mark.parametrize(("name", "response"), PREDICT_NEAR)
def test_prediction_near_misses_get_targeted_messages(name, response):
    q = _predictions()[name]
    fb = q.check(response)
    assert not fb.correct and fb.message in q._near.values(), fb


def test_worked_prediction_answers():
    assert PREDICT["two-dice"][0] == Fraction(1, 6)
    assert PREDICT["three-dice"][0] == 27
    assert PREDICT["impulse"][0] == [0, 0, 1, 2, 3, 0, 0]
    assert PREDICT["wrap"][0] == [4, 3, 5]
    assert PREDICT["checkerboard"][0] == -8
    assert PREDICT["madds"][0] == "about 250 million"
    assert PREDICT["crossover"][0] == "k = 8"
    # the box lets more through above f = 0.3 than the Gaussian (13 taps each, σ = 2)
    f = np.linspace(0.3, 0.5, 2001)
    j = np.arange(-6, 7)
    g = np.exp(-(j**2) / 8) / np.exp(-(j**2) / 8).sum()
    box = np.abs(np.sin(13 * np.pi * f) / (13 * np.sin(np.pi * f)))
    gauss = np.abs(np.cos(2 * np.pi * np.outer(f, j)) @ g)
    assert box.max() > 50 * gauss.max()


def test_prediction_cards_build(tmp_path, monkeypatch):
    from convlab.quiz import predictions_for

    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))
    predict = predictions_for("07", progress=None)
    assert predict.names == list(PREDICT)
    assert predict.check("wrap", "4 3 5").correct
