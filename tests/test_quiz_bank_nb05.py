"""Notebook 05's question bank: every stored hash matches an answer worked out here."""

import inspect
import math

import numpy as np
import pytest
from scipy.signal import correlate2d

from convlab import conv_transpose2d, max_pool2d
from convlab.quiz import (
    ArrayQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    predictions_for,
)
from convlab.quiz.banks import nb05

from .support import BankContract

POOL = np.array([[4, 1, 0, 2], [3, 2, 5, 1], [0, 1, 7, 6], [2, 8, 3, 3]])

# Plain answers, computed here (the bank holds only hashes).
ANSWERS = {
    "05-size": math.floor((32 + 2 * 1 - 5) / 2) + 1,  # 15
    "05-span": len(range(0, 3 * 2 + 1)),  # taps at 0, 3, 6: columns 0..6 -> 7
    "05-trap": "a 1 × 3 kernel",
    "05-maxpool": [[4, 5], [8, 7]],
    "05-bigger": [0, 4],
    "05-same": (7 - 1) // 2,  # 3
    "05-matrix-shape": [len(range(0, 10 + 2 - 3 + 1, 2)), 10],  # [5, 10]
    "05-outpad": 11 - ((3 - 1) * 3 + 3),  # 2
}
ALSO_RIGHT = {
    "05-size": ["15", " 15.0 "],
    "05-span": ["7"],
    "05-trap": [2],
    "05-maxpool": ["4 5; 8 7", "[[4, 5], [8, 7]]"],
    "05-bigger": [[
        "a transposed convolution with a 2 × 2 kernel and stride 2",
        "a transposed convolution with a 3 × 3 kernel, stride 1 and padding 0",
    ]],
    "05-same": ["3.0"],
    "05-matrix-shape": ["5 10", "[5, 10]"],
    "05-outpad": ["2"],
}
WRONG = {
    "05-size": ["16", "30", "14", "15.5"],
    "05-span": ["9", "3", "6"],
    "05-trap": ["a 3 × 3 kernel", "a 1 × 1 kernel", 0],
    "05-maxpool": ["[[2.5, 2], [2.75, 4.75]]", "[[4, 5], [7, 8]]", "4 5 8 7 1"],
    "05-bigger": [[0], [4], [0, 3, 4], [1, 2]],
    "05-same": ["6", "7", "1.5"],
    "05-matrix-shape": ["10 5", "8 10", "5 12"],
    "05-outpad": ["3", "1", "0"],
}
NEAR = [  # tempting wrong answers that get a targeted message
    ("05-size", "16", None),
    ("05-span", "9", None),
    ("05-maxpool", "[[2.5, 2], [2.75, 4.75]]", None),
    ("05-bigger", [0], None),
    ("05-same", "6", "full"),
    ("05-matrix-shape", "10 5", "transpose"),
    ("05-outpad", "3", "smaller than the stride"),
]
PLAIN_WRONG = {"05-maxpool": "[[9, 9], [9, 9]]", "05-bigger": [1]}  # no message of their own


def test_independent_checks_of_the_answers():
    # 05-size: count the window starts in the padded 34-wide image, stride 2, span 5
    assert len(range(0, 34 - 5 + 1, 2)) == ANSWERS["05-size"] == 15
    # 05-span: taps of a dilated kernel
    taps = [0 + 3 * i for i in range(3)]
    assert taps[-1] - taps[0] + 1 == ANSWERS["05-span"] == 7
    # 05-trap: the seed's slice keeps one row for a 1x3 kernel, broadcasting hides it
    kernel = np.array([[1, 0, -1]])
    x = np.arange(20).reshape(4, 5)
    window = x[0:len(kernel), 0:len(kernel)]
    assert window.shape == (1, 1) and np.sum(window * kernel) == 0 != -2
    square = np.ones((3, 3))
    assert x[0:len(square), 0:len(square)].shape == square.shape
    # 05-maxpool by blocks, and the engine agrees
    blocks = POOL.reshape(2, 2, 2, 2).swapaxes(1, 2)
    assert blocks.max(axis=(2, 3)).tolist() == ANSWERS["05-maxpool"]
    assert max_pool2d(POOL, 2).tolist() == ANSWERS["05-maxpool"]
    assert blocks.mean(axis=(2, 3)).tolist() == [[2.5, 2], [2.75, 4.75]]  # the near miss
    # 05-bigger: sizes of each option on a 6 x 6 input
    x6 = np.ones((6, 6))
    sizes = [
        conv_transpose2d(x6, np.ones((2, 2)), stride=2).shape[0],  # 12
        max_pool2d(x6, 2).shape[0],  # 3
        (6 - 3) // 2 + 1,  # 2 (3 x 3 kernel, stride 2), 3 with any 1..2 kernel
        (6 + 2 - 3) // 1 + 1,  # 6
        conv_transpose2d(x6, np.ones((3, 3))).shape[0],  # 8
    ]
    assert [i for i, s in enumerate(sizes) if s > 6] == ANSWERS["05-bigger"]
    # 05-same: numpy's "same" keeps the length, which a layer does with padding 3 for k = 7
    x = np.arange(1.0, 13.0)
    h = np.arange(1.0, 8.0)
    p = ANSWERS["05-same"]
    assert len(np.convolve(x, h, mode="same")) == len(x) == len(x) + 2 * p - 7 + 1
    assert np.allclose(np.convolve(x, h, mode="same"),
                       np.correlate(np.pad(x, p), h[::-1], mode="valid"))
    # 05-matrix-shape: the matrix's columns are the layer's responses to the unit vectors
    k = np.array([1.0, 2.0, 3.0])
    columns = [np.correlate(np.pad(e, 1), k, mode="valid")[::2] for e in np.eye(10)]
    assert list(np.stack(columns, axis=1).shape) == ANSWERS["05-matrix-shape"]
    # 05-outpad: 9, 10 and 11 all give 3 outputs (k = 3, stride 3); back from 3 gives 9 + op
    assert {len(range(0, n - 3 + 1, 3)) for n in (9, 10, 11)} == {3}
    assert len(range(0, 12 - 3 + 1, 3)) == 4  # 12 would not, so op = 3 names no input size
    assert (3 - 1) * 3 + 3 + ANSWERS["05-outpad"] == 11


# -- the Predict moments (predictions(), in notebook order), each answer worked out here ----------

X25 = np.arange(1, 26).reshape(5, 5)


def _window_sums(x, k, s=1, p=0, d=1):
    """Sums of a k x k kernel of ones over the padded image, by loops."""
    xp = np.pad(x, p)
    span = d * (k - 1) + 1
    starts = range(0, xp.shape[0] - span + 1, s)
    return np.array([[sum(xp[i + a * d, j + b * d] for a in range(k) for b in range(k))
                      for j in starts] for i in starts])


def _stamp2d(x, k, s):
    out = np.zeros(((x.shape[0] - 1) * s + k.shape[0], (x.shape[1] - 1) * s + k.shape[1]), int)
    for (i, j), v in np.ndenumerate(x):
        out[i * s:i * s + k.shape[0], j * s:j * s + k.shape[1]] += v * k
    return out


PREDICTIONS = {
    "05-p-size": len(range(0, 7 + 2 - 3 + 1, 2)),  # 4
    "05-p-floor": len(range(0, 6 - 3 + 1, 2)),  # 2
    "05-p-alexnet": 54 * 4 + 11,  # 227
    "05-p-stride": _window_sums(X25, 3)[::2, ::2].tolist(),
    "05-p-corner": int(_window_sums(X25, 3, p=1)[0, 0]),  # 16
    "05-p-dilation": int(_window_sums(X25, 3, d=2)[0, 0]),  # 117
    "05-p-full": 5 - 1,  # 4
    "05-p-trap": "both, each quietly returning wrong numbers",
    "05-p-shapes": [[4 - 1 + 1, 5 - 3 + 1], [4 - 3 + 1, 5 - 1 + 1]],
    "05-p-pool": [[7, 8], [9, 8]],
    "05-p-stamps": int(_stamp2d(np.array([[1, 2], [3, 4]]), np.ones((3, 3), int), 2)[2, 2]),
    "05-p-matrix": 4 * 3,
    "05-p-transpose": (2 - 1) * 2 + 3,  # 5
    "05-p-ambiguity": [len(range(0, 7 + 2 - 3 + 1, 2)), len(range(0, 8 + 2 - 3 + 1, 2)),
                       (4 - 1) * 2 - 2 + 3],
    "05-p-outpad": "it raises a ValueError",
}
PREDICTION_NEAR = [
    ("05-p-size", "3"), ("05-p-size", "7"), ("05-p-floor", "3"), ("05-p-alexnet", "224"),
    ("05-p-stride", "63 72; 108 117"), ("05-p-corner", "63"), ("05-p-dilation", "325"),
    ("05-p-dilation", "63"), ("05-p-full", "2"), ("05-p-shapes", "2 5; 4 3"),
    ("05-p-pool", "4 5; 4.5 3.5"), ("05-p-stamps", "4"), ("05-p-matrix", "24"),
    ("05-p-matrix", "18"), ("05-p-transpose", "6"), ("05-p-ambiguity", "4 4 8"),
    ("05-p-ambiguity", "4 5 7"), ("05-p-outpad", "it returns 9"),
]


def test_the_predictions_answers_worked_out_independently():
    assert PREDICTIONS["05-p-size"] == 4 and PREDICTIONS["05-p-floor"] == 2
    assert (227 - 11) / 4 + 1 == 55 and (224 - 11) / 4 + 1 == 54.25
    assert PREDICTIONS["05-p-stride"] == [[63, 81], [153, 171]]
    assert PREDICTIONS["05-p-corner"] == 1 + 2 + 6 + 7
    assert PREDICTIONS["05-p-dilation"] == X25[::2, ::2].sum() == 117
    # full mode: numpy.convolve equals a valid correlation over the input padded by k - 1
    x, h = np.array([3.0, 1, 4, 1, 5, 9]), np.array([2.0, 7, 1, 8, 2])
    p = PREDICTIONS["05-p-full"]
    assert np.allclose(np.convolve(x, h), np.correlate(np.pad(x, p), h[::-1], mode="valid"))
    # the trap: both non-square kernels give wrong numbers without an error
    image = np.arange(20).reshape(4, 5)
    for kernel in (np.array([[1, 0, -1]]), np.array([[1], [0], [-1]])):
        m = len(kernel)
        rows, cols = 4 - kernel.shape[0] + 1, 5 - kernel.shape[1] + 1
        buggy = np.array([[np.sum(image[i:i + m, j:j + m] * kernel) for j in range(cols)]
                          for i in range(rows)])
        assert not np.array_equal(buggy, correlate2d(image, kernel, mode="valid"))
        assert correlate2d(image, kernel, mode="valid").shape == tuple(
            PREDICTIONS["05-p-shapes"][0 if kernel.shape == (1, 3) else 1])
    pool = np.array([[1, 3, 2, 4], [5, 7, 6, 8], [9, 2, 1, 0], [3, 4, 8, 5]])
    assert pool.reshape(2, 2, 2, 2).max(axis=(1, 3)).tolist() == PREDICTIONS["05-p-pool"]
    assert PREDICTIONS["05-p-stamps"] == 1 + 2 + 3 + 4
    # the matrix: the layer's responses to the unit vectors, non-zeros counted
    c = np.stack([np.correlate(e, [1, 2, 3], mode="valid") for e in np.eye(6)], axis=1)
    assert c.shape == (4, 6) and np.count_nonzero(c) == PREDICTIONS["05-p-matrix"]
    # stride 2: 2 outputs; stamping 2 values 2 apart with a 3-tap kernel covers 5 cells
    assert c[::2].shape == (2, 6)
    assert len(np.zeros((2 - 1) * 2 + 3)) == PREDICTIONS["05-p-transpose"]
    assert PREDICTIONS["05-p-ambiguity"] == [4, 4, 7]


@pytest.mark.parametrize("qid", list(PREDICTIONS))
def test_the_predictions_hashes_match(qid):
    q = {q.qid: q for q in nb05.predictions()}[qid]
    assert q.check(PREDICTIONS[qid]).correct, qid
    assert q.hint and q.reveal().strip()


@pytest.mark.parametrize(("qid", "response"), PREDICTION_NEAR)
def test_the_predictions_near_misses(qid, response):
    q = {q.qid: q for q in nb05.predictions()}[qid]
    fb = q.check(response)
    assert fb.valid and not fb.correct and fb.message in q._near.values(), (qid, fb)


def test_the_predictions_are_in_notebook_order_and_registered():
    qs = nb05.predictions()
    assert [q.qid for q in qs] == list(PREDICTIONS)
    source = inspect.getsource(nb05)
    for q in qs:
        assert all(len(d) == 32 and d in source for d in q._hashes), q.qid
    predict = predictions_for("05", progress=None)
    assert predict.names == [qid.removeprefix("05-p-") for qid in PREDICTIONS]
    assert predict.check("size", "4").correct


class TestBank05(BankContract):
    bank = nb05
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    plain_wrong = PLAIN_WRONG
    kinds = (NumericQuestion, ArrayQuestion, SingleChoice, MultipleChoice)
    submit = ("05-size", "15")
    size = (3, 8)
