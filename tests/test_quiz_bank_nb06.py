"""Notebook 06's question bank: every stored hash matches an answer worked out here."""

import numpy as np
from scipy.signal import convolve2d

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
