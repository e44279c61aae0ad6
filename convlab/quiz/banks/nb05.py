"""Notebook 05's questions: output size, dilation, the non-square trap, pooling, upsampling.

Answers are stored as salted hashes only; the plain answers and their independent checks
are in ``tests/test_quiz_bank_nb05.py``.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "05"
TITLE = "Check yourself: stride, padding, dilation"


def questions() -> list[Question]:
    """A fresh list of notebook 05's questions."""
    return [
        NumericQuestion(
            "05-size",
            "A 32 × 32 image goes through a layer with a 5 × 5 kernel, stride 2 and padding 1 "
            "(dilation 1). How many rows does the output have?",
            ["01d375d1670bf6d7125ccef211a78e6b"],
            near_misses={
                "9c653f6fe0e691c1c0e5c5d848b107f6": (
                    "(32 + 2 − 5) / 2 + 1 = 15.5, and you rounded up. The last window would "
                    "hang over the edge, so it is not used: round down."
                ),
                "94684400a954cca406225327070311ee": (
                    "That is the count for stride 1. With stride 2 only every other position "
                    "is used."
                ),
                "4a524df752d315456472d0e17be99341": (
                    "Close: you have the floor, but not the + 1 that counts the first window."
                ),
            },
            hint="⌊(n + 2p − k) / s⌋ + 1 with n = 32, p = 1, k = 5, s = 2.",
            explanation="⌊(32 + 2·1 − 5) / 2⌋ + 1 = ⌊29 / 2⌋ + 1 = 14 + 1 = **15**; check it "
            "with `output_size(32, 5, stride=2, padding=1)`.",
        ),
        NumericQuestion(
            "05-span",
            "A 3 × 3 kernel with dilation 3: how many input columns does one window span, from "
            "its leftmost tap to its rightmost?",
            ["c54fe8ef84ca10c83978aef4d30f2107"],
            near_misses={
                "7b2b7835584e6bbe7e26dd2a19696584": (
                    "3 × 3 = 9 would put a gap after the last tap too. Count the gaps between "
                    "taps: there are only k − 1 of them."
                ),
                "e3d31f2700c625dcd259c1937b1a3b64": (
                    "3 is the span without dilation. Dilation 3 puts the taps 3 columns apart."
                ),
            },
            hint="The taps sit at columns 0, d, 2d. The span is d(k − 1) + 1.",
            explanation="Taps at columns 0, 3 and 6: the window spans 3·(3 − 1) + 1 = **7** "
            "columns, though it still has only 3 weights per row.",
        ),
        SingleChoice(
            "05-trap",
            "A from-scratch `Conv2D` cuts every window as "
            "`x[i:i + len(kernel), j:j + len(kernel)]`. Which kernel exposes the bug?",
            ["8aaf570c1684ae808a38f5964080014d"],
            options=["a 3 × 3 kernel", "a 5 × 5 kernel", "a 1 × 3 kernel", "a 1 × 1 kernel"],
            hint="`len` of a 2-D array is its number of rows. For which kernel is that not also "
            "its number of columns?",
            explanation="**A 1 × 3 kernel**: `len(kernel)` is 1, so every window is a single "
            "pixel, NumPy broadcasts it against the three taps, and `[[1, 0, -1]]` gives 0 "
            "everywhere, silently. Square kernels (including 1 × 1) have as many rows as "
            "columns and hide the bug.",
        ),
        ArrayQuestion(
            "05-maxpool",
            "Max pooling with 2 × 2 windows and stride 2 on\n\n```\n4 1 0 2\n3 2 5 1\n"
            "0 1 7 6\n2 8 3 3\n```\n\nWrite the 2 × 2 result row by row (e.g. `[[1, 2], [3, 4]]` "
            "or `1 2; 3 4`).",
            ["71bfb06b43fbb23e3f2fd3367edea3cc"],
            shape=(2, 2),
            decimals=2,
            near_misses={
                "7dfc5fe1e904280cb67c2044e294b949": (
                    "Those are the means of the blocks: average pooling. Max pooling keeps the "
                    "largest value of each block."
                ),
            },
            hint="Split the matrix into four 2 × 2 blocks that do not overlap and keep the "
            "largest number of each.",
            explanation="Blocks {4, 1, 3, 2}, {0, 2, 5, 1}, {0, 1, 2, 8}, {7, 6, 3, 3}: maxima "
            "**[[4, 5], [8, 7]]**, as `max_pool2d(x, 2)` gives.",
        ),
        MultipleChoice(
            "05-bigger",
            "Which of these make the output **larger** than a 6 × 6 input? Tick all that apply.",
            ["7725eaa59d511749ef894784f02c727e"],
            options=[
                "a transposed convolution with a 2 × 2 kernel and stride 2",
                "max pooling with 2 × 2 windows",
                "a convolution with stride 2",
                "a 3 × 3 convolution with padding 1 and stride 1",
                "a transposed convolution with a 3 × 3 kernel, stride 1 and padding 0",
            ],
            near_misses={
                "285cd319af5bea78ac6284cf351b9b30": (
                    "Stride 2 is not the only way up: work out (n − 1)s − 2p + k for the "
                    "other transposed convolution too."
                ),
            },
            hint="Transposed convolution: (n − 1)s − 2p + k. Convolution: "
            "⌊(n + 2p − k)/s⌋ + 1.",
            explanation="The two **transposed convolutions**: (6 − 1)·2 + 2 = 12 with the 2 × 2 "
            "kernel and stride 2, and (6 − 1)·1 + 3 = 8 with the 3 × 3 kernel and stride 1. "
            "Max pooling and stride 2 halve the size to 3; padding 1 with a 3 × 3 kernel "
            "keeps it at 6.",
        ),
    ]
