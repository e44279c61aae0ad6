"""Notebook 01's questions: the outer product's anti-diagonals and the length of a convolution.

``questions()`` is the quiz at the end of the notebook; ``predictions()`` holds its Predict
moments (ids ``01-p-NAME``), in the order the notebook asks them, each shown on its own card by
``predict("NAME")``. Answers are stored as salted hashes only; the plain answers and their
independent checks are in ``tests/test_quiz_bank_nb01.py``.
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


def predictions() -> list[Question]:
    """Notebook 01's Predict moments, in the order the notebook asks them."""
    return [
        NumericQuestion(
            "01-p-corner",
            "x = [1, 2, 3, 4, 5], y = [6, 7, 8, 9, 10]. Which number sits in the bottom-left "
            "corner of the table, row i = 4, column j = 0?",
            ["6a606b933fa409a84ed26c4518fef6c7"],
            near_misses={
                "1537f0f62810cc22354441badfd8b5b5": (
                    "10 = x[0]·y[4] is the top-right corner. Rows follow x and columns follow "
                    "y: row 4 is the last row, column 0 the first column."
                ),
                "345d027f10c54fde3b14582e6c98890d": (
                    "50 = x[4]·y[4] is the bottom-right corner; column 0 is on the left."
                ),
            },
            hint="Row i holds x[i] times every entry of y; column j is the entry y[j].",
            explanation="The cell in row 4, column 0 is x[4] · y[0] = 5 · 6 = **30**.",
        ),
        NumericQuestion(
            "01-p-count",
            "How many anti-diagonals (cells with the same i + j) does the 5 × 5 table have?",
            ["979456e029706700f707d01105eea922"],
            near_misses={
                "dc2f8a1e44748932190027aa94c8d421": (
                    "5 is the number of cells on the longest anti-diagonal. Count the "
                    "anti-diagonals themselves: i + j runs from 0 to 4 + 4."
                ),
                "d4d8a2996d8eca9e586b09fd9b126e31": (
                    "One too many: the corner cell (0, 4) starts the anti-diagonal of both "
                    "the top row and the right-hand column."
                ),
                "a22a6ed11ca025b1451548adb06c5432": (
                    "25 is the number of cells. An anti-diagonal gathers several of them."
                ),
            },
            hint="i + j is at least 0 + 0 and at most 4 + 4. How many whole numbers is that?",
            explanation="i + j takes every value from 0 to 8, so there are 5 + 5 − 1 = **9** "
            "anti-diagonals: one starting in each cell of the top row and of the right-hand "
            "column, the corner counted once.",
        ),
        NumericQuestion(
            "01-p-largest",
            "Which anti-diagonal has the largest sum z[k]? Give its number k (0 to 8).",
            ["57bedc6f8656c377654478263104eedc"],
            near_misses={
                "95d1767a16b0f5ae085b79ffa0dc6b26": (
                    "k = 4 is the longest anti-diagonal (five cells), but one of them is the "
                    "small corner product 1·10. Try k = 5: four cells, all where both vectors "
                    "are large."
                ),
            },
            hint="Both vectors grow from left to right, so the products grow towards the "
            "bottom-right. Compare z[4] with z[5].",
            explanation="z[4] = 30 + 28 + 24 + 18 + 10 = 110 sums the most cells, but "
            "z[5] = 35 + 32 + 27 + 20 = 114 is larger: **k = 5**. It has lost the small product "
            "10 and its cells sit where both vectors are large.",
        ),
        SingleChoice(
            "01-p-agree",
            "Will `np.convolve(x, y)` agree with the nine sums of the anti-diagonals?",
            ["d0b960a821222ebfa4628da5af6500ee"],
            options=[
                "yes, all nine values",
                "no, it gives them in reverse order",
                "no, it agrees only in the middle, where the whole of y fits",
                "no, it returns a different number of values",
            ],
            hint="The definition is z[k] = Σᵢ x[i]·y[k − i]. Which cells (i, j) does it pair?",
            explanation="**Yes, all nine.** z[k] = Σᵢ x[i]·y[k − i] pairs x[i] with y[j] where "
            "i + j = k: exactly the cells of anti-diagonal k.",
        ),
        NumericQuestion(
            "01-p-total",
            "Every cell of the table lands in exactly one z[k]. What do the nine values of z "
            "add up to?",
            ["6883d504fe159bd6db67486767691de0"],
            near_misses={
                "c2f7bcbda0bfa6be1e077f01cd776e73": (
                    "55 adds the sums of x and y. The table holds products: multiply them."
                ),
            },
            hint="The total of the whole table is (x[0] + … + x[4]) · (y[0] + … + y[4]).",
            explanation="The total is the sum of the whole table, (Σx)(Σy) = 15 · 40 = **600**.",
        ),
        NumericQuestion(
            "01-p-length",
            "x = [1, 2, 3, 4, 5] and y = [1, 1, 1]. How many values does their convolution "
            "have?",
            ["2b66f8af32647cfefdc0b2bf17b2d628"],
            near_misses={
                "3223d8e9b1db4cb756446b906f62f5b0": (
                    "5 + 3 counts one anti-diagonal too many: the corner is shared."
                ),
                "60fea80ff0d8024bb6e931acb86f3e07": (
                    "15 is the number of cells of the 5 × 3 table, not of anti-diagonals."
                ),
                "465c17c985b9854d5432807734ed226c": (
                    "3 counts only the places where the whole of y fits inside x (notebook 02 "
                    "calls that 'valid' mode). The full convolution keeps every anti-diagonal."
                ),
            },
            hint="The table is 5 × 3; i + j runs from 0 to 4 + 2.",
            explanation="5 + 3 − 1 = **7** values, one per anti-diagonal k = 0 … 6.",
        ),
        NumericQuestion(
            "01-p-t3",
            "p(t) = 1 + 2t + 3t² and q(t) = 4 + 5t + 6t². What is the coefficient of t³ in "
            "p(t)·q(t)?",
            ["df98a979ec283e938491b865d282efb3"],
            near_misses={
                "4d3cb9781f72b8de47557eef49b8a806": (
                    "28 is the coefficient of t², from the pairs of powers adding up to 2. "
                    "For t³ the powers must add up to 3."
                ),
                "0c448091acb2fccb27a2935ec714f0ff": (
                    "18 = 3·6 is the coefficient of t⁴, the last one."
                ),
            },
            hint="t³ comes from 2t · 6t² and 3t² · 5t: the cells with i + j = 3.",
            explanation="2·6 + 3·5 = 12 + 15 = **27**, anti-diagonal 3 of the 3 × 3 table.",
        ),
        SingleChoice(
            "01-p-digits",
            "p(10) = 321 and q(10) = 654. Read the convolution [4, 13, 28, 27, 18] as 'digits' "
            "at t = 10, without carrying: do they give 321 × 654?",
            ["ab6f48524f3b792b656d1d5bc8d3711a"],
            options=[
                "yes: carrying changes the digits, not the value",
                "no: the 'digits' above 9 make it too large",
                "no: they give the right value only after carrying",
            ],
            hint="4 + 13·10 + 28·100 + 27·1000 + 18·10000 is a value, whatever the digits. "
            "Does carrying change a value?",
            explanation="**Yes.** 4 + 130 + 2800 + 27000 + 180000 = 209934 = 321 × 654. "
            "Carrying only rewrites the same value with digits 0–9.",
        ),
    ]
