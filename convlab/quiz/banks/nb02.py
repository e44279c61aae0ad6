"""Notebook 02's questions: flip and slide, modes, correlation, pattern matching.

``questions()`` is the quiz at the end of the notebook; ``predictions()`` holds its Predict
moments (ids ``02-p-NAME``), in the order the notebook asks them, each shown on its own card by
``predict("NAME")``. Answers are stored as salted hashes only; the plain answers and their
independent checks are in ``tests/test_quiz_bank_nb02.py``.
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


def predictions() -> list[Question]:
    """Notebook 02's Predict moments, in the order the notebook asks them."""
    return [
        NumericQuestion(
            "02-p-y2",
            "x = [1, 2, 3, 4, 5], h = [1, 2, 3]. At step 2 the flipped kernel [3, 2, 1] sits "
            "over x[0], x[1], x[2] = 1, 2, 3. What is y[2]?",
            ["80ccb237806845c2cadd74a8034b2914"],
            near_misses={
                "a4031fec8dd71d7e566acac30a652910": (
                    "1·1 + 2·2 + 3·3 = 14 pairs x with h unflipped: that is cross-correlation. "
                    "Under x[0] sits the flipped kernel's first entry, h[2] = 3."
                ),
            },
            hint="Multiply 1, 2, 3 by 3, 2, 1, pair by pair, and add.",
            explanation="y[2] = 1·3 + 2·2 + 3·1 = **10**: the first input meets the last "
            "kernel entry.",
        ),
        ArrayQuestion(
            "02-p-lengths",
            "N = 5 and M = 3. How many values do 'full', 'same' and 'valid' give? Type the "
            "three lengths in that order (e.g. `1 2 3`).",
            ["c03df84157440ac878005550da6431f1"],
            shape=(3,),
            near_misses={
                "b424b1402530718bd70754a6734411dc": (
                    "Those are valid's and same's lengths swapped: 'same' is as long as the "
                    "input, 'valid' keeps only the windows without padding."
                ),
            },
            hint="Use the table: N + M − 1, N and N − M + 1.",
            explanation="**7, 5 and 3**: 5 + 3 − 1, 5 and 5 − 3 + 1. Valid mode starts at "
            "y[2] = 10 of the full result.",
        ),
        ArrayQuestion(
            "02-p-long",
            "A 3-long input and a 5-long kernel. How long are the 'full' result, the 'valid' "
            "result and NumPy's 'same' result? Type the three lengths in that order.",
            ["0f94aaab1b58afde281ddd3845b444e6"],
            shape=(3,),
            near_misses={
                "da0c9846febb672c674f8ed1842029fd": (
                    "3 is the 'same' length of SciPy and convlab, which keep the first "
                    "argument's length. NumPy's `np.convolve` returns max(N, M) values."
                ),
                "c22e8c1bc3d5c9c17ad46c6f11245831": (
                    "With the kernel longer than the input, valid mode keeps the shifts where "
                    "the shorter vector fits inside the longer one: |N − M| + 1."
                ),
            },
            hint="Full: N + M − 1. Valid: |N − M| + 1. NumPy's same: max(N, M).",
            explanation="Full **7** = 3 + 5 − 1, valid **3** = |3 − 5| + 1, NumPy's same "
            "**5** = max(3, 5) (SciPy and convlab give 3).",
        ),
        SingleChoice(
            "02-p-flip",
            "Flipped, d = [1, 0, −1] becomes [−1, 0, 1] = −d. How will `correlate(x, d)` "
            "relate to `convolve(x, d)`?",
            ["ec9a2a09f3354ae4de32843e6f5f5c10"],
            options=[
                "the same values",
                "the same values with every sign changed",
                "the same values in reverse order",
                "the same values, shifted by one place",
            ],
            hint="Correlating with d is convolving with d flipped, and d flipped is −d.",
            explanation="**Every sign changes**: correlate(x, d) = convolve(x, d[::-1]) = "
            "convolve(x, −d) = −convolve(x, d).",
        ),
        SingleChoice(
            "02-p-symmetric",
            "Will `convolve(x, h)` and `correlate(x, h)` agree for h = [1, 2, 1]? And for "
            "h = [1, 2, 3]?",
            ["9690d76906901f09f58cfd92e56e96d3"],
            options=[
                "they agree for both",
                "they agree for [1, 2, 1] only",
                "they agree for [1, 2, 3] only",
                "they agree for neither",
            ],
            hint="The two differ only by the flip. Which kernel reads the same backwards?",
            explanation="**For [1, 2, 1] only**: it reads the same backwards, so the flip "
            "changes nothing. [1, 2, 3] flipped is [3, 2, 1].",
        ),
        NumericQuestion(
            "02-p-peak",
            "The pattern [1, 2, 3, 2, 1] is hidden at x[3..7] of a 10-sample signal of zeros. "
            "At which output index k of the full convolution is the result largest?",
            ["7057e9f11f62a91cb5d6c51daad784ae"],
            near_misses={
                "f21ec08eed7fc26f729ef937ecd76e8d": (
                    "5 is where the pattern's centre sits in the signal. Full output k puts "
                    "the window over x[k − 4] … x[k]: it ends at k."
                ),
                "3b954d70332e3116fc49de62f451d998": (
                    "3 is where the hidden copy starts. Full output k puts the window over "
                    "x[k − 4] … x[k]: it ends at k."
                ),
                "113048cfea3fcaa573e6bcfcb4c7bdcf": (
                    "19 is how large the peak is. The question asks where: which output k?"
                ),
            },
            hint="In full mode output k has the window over x[k − M + 1] … x[k]. The copy "
            "ends at x[7].",
            explanation="At **k = 7**, when the window lies exactly over x[3..7]; the peak is "
            "1 + 4 + 9 + 4 + 1 = 19.",
        ),
        SingleChoice(
            "02-p-noisy",
            "The pattern is added to seeded random noise (standard deviation 0.5) somewhere "
            "in a 30-sample signal. Will the largest correlation still point at it?",
            ["30ebcfe6eb68f1279977fc163096c934"],
            options=[
                "yes, at the position where it was hidden",
                "no, a place or two off",
                "no, the noise hides it completely",
            ],
            hint="At the right shift the pattern meets itself: 19 plus a little noise. "
            "Elsewhere the products are noise times the pattern.",
            explanation="**Yes**: the best match is at position 17, where the pattern was "
            "hidden, with a score of 18.4: the pattern's 19, changed a little by the noise.",
        ),
        NumericQuestion(
            "02-p-dt",
            "Two unit boxes sampled every Δt = 0.01, convolved and multiplied by Δt. What "
            "does the sum give at t = 0.5, where the integral is 0.5?",
            ["d3dc00d2c173472786f8b168a1dba06d"],
            decimals=3,
            near_misses={
                "f12ba32d96db05a222c49928f6573dd6": (
                    "Close, but not exact: count the sample pairs that overlap at output 50 "
                    "(m = 0 … 50), then multiply by Δt."
                ),
                "6acb21acdc779f99f0c6cdde798e22cb": (
                    "51 products of 1 is right; now multiply by Δt = 0.01."
                ),
            },
            hint="Output 50 adds box[m]·box[50 − m] for m = 0 … 50. How many terms is that?",
            explanation="51 terms of 1, times Δt: **0.51**. With Δt = 0.001 it is 0.501: "
            "the error shrinks with the step.",
        ),
    ]
