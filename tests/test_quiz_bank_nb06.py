"""Notebook 06's question bank: every stored hash matches an answer worked out here."""

import numpy as np
from scipy.signal import convolve2d, correlate2d

from convlab.quiz import MultipleChoice, NumericQuestion, SingleChoice, bank
from convlab.quiz.banks import nb06

from .support import BankContract

# Plain answers, computed here (the bank holds only hashes).
ANSWERS = {
    "06-shape": 64 - 6 * (3 - 1),  # 52
    "06-field": 1 + 5 * (3 - 1),  # 11
    "06-collapse": convolve2d(np.ones((3, 3)), np.ones((3, 3)), mode="full").shape[0],  # 5
    "06-relu": "without it the stack collapses into a single linear convolution",
    "06-deep": [0, 2, 3],
}
ALSO_RIGHT = {
    "06-shape": ["52", "52.0"],
    "06-field": ["11"],
    "06-collapse": ["5", " 5 "],
    "06-relu": [1],
    "06-deep": [[
        "AlexNet has 5 convolutional layers",
        "the ResNet paper trained a network with more than 1000 layers on CIFAR-10",
        "3-D convolution slides the kernel along time (or depth) as well as rows and columns",
    ]],
}
WRONG = {
    "06-shape": ["58", "46", "54"],
    "06-field": ["15", "10", "9"],
    "06-collapse": ["6", "9", "3"],
    "06-relu": [0, 2, 3],
    "06-deep": [[0, 1, 2, 3], [0, 2], [1], [0, 2, 3, 4]],
}
NEAR = [  # tempting wrong answers that get a targeted message
    ("06-shape", "58", None),
    ("06-field", "15", None),
    ("06-collapse", "6", None),
]


def test_independent_checks_of_the_answers():
    # 06-shape: apply six valid 3x3 layers to an actual 64x64 array
    x = np.zeros((64, 64))
    for _ in range(6):
        x = convolve2d(x, np.ones((3, 3)), mode="valid")
    assert x.shape[0] == ANSWERS["06-shape"] == 52
    # 06-field: which input pixels reach the centre output pixel of five 3x3 layers
    impulse_response = np.ones((1, 1))
    for _ in range(5):
        impulse_response = convolve2d(impulse_response, np.ones((3, 3)), mode="full")
    assert impulse_response.shape == (ANSWERS["06-field"],) * 2
    # 06-collapse: associativity, on random numbers
    rng = np.random.default_rng(6)
    img, a, b = rng.standard_normal((12, 12)), rng.standard_normal((3, 3)), rng.standard_normal(
        (3, 3))
    ab = convolve2d(a, b, mode="full")
    assert ab.shape == (ANSWERS["06-collapse"],) * 2
    assert np.allclose(convolve2d(convolve2d(img, a, "valid"), b, "valid"),
                       convolve2d(img, ab, "valid"))
    relu = convolve2d(np.maximum(convolve2d(img, a, "valid"), 0), b, "valid")
    assert not np.allclose(relu, convolve2d(img, ab, "valid"))
    # 06-deep: the facts as the course's bank docstring states them
    facts = bank.__doc__
    assert "eight learned layers, five of them" in facts  # AlexNet: option 0 true
    assert "13\nconvolutional and 3 fully connected" in facts  # VGG-16: option 1 false
    assert "1202-layer" in facts and "CIFAR-10" in facts  # option 2 true


def test_the_deep_question_explains_its_facts():
    reveal = {q.qid: q.reveal() for q in nb06.questions()}["06-deep"]
    assert "5 convolutional" in reveal and "1202" in reveal and "13 convolutional" in reveal


class TestBank06(BankContract):
    bank = nb06
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    kinds = (NumericQuestion, SingleChoice, MultipleChoice)
    submit = ("06-field", "11")


# -- Predict moments (predictions()): plain answers worked out here --------------------------

def _step_row():
    row = np.array([0, 0, 0, 1, 1, 1])
    image, lap = row[1:-1], row[:-2] - 2 * row[1:-1] + row[2:]  # second difference, by hand
    return image, lap


def _sharpen_answer():
    image, lap = _step_row()
    steeper = {name: np.max(np.diff(v)) for name, v in
               (("image + Laplacian / 4", image + lap / 4), ("image − Laplacian / 4",
                                                            image - lap / 4))}
    return max(steeper, key=steeper.get)


def _six_layers_answer():
    x = np.random.default_rng(0).integers(0, 256, size=(64, 64))
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    y = x
    for _ in range(6):
        y = convolve2d(y, lap, mode="valid")
    assert y.shape == (52, 52) and y.std() > 1000 * x.std()
    return "(52, 52); they grow enormously"


def _field(k, layers):
    impulse = np.ones((1, 1))
    for _ in range(layers):
        impulse = convolve2d(impulse, np.ones((k, k)), mode="full")
    return impulse.shape[0]


def _vgg_field():
    r, jump = 1, 1
    for convs in (2, 2, 3, 3, 3):
        r += convs * 2 * jump + jump  # the convolutions, then a 2x2 pooling of stride 2
        jump *= 2
    return r


def _sign_answer():
    step = np.repeat([[0, 0, 0, 1, 1, 1]], 3, axis=0)
    kernel = np.array([[1, 0, -1]] * 3)
    corr = correlate2d(step, kernel, mode="valid")[0, 1]
    conv = convolve2d(step, kernel, mode="valid")[0, 1]
    assert corr < 0 < conv
    return "conv2d negative, convolve positive"


PREDICT = {  # qid -> (the plain answer, wrong answers, near misses (response, words))
    "06-p-sharpen": (_sharpen_answer(), ["image + Laplacian / 4", 2, 3], []),
    "06-p-six-layers": (_six_layers_answer(), [0, 2, 3], []),
    "06-p-combined": ("5 × 5; exactly equal", [0, 2, 3, 4], []),
    "06-p-relu": ("no: it differs at practically every pixel", [0, 1, 3], []),
    "06-p-field": (f"{_field(3, 6)} {_field(5, 6)}", ["13 13", "25 13"],
                   [("18 30", "overlap"), ("12 24", "1 pixel")]),
    "06-p-vgg": ("more than 100" if _vgg_field() > 100 else "fewer than 100", [0], []),
    "06-p-sign": (_sign_answer(), [1, 2, 3], []),
    "06-p-video": (" ".join(str(n) for n in np.zeros((8 - 2, 16 - 2, 16 - 2)).shape),
                   ["6 16 16", "8 16 16"], [("8 14 14", "frames"), ("5 13 13", "k − 1")]),
}


def test_the_predictions_independent_facts():
    assert _field(3, 6) == 13 and _field(5, 6) == 25
    assert _vgg_field() == 212
    x = np.random.default_rng(6).standard_normal((10, 10))
    blur = np.outer([1, 2, 1], [1, 2, 1])
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    assert convolve2d(lap, blur).shape == (5, 5)
    relu = convolve2d(np.maximum(convolve2d(x, lap, "valid"), 0), blur, "valid")
    assert np.mean(relu != convolve2d(x, convolve2d(lap, blur), "valid")) > 0.9


def test_predictions_answer_their_worked_answers():
    qs = nb06.predictions()
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

    predict = predictions_for("06", progress=None)
    assert predict.names == [qid.removeprefix("06-p-") for qid in PREDICT]
    assert predict.check("field", "13 25").correct
    assert predict.score == (1, len(PREDICT))
