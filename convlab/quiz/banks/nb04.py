"""Notebook 04's questions: filters on images.

Plain answers and their independent checks are in ``tests/test_quiz_bank_nb04.py``.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "04"
TITLE = "Check yourself: filters on images"

_FLIP_OPTIONS = [
    "box blur, 3 × 3 of 1/9",
    "the Laplacian [[0, 1, 0], [1, −4, 1], [0, 1, 0]]",
    "vertical edge [[1, 0, −1]] × 3",
    "[[0, 1], [1, 0]]",
    "[[1, 2], [3, 4]]",
]

_SHARPEN_OPTIONS = [
    "identity − Laplacian",
    "identity + Laplacian",
    "Laplacian − identity",
    "box blur − identity",
]


def questions() -> list[Question]:
    """A fresh list of notebook 04's questions."""
    return [
        ArrayQuestion(
            "04-corr",
            "Slide the kernel `[[1, 2], [3, 4]]` over `[[1, 2, 3], [4, 5, 6], [7, 8, 9]]` "
            "**without flipping it** (cross-correlation, as `conv2d` does), valid windows "
            "only. Write the 2 × 2 result, e.g. `[[1, 2], [3, 4]]` or `1 2; 3 4`.",
            ["0ac97a5a14a4d84cfe6c5680478d453e"],
            shape=(2, 2),
            near_misses={
                "911cc545863c31de0f5e5bf330d34280": (
                    "That is true convolution: the kernel was turned half a turn first. "
                    "Here it slides as it is, 1 over the window's top-left pixel."
                ),
            },
            hint="The first window is [[1, 2], [4, 5]]: multiply it cell by cell with the "
            "kernel and add the four products.",
            explanation="out[0, 0] = 1·1 + 2·2 + 4·3 + 5·4 = 37; each step right adds "
            "1 + 2 + 3 + 4 = 10 (every pixel under the window grows by 1) and each step down "
            "adds 3 · 10 = 30: **[[37, 47], [67, 77]]**. Flipped (true convolution) it would "
            "be [[23, 33], [53, 63]].",
        ),
        NumericQuestion(
            "04-dot",
            "An image is 0 everywhere except one pixel of value 9. What does the Laplacian "
            "`[[0, 1, 0], [1, −4, 1], [0, 1, 0]]` give at that pixel?",
            ["d3f192d3c01ab46a7c17b36571861b7b"],
            near_misses={
                "03f6c730bacac44e47c5d0c7eb128d07": (
                    "Right size, wrong sign: the centre weight is −4 and the four "
                    "neighbours are 0."
                ),
                "a774d91713d28549f6001b7cb7ade9b8": (
                    "−4 is the weight; it multiplies the pixel's value, 9."
                ),
                "321a6ce14398e68acfb48de5c57c3fef": (
                    "9 would be the identity kernel's answer. The Laplacian weighs the "
                    "centre by −4."
                ),
            },
            hint="Only the centre weight meets a non-zero pixel.",
            explanation="The four neighbours are 0, so only the centre counts: −4 · 9 = "
            "**−36**. A bright dot on a dark background is as strong an edge as it gets; "
            "its four neighbours each get +9.",
        ),
        NumericQuestion(
            "04-blur",
            "A 3 × 3 blur kernel is often printed with its nine weights rounded to 0.11. A "
            "flat region of the image has the value 200. What value does that blur give there?",
            ["5acdd29efa3e0d8a4a6093624411fbe2"],
            near_misses={
                "ad720720f7621d0e3f5b1ec809d78d52": (
                    "That would need weights that add up to exactly 1 (1/9 each). "
                    "Add up nine 0.11s."
                ),
                "7be7fd3b5ff29b1a402e1106afa046e3": (
                    "0.11 · 200 is one product; the window holds nine of them."
                ),
            },
            hint="Every pixel under the window is 200, so the result is 200 times the sum "
            "of the weights.",
            explanation="9 × 0.11 = 0.99, so the result is 0.99 × 200 = **198**: the "
            "rounded blur makes the image 1 % darker. The exact box blur uses 1/9 ≈ 0.111, "
            "which adds up to 1 and keeps brightness.",
        ),
        MultipleChoice(
            "04-flip",
            "Which kernels give the **same** result whether you flip them (true convolution) "
            "or not (cross-correlation)? Tick all that apply.",
            ["c749f7c7beb4cace1230a06e73066abc"],
            options=_FLIP_OPTIONS,
            hint="Flipping turns the kernel half a turn (both axes reversed). Which of them "
            "look the same after half a turn?",
            explanation="The box blur, the Laplacian and [[0, 1], [1, 0]] are unchanged by a "
            "half turn, so both conventions agree. The vertical-edge kernel becomes its own "
            "negative (every edge changes sign), and [[1, 2], [3, 4]] becomes "
            "[[4, 3], [2, 1]].",
        ),
        SingleChoice(
            "04-sharpen",
            "The Laplacian is sometimes called an edge-sharpening filter, but it *detects* edges. "
            "Which kernel sharpens, giving `[[0, −1, 0], [−1, 5, −1], [0, −1, 0]]`?",
            ["b179df34403edaab916e68d0ec625206"],
            options=_SHARPEN_OPTIONS,
            hint="The identity kernel has a single 1 in the centre. Which combination puts "
            "5 in the centre and −1 around it?",
            explanation="**identity − Laplacian**: the centre is 1 − (−4) = 5 and each "
            "neighbour 0 − 1 = −1. It returns the image minus its Laplacian, which pushes "
            "each pixel away from its neighbours' average: edges get crisper, flat regions "
            "stay as they are (the weights add up to 1).",
        ),
    ]
