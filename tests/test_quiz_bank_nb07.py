"""Notebook 07's question bank: every stored hash matches an answer worked out here."""

from fractions import Fraction
from itertools import product

import numpy as np
import pytest

from convlab.quiz import (
    ArrayQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    for_notebook,
    questions_for,
)
from convlab.quiz.banks import nb07


@pytest.fixture(autouse=True)
def _no_home_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))


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
    "07-dice4": ["1/12", "3/36", "0.083", " 0.0833 "],
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
NEAR_MISS = {"07-dice4": "1/11", "07-madds": "1587600", "07-ways": "1 1 1 1 1"}


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


def test_bank_shape():
    qs = questions_for("07")
    assert [q.qid for q in qs] == list(ANSWERS)
    assert 3 <= len(qs) <= 5
    assert nb07.NOTEBOOK == "07" and nb07.TITLE
    kinds = {type(q) for q in qs}
    assert {NumericQuestion, ArrayQuestion, SingleChoice, MultipleChoice} <= kinds
    for q in qs:
        assert q.hint and q.reveal(), q.qid


@pytest.mark.parametrize("qid", sorted(ANSWERS))
def test_bank_hash_matches_the_worked_answer(qid):
    q = {q.qid: q for q in questions_for("07")}[qid]
    for response in [ANSWERS[qid], *ALSO_RIGHT.get(qid, [])]:
        fb = q.check(response)
        assert fb.correct, (qid, response, fb)
    for response in WRONG.get(qid, []):
        fb = q.check(response)
        assert fb.valid and not fb.correct, (qid, response, fb)


@pytest.mark.parametrize("qid", sorted(NEAR_MISS))
def test_near_misses_get_their_own_message(qid):
    q = {q.qid: q for q in questions_for("07")}[qid]
    generic = q.check("999999" if qid != "07-ways" else "9 9 9 9 9").message
    fb = q.check(NEAR_MISS[qid])
    assert not fb.correct and fb.message != generic


def test_no_plain_answers_in_the_bank_source():
    import inspect

    source = inspect.getsource(nb07)
    for q in questions_for("07"):
        for digest in q._hashes:
            assert len(digest) == 32 and digest in source, q.qid
    assert "1638400" not in source and "1/12" not in source.split("explanation")[0]


def test_for_notebook_07():
    quiz = for_notebook("07", progress=None)
    assert quiz.name == "07" and len(quiz.questions) == 5
    assert quiz.submit("07-dice4", "1/12").correct
    assert quiz.score == (1, 5)
