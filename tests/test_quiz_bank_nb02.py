"""Notebook 02's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from convlab.quiz import (
    ArrayQuestion,
    NumericQuestion,
    SingleChoice,
    TextQuestion,
    predictions_for,
)
from convlab.quiz.banks import nb02

from .support import BankContract, read_notebook

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


# -- the Predict moments (predictions()), answered here independently ---------------------
_x, _h = np.array([1, 2, 3, 4, 5]), np.array([1, 2, 3])
_y = np.convolve(_x, _h)
_short, _long = np.ones(3), np.ones(5)
_signal = np.array([0, 0, 0, 1, 2, 3, 2, 1, 0, 0])
_pattern = np.array([1, 2, 3, 2, 1])
_rng = np.random.default_rng(2)
_noisy = _rng.normal(0.0, 0.5, 30).round(2)
_noisy[17:22] += _pattern
_box = np.ones(100)
PREDICT_ANSWERS = {
    "02-p-y2": int(_y[2]),  # 1·3 + 2·2 + 3·1 = 10
    "02-p-lengths": [len(np.convolve(_x, _h, m)) for m in ("full", "same", "valid")],  # 7 5 3
    "02-p-long": [len(np.convolve(_short, _long, "full")), len(np.convolve(_short, _long, "valid")),
                  len(np.convolve(_short, _long, "same"))],  # 7 3 5
    "02-p-flip": "the same values with every sign changed",
    "02-p-symmetric": "they agree for [1, 2, 1] only",
    "02-p-peak": int(np.argmax(np.convolve(_signal, _pattern))),  # 7
    "02-p-noisy": "yes, at the position where it was hidden",
    "02-p-dt": round(float((np.convolve(_box, _box) * 0.01)[50]), 3),  # 0.51
}
PREDICT_WRONG = {
    "02-p-y2": ["14", "16"],
    "02-p-lengths": ["7 3 5", "5 5 5"],
    "02-p-long": ["7 3 3", "7 5 3"],
    "02-p-flip": ["the same values", "the same values in reverse order"],
    "02-p-symmetric": ["they agree for both"],
    "02-p-peak": ["5", "3", "19"],
    "02-p-noisy": ["no, a place or two off"],
    "02-p-dt": ["0.5", "51"],
}
PREDICT_NEAR = [
    ("02-p-y2", "14", "cross-correlation"),
    ("02-p-lengths", "7 3 5", "swapped"),
    ("02-p-long", "7 3 3", "max(N, M)"),
    ("02-p-long", "7 5 3", "|N − M| + 1"),
    ("02-p-peak", "5", "centre"),
    ("02-p-peak", "19", "where"),
    ("02-p-dt", "0.5", "Close"),
    ("02-p-dt", "51", "Δt"),
]


def test_hand_checks_of_the_predictions():
    assert PREDICT_ANSWERS["02-p-y2"] == 1 * 3 + 2 * 2 + 3 * 1 == 10
    assert PREDICT_ANSWERS["02-p-lengths"] == [5 + 3 - 1, 5, 5 - 3 + 1]
    assert PREDICT_ANSWERS["02-p-long"] == [3 + 5 - 1, abs(3 - 5) + 1, max(3, 5)]
    d = np.array([1, 0, -1])
    assert np.array_equal(np.correlate(_x, d, "full"), -np.convolve(_x, d))
    assert PREDICT_ANSWERS["02-p-peak"] == 3 + len(_pattern) - 1  # the window ends at x[7]
    assert int(np.argmax(np.correlate(_noisy, _pattern, "valid"))) == 17
    assert np.correlate(_noisy, _pattern, "valid").max().round(2) == 18.4  # the explanation's
    assert PREDICT_ANSWERS["02-p-dt"] == 0.51 == 51 * 0.01


def test_predictions_in_order_with_hints_and_explanations():
    qs = nb02.predictions()
    assert [q.qid for q in qs] == list(PREDICT_ANSWERS)
    source = inspect.getsource(nb02)
    for q in qs:
        assert q.hint and q.reveal(), q.qid
        assert all(d in source for d in q._hashes), q.qid


@pytest.mark.parametrize("qid", list(PREDICT_ANSWERS))
def test_prediction_hashes_match_the_worked_answers(qid):
    q = {q.qid: q for q in nb02.predictions()}[qid]
    assert q.check(str(PREDICT_ANSWERS[qid])).correct, qid
    for response in PREDICT_WRONG[qid]:
        fb = q.check(response)
        assert fb.valid and not fb.correct, (qid, response, fb)


@pytest.mark.parametrize(("qid", "response", "words"), PREDICT_NEAR)
def test_prediction_near_misses_get_targeted_messages(qid, response, words):
    q = {q.qid: q for q in nb02.predictions()}[qid]
    fb = q.check(response)
    assert not fb.correct and fb.message in q._near.values() and words in fb.message, fb


def test_the_notebook_asks_them_in_order():
    nb = read_notebook("02_flip_and_slide.ipynb")
    cards = [c.source.strip() for c in nb.cells if c.source.strip().startswith("predict(")]
    names = [qid.removeprefix("02-p-") for qid in PREDICT_ANSWERS]
    assert cards == [f'predict("{name}")' for name in names]
    assert predictions_for("02", progress=None).names == names
