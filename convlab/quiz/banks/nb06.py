"""Notebook 06's questions: stacked layers, collapsing linear layers, receptive fields, depth.

Answers are stored as salted hashes only; the plain answers and their independent checks
are in ``tests/test_quiz_bank_nb06.py``.  The depth facts are those of
:mod:`convlab.quiz.bank`'s docstring (AlexNet, VGG-16, the ResNet paper).
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import NumericQuestion, Question

NOTEBOOK = "06"
TITLE = "Check yourself: stacked layers"


def questions() -> list[Question]:
    """A fresh list of notebook 06's questions."""
    return [
        NumericQuestion(
            "06-shape",
            "A 64 × 64 image goes through six layers of a 3 × 3 kernel in 'valid' mode (no "
            "padding, stride 1). How many rows does the last feature map have?",
            ["5e624bd7f6b5a3dec2a85fe59a262fa8"],
            near_misses={
                "1e246ccfeb11cd6475995589a9270184": (
                    "Each layer loses a row at the top *and* one at the bottom: 2 per layer, "
                    "not 1."
                ),
                "cbd46585cb09f1e38ae672d1a3e843f6": (
                    "A 3 × 3 kernel in valid mode loses k − 1 = 2 rows per layer, not 3."
                ),
            },
            hint="One valid 3 × 3 layer turns n rows into n − 2.",
            explanation="64 − 6·(3 − 1) = 64 − 12 = **52**, the shapes 62, 60, 58, 56, 54, 52 "
            "printed in the notebook.",
        ),
        NumericQuestion(
            "06-field",
            "After five stacked 3 × 3 convolution layers (stride 1), how many input pixels "
            "wide is the square one output pixel depends on?",
            ["7b69607f537159f1a0939ca01635b2e0"],
            near_misses={
                "39cd0ad26975ffe412979bc439d54daa": (
                    "5 × 3 = 15 counts each layer's full width, but neighbouring windows "
                    "overlap: each extra layer adds only k − 1 = 2 pixels."
                ),
                "9bf4866afafd380684c8bedd90cbb547": (
                    "Close: 5 · 2 = 10 is how much the field grows; add the 1 pixel you "
                    "started from."
                ),
            },
            hint="Receptive field = 1 + L(k − 1).",
            explanation="1 + 5·(3 − 1) = **11**: each 3 × 3 layer widens the field by 2.",
        ),
        NumericQuestion(
            "06-collapse",
            "Two 3 × 3 convolutions applied one after the other, with nothing in between, equal "
            "a single convolution. How wide is its kernel?",
            ["c6b8c985247cc52b55a14d55fff6bf48"],
            near_misses={
                "3113062d0bb26a4a7837856bcd0f7901": (
                    "3 + 3 = 6 is one too many: the full convolution of lengths m and n has "
                    "m + n − 1 values."
                ),
                "eb687aa78b93c7415b222acb489d15c6": (
                    "3 · 3 = 9 would be the number of taps of one kernel. The combined kernel "
                    "is the full convolution of the two."
                ),
            },
            hint="The combined kernel is convolve(a, b, mode='full').",
            explanation="3 + 3 − 1 = **5**: conv(conv(x, a), b) = conv(x, a ∗ b), and the full "
            "convolution of two 3 × 3 kernels is 5 × 5.",
        ),
        SingleChoice(
            "06-relu",
            "Why do CNNs put a nonlinearity such as ReLU between convolution layers?",
            ["bc23d51856ca456521bef0b17884b53c"],
            options=[
                "it makes the feature maps shrink more slowly",
                "without it the stack collapses into a single linear convolution",
                "it removes the need for padding",
                "convolution cannot be computed on negative numbers",
            ],
            hint="What did the notebook show about conv(conv(x, a), b)?",
            explanation="Without a nonlinearity, any stack of convolutions **collapses into a "
            "single linear convolution** with a bigger kernel, so depth would add nothing a "
            "single layer could not do. ReLU, max(0, ·), breaks the identity.",
        ),
        MultipleChoice(
            "06-deep",
            "Which statements are true? Tick all that apply.",
            ["d901cded30233444749caa8ab8a656be"],
            options=[
                "AlexNet has 5 convolutional layers",
                "VGG-16 has 16 convolutional layers",
                "the ResNet paper trained a network with more than 1000 layers on CIFAR-10",
                "3-D convolution slides the kernel along time (or depth) as well as rows and "
                "columns",
                "a deeper stack of 3 × 3 layers sees a smaller part of the input",
            ],
            hint="VGG-16 counts its fully connected layers in the 16; depth makes receptive "
            "fields grow, not shrink.",
            explanation="True: AlexNet has 8 learned layers, **5 convolutional** and 3 fully "
            "connected; the ResNet paper trained a **1202-layer** network on CIFAR-10; 3-D "
            "convolution also slides along time or depth. False: VGG-16 has 13 convolutional "
            "and 3 fully connected layers, and every extra layer *widens* the receptive "
            "field by k − 1.",
        ),
    ]
