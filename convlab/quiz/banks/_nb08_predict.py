"""Notebook 09's Predict moments, kept apart from the quiz's 25 questions in :mod:`.nb08`
(which re-exports :func:`predictions`); plain answers in ``tests/test_quiz_bank_nb08.py``.
"""

from __future__ import annotations

from ..questions import ArrayQuestion, NumericQuestion, Question

__all__ = ["predictions"]


def predictions() -> list[Question]:
    """Notebook 09's Predict moments (the quiz's size, then section 4), in order."""
    return [
        NumericQuestion(
            "08-p-total",
            "The quiz starts from ten core questions about convolution. How many questions "
            "does it hold in total, follow-ups and practice included?",
            ["a431fdc8418d015e7161af479c5619f5"],
            near_misses={
                "e8b9397774b97256572ba5e98fe00679": (
                    "Ten are the core questions; several of them have follow-ups that put a "
                    "number on them, and there is practice on the course's examples too."
                ),
            },
            hint="The recap table below lists the question numbers; the last group ends at "
            "the last question.",
            explanation="**25**: the ten core questions, seven follow-ups and eight more on the "
            "course's examples.",
        ),
        NumericQuestion(
            "08-p-last",
            "For x = [1, 2, 3, 4, 5] and y = [6, 7, 8, 9, 10], what is the **last** value of "
            "the full convolution `my_conv1d(x, y)`?",
            ["2acbe7666e19926bdb3c56a44e9ee795"],
            hint="Only one cell of the outer-product table lies on the last anti-diagonal.",
            explanation="The last output is x[4]·y[4] = 5 · 10 = **50**, the bottom-right corner "
            "of the table, and there are 5 + 5 − 1 = 9 values in all.",
        ),
        NumericQuestion(
            "08-p-unflipped",
            "Sliding the kernel **without flipping it** computes a cross-correlation. Of the "
            "grader's nine `\"convolve1d\"` cases, how many will that version still pass?",
            ["81b01eaa22b4980d08824aea6b889367"],
            near_misses={
                "c943515e6d11a915a5e395a171684cbe": (
                    "Not all: a kernel that is not its own mirror image gives different numbers "
                    "flipped and unflipped."
                ),
                "01e2e7b50f0cc935756525785205f0ae": (
                    "Some pass: where the kernel reads the same both ways, flipping it changes "
                    "nothing."
                ),
            },
            hint="Count the cases whose kernel reads the same backwards: [1, 2, 3, 2, 1], a "
            "single number, four ones …",
            explanation="**4**: the symmetric kernels ([1, 2, 3, 2, 1], [1, 1, 1, 1], [2] and "
            "[3]) are their own mirror image; every other case fails.",
        ),
        ArrayQuestion(
            "08-p-trap",
            "A 1 × 3 kernel on a 4 × 5 image: what shape should the valid output have, and what "
            "shape does the square-window version (`len(h)` for both axes) return? Write both as "
            "rows: `rows cols; rows cols`.",
            ["79da32fcec5fa3fdead93972fc18a8dd"],
            shape=(2, 2),
            near_misses={
                "091174aa1c94b3c5ee88f5412ab87105": (
                    "The right shape first, but the square-window version takes len(h) = 1 for "
                    "both axes: its windows are single pixels."
                ),
            },
            hint="len of a 1 × 3 array is 1, its number of rows.",
            explanation="It should be (4 − 1 + 1) × (5 − 3 + 1) = **4 × 3**; with len(h) = 1 the "
            "square-window code cuts 4 × 5 one-pixel windows and returns **4 × 5**.",
        ),
    ]
