"""Notebook 01's questions: the outer product's anti-diagonals and the length of a convolution.

Answers are stored as salted hashes only; the plain answers and their independent checks
are in ``tests/test_quiz_bank_nb01.py``.
"""

from __future__ import annotations

from ..choices import SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "01"
TITLE = "Check yourself: outer-product diagonals"


def questions() -> list[Question]:
    """A fresh list of notebook 01's questions."""
    return [
        NumericQuestion(
            "01-length",
            "You convolve a vector of length 4 with a vector of length 6 ('full' mode, as "
            "`np.convolve` does). How many values does the result have?",
            ["8a98e78365dc994b296e8e67c03b3df7"],
            near_misses={
                "b0d4eeaab3ead09268e07f99fd3379e3": (
                    "4 + 6 counts one anti-diagonal too many: the corner cell "
                    "(0, 0) starts the first one and the corner (3, 5) ends the last."
                ),
                "02d3691cd6d4ff45e21247e401d91e5d": (
                    "24 is the number of cells of the 4 × 6 table. The result has "
                    "one value per anti-diagonal, not per cell."
                ),
            },
            hint="Draw the 4 × 6 outer-product table and count its anti-diagonals: one starts "
            "in each cell of the top row and of the right-hand column.",
            explanation="4 + 6 − 1 = **9**. The outer product is a 4 × 6 table and every "
            "value of the convolution is the sum of one anti-diagonal; a 4 × 6 table has "
            "4 + 6 − 1 of them (the corner is shared by the top row and the side column).",
        ),
        NumericQuestion(
            "01-z2",
            "x = [1, 2, 3] and y = [4, 5, 6]. What is z[2] of their convolution z = x * y "
            "(counting from 0)?",
            ["380742ffdc1c0baa215d2ecb7b0bf66c"],
            near_misses={
                "c66ed6f97f7f36c9570cf6b00b0a6223": (
                    "1·4 + 2·5 + 3·6 = 32 pairs x[i] with y[i]: that is the dot "
                    "product. For z[2], pair the indices that add up to 2."
                ),
                "d6786a36cd503e9cb7639b4fa10cbfec": (
                    "27 is z[3]. Counting starts at 0: z[2] is the third value."
                ),
                "d358dc45457214d43a0caa6835e0ef62": (
                    "13 is z[1]. Counting starts at 0: z[2] is the third value."
                ),
            },
            hint="z[k] adds x[i]·y[j] over the cells with i + j = 2: (0, 2), (1, 1), (2, 0).",
            explanation="z[2] = x[0]·y[2] + x[1]·y[1] + x[2]·y[0] = 1·6 + 2·5 + 3·4 = "
            "6 + 10 + 12 = **28**.",
        ),
        SingleChoice(
            "01-cells",
            "In the outer-product table a[i, j] = x[i] · y[j], which cells add up to z[k]?",
            ["456c8d1e1723e5b19a159983353f0a8e"],
            options=[
                "the cells with i = k (row k)",
                "the cells with i + j = k (an anti-diagonal)",
                "the cells with i − j = k (a diagonal)",
                "the cells with i · j = k",
            ],
            hint="Write z[k] = Σ x[i]·y[k − i] and look at which index pairs (i, j) appear.",
            explanation="z[k] = Σᵢ x[i]·y[k − i]: the second index is j = k − i, so every "
            "product has **i + j = k**. Those cells form the k-th anti-diagonal, running from "
            "bottom-left to top-right.",
        ),
        ArrayQuestion(
            "01-full",
            "Now the whole thing: write the convolution of x = [1, 2, 3] and y = [4, 5, 6], "
            "every value, in order (e.g. `1 2 3` or `[1, 2, 3]`).",
            ["a262cc55da219cd9ea4785e6f3c10c8b"],
            shape=(5,),
            hint="There are 3 + 3 − 1 anti-diagonals. The first is the single cell 1·4, the "
            "last the single cell 3·6.",
            explanation="Sum each anti-diagonal of the table\n\n"
            "```\n     4   5   6\n1    4   5   6\n"
            "2    8  10  12\n3   12  15  18\n```\n\n4, 5 + 8, 6 + 10 + 12, 12 + 15, 18 = "
            "**[4, 13, 28, 27, 18]**, the same as `np.convolve([1, 2, 3], [4, 5, 6])`. These are "
            "also the coefficients of (1 + 2t + 3t²)(4 + 5t + 6t²).",
        ),
    ]
