"""Notebook 01's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from convlab.quiz import ArrayQuestion, NumericQuestion, SingleChoice, predictions_for
from convlab.quiz.banks import nb01

from .support import BankContract, read_notebook

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


# -- the Predict moments (predictions()), answered here independently ---------------------
x, y = np.arange(1, 6), np.arange(6, 11)
_z = np.convolve(x, y)
PREDICT_ANSWERS = {
    "01-p-corner": int(np.outer(x, y)[4, 0]),  # 5 * 6 = 30
    "01-p-count": len(x) + len(y) - 1,  # 9
    "01-p-largest": int(np.argmax(_z)),  # z[5] = 114 > z[4] = 110
    "01-p-agree": "yes, all nine values",
    "01-p-total": int(x.sum() * y.sum()),  # 15 * 40 = 600
    "01-p-length": len(np.convolve(x, [1, 1, 1])),  # 7
    "01-p-t3": int(np.polynomial.polynomial.polymul([1, 2, 3], [4, 5, 6])[3]),  # 27
    "01-p-digits": "yes: carrying changes the digits, not the value",
}
PREDICT_WRONG = {
    "01-p-corner": ["10", "50"],
    "01-p-count": ["5", "10", "25"],
    "01-p-largest": ["4", "8"],
    "01-p-agree": ["no, it gives them in reverse order"],
    "01-p-total": ["55", "440"],
    "01-p-length": ["8", "15", "3"],
    "01-p-t3": ["28", "18"],
    "01-p-digits": ["no: they give the right value only after carrying"],
}
PREDICT_NEAR = [
    ("01-p-corner", "10", "top-right"),
    ("01-p-count", "5", "longest"),
    ("01-p-count", "25", "cells"),
    ("01-p-largest", "4", "longest"),
    ("01-p-total", "55", "products"),
    ("01-p-length", "3", "valid"),
    ("01-p-t3", "28", "t²"),
]


def test_hand_checks_of_the_predictions():
    assert PREDICT_ANSWERS["01-p-largest"] == 5 and _z[5] == 114 > _z[4] == 110
    assert PREDICT_ANSWERS["01-p-total"] == 600 == int(_z.sum())
    assert PREDICT_ANSWERS["01-p-t3"] == 2 * 6 + 3 * 5 == 27
    assert 4 + 13 * 10 + 28 * 100 + 27 * 1000 + 18 * 10**4 == 321 * 654


def test_predictions_in_order_with_hints_and_explanations():
    qs = nb01.predictions()
    assert [q.qid for q in qs] == list(PREDICT_ANSWERS)
    source = inspect.getsource(nb01)
    for q in qs:
        assert q.hint and q.reveal(), q.qid
        assert all(d in source for d in q._hashes), q.qid


@pytest.mark.parametrize("qid", list(PREDICT_ANSWERS))
def test_prediction_hashes_match_the_worked_answers(qid):
    q = {q.qid: q for q in nb01.predictions()}[qid]
    assert q.check(str(PREDICT_ANSWERS[qid])).correct, qid
    for response in PREDICT_WRONG[qid]:
        fb = q.check(response)
        assert fb.valid and not fb.correct, (qid, response, fb)


@pytest.mark.parametrize(("qid", "response", "words"), PREDICT_NEAR)
def test_prediction_near_misses_get_targeted_messages(qid, response, words):
    q = {q.qid: q for q in nb01.predictions()}[qid]
    fb = q.check(response)
    assert not fb.correct and fb.message in q._near.values() and words in fb.message, fb


def test_the_notebook_asks_them_in_order():
    nb = read_notebook("01_outer_product_diagonals.ipynb")
    cards = [c.source.strip() for c in nb.cells if c.source.strip().startswith("predict(")]
    names = [qid.removeprefix("01-p-") for qid in PREDICT_ANSWERS]
    assert cards == [f'predict("{name}")' for name in names]
    assert predictions_for("01", progress=None).names == names
