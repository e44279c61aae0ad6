"""Notebook 07's question bank (channels and learned filters): hashes match answers worked out here.

The bank's key is "07ch" until the renumbering of notebooks 07 → 08 and 08 → 09 lands; then it
becomes "07" (see the branch's report).
"""

import itertools

import numpy as np
import pytest
from scipy.signal import correlate, correlate2d

from convlab.quiz import (
    ArrayQuestion,
    GeneratedQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    questions_for,
)
from convlab.quiz.banks import nb07ch

from .support import BankContract


def _count_parameters(c_out, c_in, k):
    """Parameters by building the arrays a layer holds: weights and biases."""
    return np.zeros((c_out, c_in, k, k)).size + np.zeros(c_out).size


def _count_macs(c_in, c_out, k, n, padding):
    """Multiply-adds by counting the taps that touch each output value, one by one."""
    out = n + 2 * padding - k + 1
    return sum(c_in * k * k for _ in itertools.product(range(c_out), range(out), range(out)))


_x = np.array([[1, 2, 3], [4, 5, 6]])
_gy = np.array([[1, 0], [0, 1]])

ANSWERS = {
    "07ch-vgg": _count_parameters(64, 3, 3),  # 1792
    "07ch-macs": _count_macs(3, 8, 3, 32, 1),  # 221184
    "07ch-1x1": "a matrix product of the weights with the pixel's vector of channel values",
    "07ch-slide": "rows and columns only",
    "07ch-why": [0, 1, 4],
    "07ch-grad": correlate2d(_x, _gy, mode="valid")[0].tolist(),  # [6, 8]: the 1x2 kernel's row
    "07ch-learned": 0,
}
ALSO_RIGHT = {
    "07ch-vgg": ["1792.0", " 1792 "],
    "07ch-macs": ["221184.0", "2.21184e5"],
    "07ch-1x1": [0, "a"],
    "07ch-slide": [0],
    "07ch-grad": ["6 8", "[6, 8]"],
}
WRONG = {
    "07ch-vgg": ["1728", "640", "28", "1800"],
    "07ch-macs": ["73728", "194400", "27648"],
    "07ch-1x1": [1, 2, 3],
    "07ch-slide": [1, 2, 3],
    "07ch-why": [[0, 1], [0, 1, 2, 4], [2, 3], [0, 1, 3, 4]],
    "07ch-grad": ["8 6", "6 6"],
    "07ch-learned": [1, 2, 3],
}
NEAR = [
    ("07ch-vgg", "1728", "bias"),
    ("07ch-vgg", "640", "every"),
    ("07ch-vgg", "28", "one filter"),
    ("07ch-macs", "73728", "C_in"),
    ("07ch-macs", "194400", "padding"),
    ("07ch-grad", "8 6", "no flip"),
]
PLAIN_WRONG = {"07ch-grad": "9 9"}


def test_independent_checks_of_the_answers():
    assert ANSWERS["07ch-vgg"] == 64 * 3 * 3 * 3 + 64 == 1792
    assert ANSWERS["07ch-macs"] == 3 * 8 * 9 * 32 * 32 == 221184
    # the weight gradient by finite differences of L = sum(y * grad_y), y = correlate2d(x, k)
    k = np.zeros((1, 2))
    grad = []
    for j in range(2):
        e = np.zeros((1, 2))
        e[0, j] = 1
        grad.append(np.sum(correlate2d(_x, k + e, "valid") * _gy)
                    - np.sum(correlate2d(_x, k, "valid") * _gy))
    assert ANSWERS["07ch-grad"] == grad == [6, 8]


def test_the_slide_answer_against_scipy_nd_correlation():
    x = np.arange(3 * 5 * 5).reshape(3, 5, 5)
    assert correlate(x, np.ones((3, 3, 3)), mode="valid").shape == (1, 3, 3)  # no channel slide
    assert correlate(x, np.ones((2, 3, 3)), mode="valid").shape == (2, 3, 3)  # slides


@pytest.mark.parametrize("number", range(25))
def test_generated_parameter_counts(number):
    q = next(q for q in questions_for("07ch") if q.qid == "07ch-gen-params")
    q.set_instance(number)
    words = q.prompt.replace("*", "").split()
    c_in, c_out = int(words[words.index("input") - 1]), int(words[words.index("filters") - 1])
    k = int(words[words.index("filters") + 2])
    assert q.check(str(_count_parameters(c_out, c_in, k))).correct
    assert not q.check(str(c_out * c_in * k * k)).correct  # without the biases


@pytest.mark.parametrize("number", range(25))
def test_generated_output_shapes(number):
    q = next(q for q in questions_for("07ch") if q.qid == "07ch-gen-shape")
    q.set_instance(number)
    text = q.prompt
    c_in, h, w = (int(v) for v in text.split("shape (")[1].split(")")[0].split(", "))
    c_out, _, k, _ = (int(v) for v in text.split("shape (")[2].split(")")[0].split(", "))
    p = int(text.split("zero padding ")[1].split(".")[0])
    out = correlate(np.ones((c_in, h + 2 * p, w + 2 * p)), np.ones((c_in, k, k)), mode="valid")
    want = (c_out, *out.shape[1:])
    assert q.check(" ".join(map(str, want))).correct


class TestBank07ch(BankContract):
    bank = nb07ch
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    plain_wrong = PLAIN_WRONG
    kinds = (NumericQuestion, SingleChoice, MultipleChoice, ArrayQuestion, GeneratedQuestion)
    size = (9, 9)
    submit = ("07ch-vgg", "1792")
    absent_from_source = ("1792\"", "221184")


# -- Predict moments (predictions()): plain answers worked out here --------------------------

def _rgb():
    from convlab.data import photo

    return photo(downsample=4, colour=True)


def _channels_answer():
    rgb = _rgb()
    names = ("red", "green", "blue")
    brightest = names[int(np.argmax([c.mean() for c in rgb]))]
    return f"({', '.join(map(str, rgb.shape))}); {brightest}"


def _slide_answer():
    rgb = np.zeros((3, 150, 128))
    a = correlate(rgb, np.ones((3, 3, 3)), mode="valid").shape
    b = correlate(rgb, np.ones((2, 3, 3)), mode="valid").shape
    return f"({', '.join(map(str, a))}), then ({', '.join(map(str, b))})"


_WINDOWS = np.array([[[0, 1], [3, 4]], [[1, 2], [4, 5]]])  # both channels' top-left windows
_TOP_LEFT = int(np.sum(_WINDOWS * np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]])))
_PLUS_ONE = int(np.sum(_WINDOWS * 1))  # K + 1 adds each window value once more
_DENSE = (3 * 224 * 224) * (64 * 224 * 224) + 64 * 224 * 224
_MACS = 3 * 64 * 9 * 224 * 224

PREDICT = {  # qid -> (the plain answer, wrong answers, near misses (response, words))
    "07ch-p-channels": (_channels_answer(), [0, 2, 3], []),
    "07ch-p-top-left": (str(_TOP_LEFT), ["57", "55"], [("19", "channel 0"), ("37", "channel 1")]),
    "07ch-p-plus-one": (str(_PLUS_ONE), ["4", "8 "], [("8", "both"), ("12", "channel 0")]),
    "07ch-p-dense": ("hundreds of billions" if _DENSE > 1e11 else "?", [0, 1], []),
    "07ch-p-macs": ("about a hundred million" if 3e7 < _MACS < 3e8 else "?", [0, 2], []),
    "07ch-p-one-by-one": ("1 3 1 1", ["1 1 3 1", "3 3 1 1"], [("3 1 1 1", "three channels")]),
    "07ch-p-slide": (_slide_answer(), [1, 2, 3], []),
    "07ch-p-learned": ("1 -1", ["1 1", "0 0"], [("-1 1", "flipped")]),
    "07ch-p-tiny-params": (str(_count_parameters(8, 1, 3) + (8 * 5 * 5) * 4 + 4), ["800", "888"],
                           [("80", "dense"), ("804", "convolution"), ("872", "bias")]),
    "07ch-p-edges": ("a few; the rest stay no closer than random kernels", [0, 2], []),
}


def test_the_predictions_independent_facts():
    assert _TOP_LEFT == 56 and _PLUS_ONE == 20
    assert _DENSE == 483_388_358_656 and _MACS == 86_704_128
    assert PREDICT["07ch-p-tiny-params"][0] == "884"
    # the learned kernel: the edge map was made with [1, -1], and only it reproduces the map
    image = np.ones((6, 8))
    image[:, 2:6] = 0
    edges = correlate2d(image, [[1, -1]], mode="valid")
    a = np.stack([image[:, :-1].ravel(), image[:, 1:].ravel()], axis=1)
    k, *_ = np.linalg.lstsq(a, edges.ravel(), rcond=None)
    assert np.allclose(k, [1, -1])


def test_predictions_answer_their_worked_answers():
    qs = nb07ch.predictions()
    assert [q.qid for q in qs] == list(PREDICT)
    for q in qs:
        right, wrong, near = PREDICT[q.qid]
        assert q.hint and q.reveal(), q.qid
        assert q.check(right).correct, (q.qid, right)
        for response in wrong:
            fb = q.check(response)
            assert fb.valid and not fb.correct, (q.qid, response)
        for response, words in near:
            fb = q.check(response)
            assert not fb.correct and words in fb.message, (q.qid, response, fb)


def test_predictions_are_cards_of_the_notebook():
    from convlab.quiz import predictions_for

    predict = predictions_for("07ch", progress=None)
    assert predict.names == [qid.removeprefix("07ch-p-") for qid in PREDICT]
    assert predict.check("top-left", "56").correct
    assert predict.score == (1, len(PREDICT))
