"""The course's question banks: every stored hash matches an answer worked out here."""

from fractions import Fraction

import numpy as np
import pytest
from scipy.signal import correlate2d

from convlab.quiz import (
    NOTEBOOKS,
    ArrayQuestion,
    GeneratedQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    TextQuestion,
    for_notebook,
    questions_for,
)
from convlab.quiz import bank as bank_py

from .support import BankContract


@pytest.fixture(autouse=True)
def _no_home_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))


# Plain answers, computed or worked by hand here (the bank holds only hashes).
ANSWERS = {
    # notebook 01
    "01-length": len(np.convolve(np.ones(4), np.ones(6))),  # 9
    "01-z2": int(np.convolve([1, 2, 3], [4, 5, 6])[2]),  # 1*6 + 2*5 + 3*4 = 28
    "01-cells": "the cells with i + j = k (an anti-diagonal)",
    "01-full": np.convolve([1, 2, 3], [4, 5, 6]).tolist(),  # [4, 13, 28, 27, 18]
    # notebook 08: the ten questions of seed 000 ...
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
    "01-length": ["9.0", "18/2"],
    "01-full": ["4 13 28 27 18", "[4, 13, 28, 27, 18]"],
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
    "08-dice": ["0.167", "6/36"],
    "08-poly": ["3 7 4 4"],
}
WRONG = {
    "01-length": ["10", "24"],
    "01-z2": ["32", "27"],
    "01-cells": ["the cells with i − j = k (a diagonal)"],
    "01-full": ["4 13 28 27", "18 27 28 13 4", "[4, 10, 28, 27, 18]"],
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
    ("01-length", "10", "one anti-diagonal too many"),
    ("01-length", "24", "number of cells"),
    ("01-z2", "32", "dot product"),
    ("01-z2", "27", "z[3]"),
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


def _of(nb, table):
    """The entries of ``table`` for notebook ``nb``: the tables above hold both notebooks."""
    if isinstance(table, dict):
        return {qid: value for qid, value in table.items() if qid.startswith(f"{nb}-")}
    return [entry for entry in table if entry[0].startswith(f"{nb}-")]


class TestBank01(BankContract):
    bank, notebook = bank_py, "01"
    answers, also_right = _of("01", ANSWERS), _of("01", ALSO_RIGHT)
    wrong, near = _of("01", WRONG), _of("01", NEAR)
    kinds = (NumericQuestion, SingleChoice, ArrayQuestion)


class TestBank08(BankContract):
    bank, notebook = bank_py, "08"
    answers, also_right = _of("08", ANSWERS), _of("08", ALSO_RIGHT)
    wrong, near = _of("08", WRONG), _of("08", NEAR)
    kinds = (MultipleChoice, TextQuestion, NumericQuestion, SingleChoice, ArrayQuestion,
             GeneratedQuestion)
    size = (10, 30)  # the ten seed questions, their follow-ups and two generated ones


def _all_questions():
    return {q.qid: q for nb in NOTEBOOKS for q in questions_for(nb)}


def test_hand_checks_of_the_numbers():
    assert ANSWERS["01-length"] == 9
    assert ANSWERS["01-z2"] == 1 * 6 + 2 * 5 + 3 * 4 == 28
    assert ANSWERS["01-full"] == [4, 13, 28, 27, 18]
    assert ANSWERS["08-corr2d"] == [[6, 8], [12, 14]]
    assert ANSWERS["08-poly"] == [3, 7, 4, 4]
    assert ANSWERS["08-size"] == 32
    two_dice = np.convolve(np.full(6, Fraction(1, 6)), np.full(6, Fraction(1, 6)))
    assert two_dice[7 - 2] == Fraction(1, 6)
    # two stacked 3x3 kernels act like one 5x5 kernel
    k = np.ones((3, 3))
    assert np.convolve(np.ones(3), np.ones(3)).size == 5
    assert correlate2d(k, k, "full").shape == (5, 5)


def test_bank_question_types_fit_the_issue():
    qs = _all_questions()
    kinds = {type(q) for q in qs.values()}
    assert {
        SingleChoice,
        MultipleChoice,
        NumericQuestion,
        TextQuestion,
        ArrayQuestion,
        GeneratedQuestion,
    } <= kinds
    assert isinstance(qs["08-q2"], TextQuestion)
    assert isinstance(qs["08-q10"], SingleChoice)
    assert isinstance(qs["01-cells"], SingleChoice)
    assert isinstance(qs["01-full"], ArrayQuestion)


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
    qs = _all_questions()
    assert "152" in qs["08-q10"].reveal() and "1202" in qs["08-q10"].reveal()
    assert "13" in qs["08-q10-vgg"].reveal() and "3 fully connected" in qs["08-q10-vgg"].reveal()
    assert "5" in qs["08-q10-alexnet"].reveal() and "8" in qs["08-q10-alexnet"].reveal()
    assert "edge" in qs["08-laplace"].reveal()


def test_every_question_has_hint_and_explanation():
    """Every registered bank, including any without a contract test of its own."""
    for qid, q in _all_questions().items():
        assert q.hint, qid
        if not isinstance(q, GeneratedQuestion):
            assert q.reveal(), qid


def test_no_plain_answers_in_the_bank_source():
    import inspect
    import sys

    # Every registered bank: each one's stored answers are hashes written in its own source.
    for nb, (_title, build) in NOTEBOOKS.items():
        source = inspect.getsource(sys.modules[build.__module__])
        for q in build():
            if isinstance(q, GeneratedQuestion):
                continue
            for digest in q._hashes:
                assert len(digest) == 32 and digest in source, (nb, q.qid)


def test_for_notebook_accepts_ints_and_refuses_unknown():
    assert for_notebook(1, progress=None).name == "01"
    assert for_notebook("08", progress=None).name == "08"
    with pytest.raises(ValueError, match=r"available: 01, (\d\d, )*08"):
        for_notebook("99", progress=None)


def test_generated_bank_questions_are_seeded():
    a = [q.prompt for q in questions_for("08") if isinstance(q, GeneratedQuestion)]
    b = [q.prompt for q in questions_for("08") if isinstance(q, GeneratedQuestion)]
    assert a == b and len(a) == 2
