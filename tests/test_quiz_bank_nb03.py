"""Notebook 03's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

import inspect
from fractions import Fraction

import numpy as np
import pytest

from convlab.quiz import (
    ArrayQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    predictions_for,
)
from convlab.quiz.banks import nb03

from .support import BankContract, read_notebook


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


# -- the Predict moments (predictions()), worked out here independently --------------------
_h = gaussian(21, 3.0)
_smooth = np.convolve(SAW, _h, "valid")
_t = np.arange(-50, 51)
_bell2 = np.exp(-(_t**2) / (2 * 2.0**2))
_cut7 = 1 - _bell2[np.abs(_t) <= 3].sum() / _bell2.sum()
_chart_t = np.linspace(0.0, 4.0, 200)
_trend = 0.5 * _chart_t + np.sin(np.pi * _chart_t)  # convlab.chart_trend, as documented
_noisy = _trend + np.random.default_rng(0).normal(0.0, 0.4, size=200)
_gauss_err = np.sqrt(np.mean((np.convolve(_noisy, _h, "valid") - _trend[10:-10]) ** 2))
_options_err = {"about 0.3": 0.3, "about 0.15": 0.15, "about 0.05": 0.05}
PREDICT_ANSWERS = {
    "03-p-drop": round(float(SAW[50] - SAW[49]), 9),  # -1 - 1 = -2
    "03-p-centre": "tap 10 (the centre), more than 1/21",
    "03-p-length": len(_smooth),  # 180
    "03-p-teeth": "no, they stay well inside ±1",
    "03-p-svg": "smoothing_size21_sigma3.0_step0-1.svg",
    "03-p-sigma": "lower and lower as sigma grows",
    "03-p-size": "hardly at all (less than 0.001)",
    "03-p-cutoff": "about 8 %",
    "03-p-box": "the box",
    "03-p-noisy": min(_options_err, key=lambda o: abs(_options_err[o] - _gauss_err)),
}
PREDICT_WRONG = {
    "03-p-drop": ["2", "-1"],
    "03-p-centre": ["tap 10 (the centre), less than 1/21", "every tap weighs the same, 1/21"],
    "03-p-length": ["200", "220", "179"],
    "03-p-teeth": ["yes, they still reach ±1"],
    "03-p-svg": ["smoothing_size21_sigma3.0_step1.svg"],
    "03-p-sigma": ["the same each time: the size is fixed"],
    "03-p-size": ["a lot (about 0.3)"],
    "03-p-cutoff": ["about 0.1 %", "about 30 %"],
    "03-p-box": ["the Gaussian"],
    "03-p-noisy": ["about 0.05", "about 0.3"],
}
PREDICT_NEAR = [
    ("03-p-drop", "2", "sign"),
    ("03-p-length", "200", "'same' mode"),
    ("03-p-length", "220", "'full' mode"),
    ("03-p-length", "179", "One short"),
]


def test_hand_checks_of_the_predictions():
    assert PREDICT_ANSWERS["03-p-drop"] == -2
    assert _h.argmax() == 10 and _h.max() > 1 / 21 and round(float(_h.max()), 3) == 0.133
    assert PREDICT_ANSWERS["03-p-length"] == 200 - 21 + 1
    assert 0.5 < _smooth.max() < 1 and round(float(_smooth.max()), 3) == 0.730
    tops = [np.convolve(SAW, gaussian(51, s), "valid").max() for s in (1.0, 3.0, 8.0)]
    assert tops[0] > tops[1] > tops[2]
    assert [round(float(v), 3) for v in tops] == [0.909, 0.729, 0.400]  # the explanation's
    y51 = np.convolve(SAW, gaussian(51, 3.0), "valid")
    assert np.abs(_smooth[15:165] - y51).max() < 0.001
    assert 0.07 < _cut7 < 0.09 and f"{_cut7:.1%}" == "7.7%"
    cut = [1 - _bell2[np.abs(_t) <= r].sum() / _bell2.sum() for r in (4, 6)]
    assert [f"{c:.1%}" for c in cut] == ["2.3%", "0.1%"]
    box = np.convolve(SAW, np.ones(21) / 21, "valid")
    assert box.max() < _smooth.max() and round(float(box.max()), 3) == 0.592
    box_err = np.sqrt(np.mean((np.convolve(_noisy, np.ones(21) / 21, "valid")
                               - _trend[10:-10]) ** 2))
    assert round(float(box_err), 3) == 0.097
    assert PREDICT_ANSWERS["03-p-noisy"] == "about 0.15" and round(float(_gauss_err), 3) == 0.138


def test_predictions_in_order_with_hints_and_explanations():
    qs = nb03.predictions()
    assert [q.qid for q in qs] == list(PREDICT_ANSWERS)
    source = inspect.getsource(nb03)
    for q in qs:
        assert q.hint and q.reveal(), q.qid
        assert all(d in source for d in q._hashes), q.qid


@pytest.mark.parametrize("qid", list(PREDICT_ANSWERS))
def test_prediction_hashes_match_the_worked_answers(qid):
    q = {q.qid: q for q in nb03.predictions()}[qid]
    assert q.check(str(PREDICT_ANSWERS[qid])).correct, qid
    for response in PREDICT_WRONG[qid]:
        fb = q.check(response)
        assert fb.valid and not fb.correct, (qid, response, fb)


@pytest.mark.parametrize(("qid", "response", "words"), PREDICT_NEAR)
def test_prediction_near_misses_get_targeted_messages(qid, response, words):
    q = {q.qid: q for q in nb03.predictions()}[qid]
    fb = q.check(response)
    assert not fb.correct and fb.message in q._near.values() and words in fb.message, fb


def test_the_notebook_asks_them_in_order():
    nb = read_notebook("03_smoothing_a_sawtooth.ipynb")
    cards = [c.source.strip() for c in nb.cells if c.source.strip().startswith("predict(")]
    names = [qid.removeprefix("03-p-") for qid in PREDICT_ANSWERS]
    assert cards == [f'predict("{name}")' for name in names]
    assert predictions_for("03", progress=None).names == names
