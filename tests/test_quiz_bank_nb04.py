"""Notebook 04's question bank: every stored hash matches an answer worked out here."""

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

from convlab.quiz import ArrayQuestion, MultipleChoice, NumericQuestion, SingleChoice
from convlab.quiz.bank import PREDICTIONS, find_question, predictions_for
from convlab.quiz.banks import nb04

from .support import BankContract, code_cells, read_notebook

X = np.arange(1, 10).reshape(3, 3)
LAPLACIAN = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
DOT = np.zeros((3, 3))
DOT[1, 1] = 9


def _flip_invariant(kernel):
    kernel = np.asarray(kernel)
    return np.array_equal(kernel, kernel[::-1, ::-1])


MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}
FLAT = np.full((9, 8), 100.0)
BOX5 = np.full((5, 5), 1 / 25)


def _keeps_flat(mode):
    """Blur a flat 100 with a 5×5 box, 'same' size, padded by numpy.pad in this mode."""
    out = correlate2d(np.pad(FLAT, 2, mode=MODES[mode]), BOX5, "valid")
    return out.shape == FLAT.shape and np.allclose(out, 100)


FLIP_KERNELS = [np.full((3, 3), 1 / 9), LAPLACIAN, np.array([[1, 0, -1]] * 3),
                np.array([[0, 1], [1, 0]]), np.array([[1, 2], [3, 4]])]

# Plain answers, computed independently here (the bank holds only hashes).
ANSWERS = {
    "04-corr": correlate2d(X, [[1, 2], [3, 4]], "valid").tolist(),  # [[37, 47], [67, 77]]
    "04-dot": int(correlate2d(DOT, LAPLACIAN, "valid")[0, 0]),  # -4 * 9 = -36
    "04-blur": round(float(np.full((3, 3), 0.11).sum() * 200), 6),  # 0.99 * 200 = 198
    "04-flip": [i for i, k in enumerate(FLIP_KERNELS) if _flip_invariant(k)],  # 0, 1, 3
    "04-sharpen": "identity − Laplacian",
    "04-rank": int(np.linalg.matrix_rank(LAPLACIAN)),  # 2
    "04-cost": 7 + 7,  # a row pass and a column pass of 7 taps
    "04-flat-modes": [m for m in MODES if _keeps_flat(m)],  # all but zeros
}
ALSO_RIGHT = {
    "04-corr": ["37 47; 67 77", "[[37, 47], [67, 77]]"],
    "04-dot": ["−36", "-36.0"],
    "04-blur": ["198.0", "1.98e2"],
    "04-flip": [["box blur, 3 × 3 of 1/9", "the Laplacian [[0, 1, 0], [1, −4, 1], [0, 1, 0]]",
                 "[[0, 1], [1, 0]]"], "a b d"],
    "04-sharpen": [0, "a"],
    "04-rank": ["2.0"],
    "04-cost": ["14.0"],
    "04-flat-modes": [[1, 2, 3], "b c d"],
}
WRONG = {
    "04-corr": [convolve2d(X, [[1, 2], [3, 4]], "valid").tolist(), "37 47; 67 78"],
    "04-dot": ["36", "-4", "9", "0"],
    "04-blur": ["200", "22", "199"],
    "04-flip": [[0, 1], [0, 1, 2, 3], [4]],
    "04-sharpen": ["identity + Laplacian", "Laplacian − identity"],
    "04-rank": ["1", "3"],
    "04-cost": ["49", "7", "28"],
    "04-flat-modes": [["zeros", "reflect", "replicate", "circular"], ["reflect", "replicate"]],
}
NEAR = [  # tempting wrong answers that get a targeted message
    ("04-corr", convolve2d(X, [[1, 2], [3, 4]], "valid").tolist(), None),
    ("04-dot", "36", None),
    ("04-blur", "200", None),
    ("04-rank", "1", "separable"),
    ("04-cost", "49", "2-D kernel"),
]


def test_hand_checks_of_the_numbers():
    assert ANSWERS["04-corr"] == [[1 + 4 + 12 + 20, 47], [67, 77]]
    assert ANSWERS["04-dot"] == -36
    assert ANSWERS["04-blur"] == 198
    assert ANSWERS["04-flip"] == [0, 1, 3]
    identity = np.zeros((3, 3), dtype=int)
    identity[1, 1] = 1
    assert (identity - LAPLACIAN).tolist() == [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]
    assert ANSWERS["04-rank"] == 2 and ANSWERS["04-cost"] == 14
    assert ANSWERS["04-flat-modes"] == ["reflect", "replicate", "circular"]
    zeros = correlate2d(np.pad(FLAT, 2), BOX5, "valid")
    assert zeros[0, 0] == pytest.approx(100 * 9 / 25)  # the explanation's dark corner, 36


class TestBank04(BankContract):
    bank = nb04
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    kinds = (ArrayQuestion, NumericQuestion, MultipleChoice, SingleChoice)
    size = (3, 8)
    absent_from_source = ("choice:", "num:")


# -- the Predict moments ------------------------------------------------------------------

HI_ROWS = 16  # count the published matrix's rows (tests/test_nb04_numbers.py builds it)
PREDICT_ANSWERS = {
    "04-p-rows": HI_ROWS,
    "04-p-crossbar": [0, 0, 0, 0],
    "04-p-first": int(correlate2d(X, [[0, 1], [1, 0]], "valid")[0, 0]),  # 2 + 4
    "04-p-rounded": round(float(np.full((3, 3), 0.11).sum() * 100), 9),  # 99
    "04-p-blurred": "62 × 62",  # 64 - 3 + 1
    "04-p-flat": int(correlate2d(np.full((3, 3), 7), LAPLACIAN, "valid")[0, 0]),  # 0
    "04-p-centre": int(1 - LAPLACIAN[1, 1]),  # 5
    "04-p-edge": 3 * (255 - 0),
    "04-p-flip": "every value changes sign",
    "04-p-passes": 15 + 15,
    "04-p-laplacian": "no: it needs two outer products (rank 2)",
    "04-p-reflect": np.pad([1, 2, 3, 4], 2, mode="reflect").tolist(),
    "04-p-darkest": "zeros",
    "04-p-corner": "it moves one pixel down and to the right",
    "04-p-clip": "less than half",  # 28.6 %: tests/test_nb04_numbers.py measures it
}
PREDICT_WRONG = {
    "04-p-rows": ["14"], "04-p-crossbar": ["255 255 255 255"], "04-p-first": ["12", "8"],
    "04-p-rounded": ["100"], "04-p-blurred": ["64 × 64", "66 66"], "04-p-flat": ["-28"],
    "04-p-centre": ["-3"], "04-p-edge": ["-765", "255"], "04-p-flip": ["a", "c"],
    "04-p-corner": ["c"], "04-p-clip": ["most of it"], "04-p-passes": ["15", "225"],
    "04-p-laplacian": ["a", "c"],
    "04-p-reflect": [np.pad([1, 2, 3, 4], 2, mode="symmetric").tolist()],
    "04-p-darkest": ["reflect", "replicate", "circular"],
}


def test_predict_answers_by_hand():
    assert PREDICT_ANSWERS["04-p-first"] == 2 + 4
    assert PREDICT_ANSWERS["04-p-flat"] == 0 and PREDICT_ANSWERS["04-p-centre"] == 5
    assert PREDICT_ANSWERS["04-p-rounded"] == 99
    assert PREDICT_ANSWERS["04-p-reflect"] == [3, 2, 1, 2, 3, 4, 3, 2]
    # The Laplacian: rank 2 (numpy), not 1 or 3.
    assert np.linalg.matrix_rank(LAPLACIAN) == 2
    # Flipping [1, 0, -1] × 3 gives its negative.
    vertical = np.array([[1, 0, -1]] * 3)
    assert np.array_equal(vertical[::-1, ::-1], -vertical)
    # A single 1 in the top-left corner, 'same' padding: out[i, j] = x[i - 1, j - 1].
    corner = np.zeros((3, 3))
    corner[0, 0] = 1
    x = np.arange(1, 26).reshape(5, 5)
    moved = correlate2d(x, corner, "same")
    assert np.array_equal(moved[1:, 1:], x[:-1, :-1])
    # Zero padding darkens the frame of a flat image; the other modes keep it.
    assert [m for m in MODES if not _keeps_flat(m)] == ["zeros"]


@pytest.mark.parametrize("qid", list(PREDICT_ANSWERS))
def test_predictions_accept_the_worked_answers(qid):
    q = find_question(qid)
    assert q.hint and q.reveal()
    assert q.check(PREDICT_ANSWERS[qid]).correct, qid
    for wrong in PREDICT_WRONG[qid]:
        fb = q.check(wrong)
        assert fb.valid and not fb.correct, (qid, wrong)


def test_predictions_are_in_notebook_order(tmp_path):
    ids = [q.qid for q in PREDICTIONS["04"]()]
    assert ids == list(PREDICT_ANSWERS)
    cards = [c.source for c in code_cells(read_notebook("04_filters_on_images.ipynb"))
             if c.source.startswith("predict(")]
    assert cards == [f'predict("{qid[len("04-p-"):]}")' for qid in ids]
    predict = predictions_for("04", progress=tmp_path / "p.json")
    assert predict.check("rows", "16").correct and predict.score == (1, len(ids))


def test_no_plain_predict_answers_in_the_source():
    import inspect

    source = inspect.getsource(nb04.predictions)
    for q in nb04.predictions():
        assert all(d in source for d in q._hashes), q.qid
    assert "num:" not in source and "arr:" not in source
