"""Quiz of notebook 08 (bank key "07"): dice, polynomials and the cost of convolution.

Answers are stored as salted hashes; the plain answers and their independent
checks are in ``tests/test_quiz_bank_nb07.py``.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "07"
TITLE = "Check yourself: applications and cost"


def questions() -> list[Question]:
    """The questions of notebook 07, fresh."""
    return [
        NumericQuestion(
            "07-dice4",
            "Two fair dice are thrown. What is the probability that the total is **4**? Give a "
            "fraction, 3 decimal places or a percentage.",
            ["1d5fc6b4f4accdfd28226ca9f917d5e5"],
            decimals=3,
            percent=True,  # a probability: "8.3%" is 0.083
            near_misses={
                "5c19873bf6df2ddeab64780045449655": (
                    "1/11 treats the eleven totals 2…12 as equally likely; they are not. Count "
                    "the pairs of faces that add up to 4."
                ),
                "1a41096be2d8abb4883c7ac3002ac375": (
                    "4/36 counts one pair too many: list the ordered pairs (a, b) with a + b = 4."
                ),
                "b055e44f60d4dcb10eaaa60eb5858e07": (
                    "1/6 is the probability of the likeliest total, 7. The total 4 has fewer ways."
                ),
            },
            hint="Convolve [1/6] × 6 with itself, or count the ordered pairs (a, b) with "
            "a + b = 4 out of 36.",
            explanation="The pairs (1, 3), (2, 2) and (3, 1): 3 of the 36 equally likely "
            "outcomes, so P(4) = 3/36 = **1/12 ≈ 0.083**. It is the third value of "
            "`np.convolve([1/6] * 6, [1/6] * 6)`.",
        ),
        ArrayQuestion(
            "07-ways",
            "Two three-sided dice, each showing 1, 2 or 3. In how many ways can each total "
            "2, 3, 4, 5, 6 come up? Write the five counts in order (e.g. `1 2 3 4 5`).",
            ["4c499fd99782f953df9f552d99a289fb"],
            shape=(5,),
            near_misses={
                "fe5a3772a70cfeca92d7955553db3a6a": (
                    "Every total is not equally likely: the middle total can be made in more "
                    "ways than the ends."
                ),
            },
            hint="One die has one way to show each face: [1, 1, 1]. Two dice: convolve it with "
            "itself.",
            explanation="[1, 1, 1] * [1, 1, 1] = **[1, 2, 3, 2, 1]**: the total 4 comes from "
            "(1, 3), (2, 2) and (3, 1). The counts add up to 3 · 3 = 9 outcomes, and they are "
            "the coefficients of (t + t² + t³)².",
        ),
        NumericQuestion(
            "07-madds",
            "A direct 2-D convolution of a 256 × 256 image with a 5 × 5 kernel, with the output "
            "the same size as the image (256 × 256, zero padding). How many multiply-adds does it "
            "take?",
            ["f24a21770ebd65034ddfc58cba27d1d2"],
            near_misses={
                "4a11d6521eca194b31c4e7840edd07f3": (
                    "256 · 25 counts one row of outputs. The image has 256 × 256 of them."
                ),
                "b35fc9181b767a7bf5317c34d1a9713b": (
                    "256² · 5 uses the kernel's side; every output needs one product per "
                    "kernel cell, and a 5 × 5 kernel has 25 cells."
                ),
                "1f598ac68f486938eec3ed57641d4c86": (
                    "252² · 25 is the 'valid' output. Here the output keeps the image's size."
                ),
                "df8fb8837a9c99e9de9f40241d84a788": (
                    "256² is the number of output values. Each of them is a sum of several "
                    "products."
                ),
            },
            hint="(number of output values) × (products per output value).",
            explanation="256 · 256 = 65 536 outputs, each a sum of 5 · 5 = 25 products: "
            "**1 638 400** multiply-adds, n²k².",
        ),
        SingleChoice(
            "07-winner",
            "A 2048 × 2048 image and a 31 × 31 kernel. Which way of computing the convolution "
            "is fastest?",
            ["89bd2f6da3ee05bef5384abab870c92b"],
            options=[
                "Python loops, one multiply-add at a time",
                "direct multiply-adds vectorised with NumPy",
                "the FFT (convolution theorem)",
                "all three take about the same time",
            ],
            hint="Compare n²k² with about n² log n: which one grows with the kernel?",
            explanation="**The FFT.** Direct methods need n²k² = 2048² · 961 ≈ 4·10⁹ "
            "multiply-adds; the FFT needs on the order of N² log₂ N² ≈ 10⁸ operations "
            "(N = 2078) whatever the kernel size. Python loops, a hundred times slower than "
            "vectorised direct, would take many minutes.",
        ),
        MultipleChoice(
            "07-theorem",
            "Which statements about FFT convolution are true? Tick all that apply.",
            ["38d866a6f38f9224da3256c214842289"],
            options=[
                "the FFT of the full convolution equals the product of the two FFTs, both "
                "zero-padded to the full length",
                "without the zero padding the FFT computes a circular convolution: the end "
                "wraps around onto the start",
                "the cost of FFT convolution grows with k², like the direct method",
                "for a 3 × 3 kernel the FFT is always much faster than the direct method",
            ],
            hint="Two are true. Look back at the crossover in the timing table.",
            explanation="The **first two**: that is the convolution theorem, and why both "
            "arrays are padded to n + k − 1. The FFT's cost hardly depends on the kernel size, "
            "and for tiny kernels its three transforms cost more than the k² products they "
            "save, so direct wins there.",
        ),
    ]
