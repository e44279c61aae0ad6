"""Notebook 08's quiz: every stored hash matches an answer worked out here (numpy or by hand)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from scipy.signal import correlate2d

from convlab.quiz import (
    ArrayQuestion,
    GeneratedQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    TextQuestion,
    questions_for,
)
from convlab.quiz.banks import nb08

from .support import BankContract

# Plain answers, computed or worked by hand here (the bank holds only hashes).
ANSWERS = {
    # the ten big questions and their follow-ups ...
    "08-q1": [0, 1, 2],
    "08-q2": "No",
    "08-q2-full": len(np.convolve(np.ones(5), np.ones(3))),  # 7
    "08-q2-valid": len(np.convolve(np.ones(5), np.ones(3), mode="valid")),  # 3
    "08-q3": [0, 1, 2, 3, 4],
    "08-q4": 1,
    "08-q5": "the kernel",
    "08-q6": [0, 1, 2],
    "08-q7": 0,
    "08-q7-field": 5,  # 1 + (3 - 1) + (3 - 1)
    "08-q7-linear": "one 5 × 5 convolution",
    "08-q8": "ResNet-152",
    "08-q9": 0,
    "08-q9-count": 3 * 3 * 9,  # 81
    "08-q10": "hundreds, and over a thousand in experiments",
    "08-q10-alexnet": 5,
    "08-q10-vgg": 13,
    # ... and more
    "08-size": (32 + 2 * 2 - 5) // 1 + 1,  # 32
    "08-corr2d": correlate2d(np.arange(1, 10).reshape(3, 3), [[0, 1], [1, 0]], "valid").tolist(),
    "08-laplace": 1,
    "08-box": "1/9",
    "08-dice": "1/6",
    "08-poly": np.convolve([1, 2], [3, 1, 2]).tolist(),  # [3, 7, 4, 4]
}

# Other right spellings, and tempting wrong answers that must be refused.
ALSO_RIGHT = {
    "08-q2": ["no.", "Not necessarily", "no, they don't"],
    "08-q5": ["Kernel", "filter", "the filter", "kernel values", "weights"],
    "08-q8": [
        "AlexNet",
        "VGG-16",
        "vgg 19",
        "LeNet-5",
        "U-Net",
        "GoogLeNet",
        "Inception v3",
        "MobileNetV2",
        "EfficientNet-B0",
        "YOLOv8",
        "Mask R-CNN",
        "ResNet",
    ],
    "08-corr2d": ["[[6, 8], [12, 14]]", "6 8; 12 14"],
    "08-box": ["0.11", "0.111"],
    "08-dice": ["0.167", "6/36", "16.7%"],
    "08-poly": ["3 7 4 4"],
}

WRONG = {
    "08-q1": [[0, 1], [0, 1, 2, 4], [3]],
    "08-q2": ["yes"],
    "08-q2-full": ["8"],
    "08-q5": ["stride", "padding", "image"],
    "08-q8": ["CNN", "convolutional neural network", "transformer", "GPT"],
    "08-q10": ["tens: between 10 and 99"],
    "08-q10-alexnet": ["8"],
    "08-q10-vgg": ["16"],
    "08-size": ["28"],
    "08-box": ["0.1", "0.12"],
    "08-dice": ["0.17", "1/7"],
    "08-corr2d": ["[[4, 6], [10, 12]]"],  # the flipped (true convolution) result
}

NEAR = [  # tempting wrong answers that get a targeted message, and words in it
    ("08-q2", "yes", "np.convolve([1, 2], [1, 1, 1])"),
    ("08-q2-full", "8", "one too many"),
    ("08-q5", "stride", "Stride and padding"),
    ("08-q8", "CNN", "whole family"),
    ("08-q8", "transformer", "attention"),
    ("08-q10-alexnet", "8", "fully connected"),
    ("08-q10-vgg", "16", "fully connected"),
    ("08-size", "28", "without padding"),
    ("08-dice", "1/7", "equally likely"),
]



def test_hand_checks_of_the_numbers():
    assert ANSWERS["08-corr2d"] == [[6, 8], [12, 14]]
    assert ANSWERS["08-poly"] == [3, 7, 4, 4]
    assert ANSWERS["08-size"] == 32
    two_dice = np.convolve(np.full(6, Fraction(1, 6)), np.full(6, Fraction(1, 6)))
    assert two_dice[7 - 2] == Fraction(1, 6)
    # two stacked 3x3 kernels act like one 5x5 kernel
    k = np.ones((3, 3))
    assert np.convolve(np.ones(3), np.ones(3)).size == 5
    assert correlate2d(k, k, "full").shape == (5, 5)


class TestBank08(BankContract):
    bank = nb08
    answers, also_right, wrong, near = ANSWERS, ALSO_RIGHT, WRONG, NEAR
    kinds = (MultipleChoice, TextQuestion, NumericQuestion, SingleChoice, ArrayQuestion,
             GeneratedQuestion)
    size = (10, 30)  # the ten big questions, their follow-ups and two generated ones


def test_notebook_08_holds_the_ten_seed_questions():
    qids = [q.qid for q in questions_for("08")]
    assert [f"08-q{i}" for i in range(1, 11)] == [
        q for q in qids if q.count("-") == 1 and q.startswith("08-q")
    ]
    prompts = {q.qid: q.prompt for q in questions_for("08")}
    seed = {
        "08-q1": "What is convolution?",
        "08-q2": "same length",
        "08-q3": "Where is convolution used?",
        "08-q4": "only on one-dimensional objects",
        "08-q5": "greatest impact",
        "08-q6": "Why do we use convolutional layers",
        "08-q7": "several convolutional layers",
        "08-q8": "Give an example of a neural network architecture",
        "08-q9": "time-consuming",
        "08-q10": "How many layers",
    }
    for qid, words in seed.items():
        assert words in prompts[qid], qid


def test_explanations_state_the_checked_facts():
    qs = {q.qid: q for q in questions_for("08")}
    assert "152" in qs["08-q10"].reveal() and "1202" in qs["08-q10"].reveal()
    assert "13" in qs["08-q10-vgg"].reveal() and "3 fully connected" in qs["08-q10-vgg"].reveal()
    assert "5" in qs["08-q10-alexnet"].reveal() and "8" in qs["08-q10-alexnet"].reveal()
    assert "edge" in qs["08-laplace"].reveal()


def test_generated_bank_questions_are_seeded():
    a = [q.prompt for q in questions_for("08") if isinstance(q, GeneratedQuestion)]
    b = [q.prompt for q in questions_for("08") if isinstance(q, GeneratedQuestion)]
    assert a == b and len(a) == 2


def test_sections_cover_the_questions_in_order():
    numbers = [n for section in nb08.sections().values() for n in section]
    assert numbers == list(range(1, len(questions_for("08")) + 1))


# -- notebook 09's Predict moments (predictions()), answered here independently ------------
def _unflipped_passes() -> int:
    """How many of the grader's convolve1d cases a cross-correlation passes, by numpy."""
    from convlab.quiz.vectors import _cases_1d_full

    cases = _cases_1d_full()
    return sum(
        np.allclose(np.correlate(c.args[0], c.args[1], "full"), np.convolve(*c.args))
        for c in cases
    )


_X, _Y = np.arange(1, 6), np.arange(6, 11)
PREDICT_ANSWERS = {
    "08-p-total": ("25", ["10", "17"]),  # the length of questions_for("08"), checked below
    "08-p-last": (str(int(np.convolve(_X, _Y)[-1])), ["45", "9"]),  # 5 * 10
    "08-p-unflipped": (str(_unflipped_passes()), ["9", "0", "5"]),
    "08-p-trap": ("4 3; 4 5", ["4 3; 4 3", "4 5; 4 3", "2 5; 4 5"]),
}


def test_hand_checks_of_the_predictions():
    assert PREDICT_ANSWERS["08-p-total"][0] == str(len(nb08.questions())) == "25"
    assert PREDICT_ANSWERS["08-p-last"][0] == "50"
    assert PREDICT_ANSWERS["08-p-unflipped"][0] == "4"  # [1,2,3,2,1], [1,1,1,1], [2], [3]
    out = correlate2d(np.ones((4, 5)), np.ones((1, 3)), mode="valid")
    assert out.shape == (4, 3)


def test_predictions_answers_and_wrong_answers():
    qs = {q.qid: q for q in nb08.predictions()}
    assert list(qs) == list(PREDICT_ANSWERS)
    for qid, (right, wrongs) in PREDICT_ANSWERS.items():
        assert qs[qid].check(right).correct, qid
        assert qs[qid].hint and qs[qid].reveal()
        for wrong in wrongs:
            fb = qs[qid].check(wrong)
            assert fb.valid and not fb.correct, (qid, wrong)


def test_notebook_09_asks_them_in_order():
    from convlab.quiz import predictions_for

    from .support import read_notebook

    nb = read_notebook("09_quiz.ipynb")
    cards = [c.source.strip() for c in nb.cells if c.source.strip().startswith("predict(")]
    names = [qid.removeprefix("08-p-") for qid in PREDICT_ANSWERS]
    assert cards == [f'predict("{name}")' for name in names]
    assert predictions_for("08", progress=None).names == names
