"""Notebook 02's questions: flip and slide, modes, correlation, pattern matching.

Answers are stored as salted hashes only; the plain answers and their independent checks
are in ``tests/test_quiz_bank_nb02.py``.
"""

from __future__ import annotations

from ..choices import SingleChoice, TextQuestion
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "02"
TITLE = "Check yourself: flip and slide"


def questions() -> list[Question]:
    """A fresh list of notebook 02's questions."""
    return [
        NumericQuestion(
            "02-valid",
            "A signal of 10 values is convolved with a kernel of 5 values in **'valid'** mode. "
            "How many values does the result have?",
            ["8f2aeb674cb1dae6e616a11c41f1c713"],
            near_misses={
                "f4101386603de31e66c658312643a105": (
                    "14 = 10 + 5 − 1 is 'full' mode, which also keeps the positions where the "
                    "kernel hangs over the ends. 'valid' keeps only the ones without padding."
                ),
                "75fa885dd7493d82755472b4bb99502b": (
                    "10 is 'same' mode (as long as the input). 'valid' is shorter."
                ),
                "1950039b9931053c7c0d261a8ea6e96f": (
                    "Close: count the positions where a 5-long window fits in 10 values. "
                    "The first starts at 0, the last at 5."
                ),
            },
            hint="The kernel must lie wholly inside the signal: its first entry can sit at "
            "positions 0, 1, … up to where its last entry reaches the end.",
            explanation="N − M + 1 = 10 − 5 + 1 = **6**: the window can start at positions "
            "0, 1, 2, 3, 4 and 5.",
        ),
        ArrayQuestion(
            "02-slide",
            "Flip and slide by hand: write the full convolution of x = [1, 2, 3, 4] with the "
            "kernel h = [1, −1], every value in order (e.g. `1 2 3` or `[1, 2, 3]`).",
            ["93956655bb5139b7dc8aa75804072d60"],
            shape=(5,),
            near_misses={
                "113ac5e156553164cc9733aac5cc2333": (
                    "Those are the values of cross-correlation: you slid h without flipping "
                    "it. Flipped, the kernel reads [−1, 1] from left to right."
                ),
            },
            hint="Flipped, the kernel reads [−1, 1]. Slide it from where it first touches x[0] "
            "(the −1 over a padding zero) to where it last touches x[3].",
            explanation="y[k] = x[k] − x[k − 1], with zeros outside x: 1 − 0, 2 − 1, 3 − 2, "
            "4 − 3, 0 − 4 = **[1, 1, 1, 1, −4]**, as `np.convolve([1, 2, 3, 4], [1, -1])` "
            "gives.",
        ),
        SingleChoice(
            "02-symmetric",
            "For which kernel do `convolve(x, h)` and `correlate(x, h)` give the same result "
            "for every signal x?",
            ["fd8f1faf33b75fd6c9c92d333f120ab1"],
            options=["[1, 2, 3]", "[1, 0, -1]", "[1, 2, 1]", "[3, 2, 1, 0]"],
            hint="Correlation is convolution with the kernel flipped. Which kernel does "
            "flipping leave unchanged?",
            explanation="**[1, 2, 1]** reads the same backwards (it is symmetric), so flipping "
            "it changes nothing. [1, 0, −1] flips to its own negative, so correlation gives "
            "the negative of convolution.",
        ),
        NumericQuestion(
            "02-peak",
            "Slide the pattern [1, 2, 1] along x = [0, 0, 1, 2, 1, 0, 0] (full mode). What is "
            "the largest output value?",
            ["744af2df21a9f4f1a39d501603a97907"],
            near_misses={
                "69ba7a93b8759fbc3811976beb67fdce": (
                    "4 is the sum of the pattern. At the best position each pattern value "
                    "is multiplied by the matching value of x, not by 1."
                ),
            },
            hint="The output is largest where the window lies exactly over the hidden copy "
            "x[2:5] = [1, 2, 1].",
            explanation="Over the hidden copy the products are 1·1 + 2·2 + 1·1 = **6**, the "
            "pattern's products with itself. Every other position overlaps less.",
        ),
        TextQuestion(
            "02-name",
            "What is sliding a kernel along a signal **without** flipping it called (the "
            "operation deep-learning 'convolution' layers compute)?",
            [
                "201f4e25fc9fdbbfe28a0f9211130931",
                "2c33e48c405255ba32fd995c354cc992",
                "6016542f1cd94364fc10ce984ed043ba",
                "634c76caf887d569380090c8ebcf06e3",
                "709ce754dface21c33736bd5f2f1cd76",
            ],
            near_misses={
                "f133b651f152ea5fb2a209a27127f88f": (
                    "Convolution flips the kernel before sliding it. Without the flip the "
                    "operation has another name."
                ),
                "be8ec654025fc11c610c75b4e6bdce90": (
                    "Autocorrelation is the special case of a signal slid along itself. "
                    "What is the general operation called?"
                ),
            },
            hint="`np.correlate` and `convlab.correlate` compute it.",
            explanation="**Cross-correlation** (often just *correlation*). It equals "
            "convolution with the kernel flipped, so the two agree for symmetric kernels.",
        ),
    ]
