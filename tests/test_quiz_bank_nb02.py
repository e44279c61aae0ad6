"""Notebook 02's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from convlab.quiz import ArrayQuestion, NumericQuestion, SingleChoice, TextQuestion, for_notebook
from convlab.quiz.banks import nb02


@pytest.fixture(autouse=True)
def _no_home_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))


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
NEAR = {  # tempting wrong answers that get a targeted message
    "02-valid": {"14": "'full' mode", "10": "'same' mode", "5": "starts at 0"},
    "02-slide": {"-1 -1 -1 -1 4": "cross-correlation"},
    "02-peak": {"4": "sum of the pattern"},
    "02-name": {"convolution": "flips the kernel", "autocorrelation": "special case"},
}


def _questions():
    return {q.qid: q for q in nb02.questions()}


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


def test_bank_shape():
    assert nb02.NOTEBOOK == "02" and nb02.TITLE
    qs = nb02.questions()
    assert 3 <= len(qs) <= 5
    assert set(_questions()) == set(ANSWERS)
    kinds = {type(q) for q in qs}
    assert {NumericQuestion, ArrayQuestion, SingleChoice, TextQuestion} <= kinds
    for q in qs:
        assert q.hint and q.reveal()


@pytest.mark.parametrize("qid", sorted(ANSWERS))
def test_hashes_match_the_worked_answers(qid):
    q = _questions()[qid]
    for response in [ANSWERS[qid], *ALSO_RIGHT.get(qid, [])]:
        assert q.check(response).correct, (qid, response)
    for response in WRONG.get(qid, []):
        fb = q.check(response)
        assert fb.valid and not fb.correct, (qid, response)


@pytest.mark.parametrize(("qid", "response", "words"),
                         [(q, r, w) for q, d in NEAR.items() for r, w in d.items()])
def test_near_misses_get_targeted_messages(qid, response, words):
    fb = _questions()[qid].check(response)
    assert not fb.correct and words in fb.message


def test_no_plain_answers_in_the_source():
    source = inspect.getsource(nb02)
    for q in nb02.questions():
        for digest in q._hashes:
            assert len(digest) == 32 and digest in source
    assert "1, 1, 1, 1, -4" not in source.replace("−", "-").split("explanation")[0]


def test_quiz_builds_for_the_notebook():
    quiz = for_notebook("02", progress=None)
    assert repr(quiz) == "<Quiz '02': 5 questions, 0 / 5 correct>"
