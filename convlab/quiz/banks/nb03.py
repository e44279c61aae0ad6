"""Notebook 03's questions: smoothing with a normalised kernel, valid mode, box vs Gaussian.

Answers are stored as salted hashes only; the plain answers and their independent checks
are in ``tests/test_quiz_bank_nb03.py``.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "03"
TITLE = "Check yourself: smoothing a sawtooth"


def questions() -> list[Question]:
    """A fresh list of notebook 03's questions."""
    return [
        NumericQuestion(
            "03-length",
            "The sawtooth has 200 samples and the Gaussian kernel 21 taps. How many values "
            "does the smoothed signal have in **'valid'** mode?",
            ["af924b371948363e325bed0dd3a3a200"],
            near_misses={
                "25451e54311c636fd76b17be0fea09b6": (
                    "220 = 200 + 21 − 1 is 'full' mode. 'valid' keeps only the windows that "
                    "lie wholly inside the signal."
                ),
                "5ae2fc289eee58a7b913278a9785829d": (
                    "200 is 'same' mode. 'valid' loses the windows that would need padding."
                ),
                "38eba519f771664e776be41aa9f37659": (
                    "Almost: the window can start at 0 and at 179, and both count."
                ),
            },
            hint="N − M + 1.",
            explanation="200 − 21 + 1 = **180**: the window's first tap can sit at samples "
            "0 to 179.",
        ),
        NumericQuestion(
            "03-flat",
            "A signal that is 4 everywhere is smoothed with a normalised Gaussian kernel of 5 "
            "taps (its weights add up to 1), in 'valid' mode. What value comes out?",
            ["8e72bac1b1e5928ad98850bff6966ed2"],
            near_misses={
                "6b36c37a85a4fef670ed77ac701181ea": (
                    "20 = 5 × 4 is what a kernel of five ones would give. These weights add "
                    "up to 1, not 5."
                ),
            },
            hint="Every window sees five 4s. The output is 4 × (sum of the weights).",
            explanation="4 × (w₀ + … + w₄) = 4 × 1 = **4**: a normalised kernel keeps a flat "
            "signal at its level, which is why smoothing kernels are divided by their sum.",
        ),
        ArrayQuestion(
            "03-box3",
            "Smooth x = [3, 6, 9, 6, 3] with the 3-tap box kernel [1/3, 1/3, 1/3] in 'valid' "
            "mode. Write the result.",
            ["533a194307202af69e755d2847660a33"],
            shape=(3,),
            near_misses={
                "a845313ee7e8db87cfb2b35b0b58ec4d": (
                    "Those are the sums of each window. The box weights are 1/3, so each "
                    "output is the window's average."
                ),
            },
            hint="Each output is the average of three neighbours: (3 + 6 + 9) / 3 first.",
            explanation="(3 + 6 + 9)/3, (6 + 9 + 6)/3, (9 + 6 + 3)/3 = **[6, 7, 6]**: the "
            "peak of 9 is flattened to 7.",
        ),
        SingleChoice(
            "03-sigma",
            "The kernel size stays at 51 and you raise sigma from 1 to 5. What happens to the "
            "smoothed sawtooth?",
            ["6cef5484df2794a78939476a6e013c63"],
            options=[
                "the teeth get rounder and lower: the smoothing averages over more samples",
                "the teeth get sharper",
                "the result gets longer",
                "nothing changes",
            ],
            hint="Sigma is the width of the bell. A wider bell gives more weight to samples "
            "far from the centre.",
            explanation="A larger sigma spreads the weight over more samples, so each output "
            "averages over more of the ramp and the jump: **the teeth get rounder and lower**. "
            "The length depends only on the kernel size (here 200 − 51 + 1 = 150).",
        ),
        MultipleChoice(
            "03-box-gauss",
            "Box kernel versus Gaussian kernel, both normalised. Tick every true statement.",
            ["3e1efe9595802c129c534614fd215820"],
            options=[
                "both sum to 1, so a flat signal keeps its level",
                "the Gaussian weights the centre sample most",
                "the box gives every sample in its window the same weight",
                "in 'valid' mode the output is longer than the input",
                "only the box kernel smooths",
            ],
            hint="Three are true. Think of the flat signal, of the shapes of the two kernels, "
            "and of the valid-mode length N − M + 1.",
            explanation="Both are normalised (sum 1), the Gaussian peaks at its centre while "
            "the box is flat, and both smooth. Valid mode gives N − M + 1 values, **fewer** "
            "than the input.",
        ),
    ]
