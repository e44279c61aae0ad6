"""Notebook 04's question bank: every stored hash matches an answer worked out here."""

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

from convlab.quiz import (
    ArrayQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    for_notebook,
    questions_for,
)
from convlab.quiz.banks import nb04


@pytest.fixture(autouse=True)
def _no_home_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))


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
NEAR_MISSES = {"04-corr": convolve2d(X, [[1, 2], [3, 4]], "valid").tolist(), "04-dot": "36",
               "04-blur": "200"}


def test_hand_checks_of_the_numbers():
    assert ANSWERS["04-corr"] == [[1 + 4 + 12 + 20, 47], [67, 77]]
    assert ANSWERS["04-dot"] == -36
    assert ANSWERS["04-blur"] == 198
    assert ANSWERS["04-flip"] == [0, 1, 3]
    identity = np.zeros((3, 3), dtype=int)
    identity[1, 1] = 1
    assert (identity - LAPLACIAN).tolist() == [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]


def test_the_bank_is_found_and_has_mixed_types():
    qs = questions_for("04")
    assert [q.qid for q in qs] == list(ANSWERS)
    assert 3 <= len(qs) <= 5
    kinds = {type(q) for q in qs}
    assert {ArrayQuestion, NumericQuestion, MultipleChoice, SingleChoice} <= kinds
    assert for_notebook("04", progress=None).title == nb04.TITLE


@pytest.mark.parametrize("qid", sorted(ANSWERS))
def test_bank_hash_matches_the_worked_answer(qid):
    q = {q.qid: q for q in questions_for("04")}[qid]
    for response in [ANSWERS[qid], *ALSO_RIGHT.get(qid, [])]:
        fb = q.check(response)
        assert fb.correct, (qid, response, fb)
    for response in WRONG.get(qid, []):
        fb = q.check(response)
        assert fb.valid and not fb.correct, (qid, response, fb)


@pytest.mark.parametrize("qid", sorted(NEAR_MISSES))
def test_tempting_wrong_answers_get_a_targeted_message(qid):
    q = {q.qid: q for q in questions_for("04")}[qid]
    fb = q.check(NEAR_MISSES[qid])
    assert not fb.correct
    assert q._near and any(msg in fb.message for msg in q._near.values()), fb


def test_every_question_has_hint_and_explanation():
    for q in questions_for("04"):
        assert q.hint and q.reveal(), q.qid


def test_no_plain_answers_stored():
    import inspect

    source = inspect.getsource(nb04)
    for q in questions_for("04"):
        for digest in q._hashes:
            assert len(digest) == 32 and digest in source, q.qid
    assert "choice:" not in source and "num:" not in source
