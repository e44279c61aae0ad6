"""Notebook 03's questions: smoothing with a normalised kernel, valid mode, box vs Gaussian.

``questions()`` is the quiz at the end of the notebook; ``predictions()`` holds its Predict
moments (ids ``03-p-NAME``), in the order the notebook asks them, each shown on its own card by
``predict("NAME")``. Answers are stored as salted hashes only; the plain answers and their
independent checks are in ``tests/test_quiz_bank_nb03.py``.
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


def predictions() -> list[Question]:
    """Notebook 03's Predict moments, in the order the notebook asks them."""
    return [
        NumericQuestion(
            "03-p-drop",
            "The sawtooth ramps from −1 up to 1 in 50 samples, then starts again. What is "
            "x[50] − x[49], the step from the top of the first tooth to the start of the next?",
            ["dd742863a0c76da66262dd1cdfee70f1"],
            near_misses={
                "7e4a6ac89ff889d7394a7ff7a33e1862": (
                    "The size is right, the sign is not: x[50] = −1 is below x[49] = 1, so "
                    "x[50] − x[49] is negative."
                ),
            },
            hint="x[49] is the top of the first ramp, x[50] the bottom of the second.",
            explanation="x[50] − x[49] = −1 − 1 = **−2**: the signal falls by 2 in one step.",
        ),
        SingleChoice(
            "03-p-centre",
            "The Gaussian kernel of 21 taps with σ = 3, normalised to add up to 1. Which tap "
            "weighs most, and how does its weight compare with a box's 1/21 ≈ 0.048?",
            ["84f28b6cf6bc6fd070dc443ed18ce5d2"],
            options=[
                "tap 10 (the centre), more than 1/21",
                "tap 10 (the centre), less than 1/21",
                "taps 0 and 20 (the ends), more than 1/21",
                "every tap weighs the same, 1/21",
            ],
            hint="e^(−t²/18) is largest at t = 0. The weights add up to 1: if the outer ones "
            "are tiny, the middle ones must make up for them.",
            explanation="**The centre tap 10**, with about 0.133, nearly three times 1/21: the "
            "outermost taps weigh almost nothing (0.0005), so the middle carries the sum.",
        ),
        NumericQuestion(
            "03-p-length",
            "The 200-sample sawtooth smoothed by the 21-tap kernel in valid mode. How many "
            "values come out?",
            ["5a59cd3586e1fbbe905f27c7247304eb"],
            near_misses={
                "3e34b7645405afb6896d688c1f49f99d": (
                    "200 is the length of 'same' mode. Valid mode keeps only the windows that "
                    "lie wholly on real samples."
                ),
                "12b8f12850c4f03bb4c75f048f3f1750": (
                    "220 is 'full' mode, every window with any overlap. Valid mode keeps fewer."
                ),
                "e5c5d60a1d89420275343aa09c6fb9da": (
                    "One short: the first window starts at sample 0 and the last at sample "
                    "179, which is 180 positions."
                ),
            },
            hint="Valid mode: N − M + 1.",
            explanation="200 − 21 + 1 = **180** values, 10 lost at each end.",
        ),
        SingleChoice(
            "03-p-teeth",
            "After smoothing with that kernel, will the teeth still reach ±1?",
            ["1ea2348d78ee64c67382c3e4e95490bf"],
            options=[
                "yes, they still reach ±1",
                "no, they stay well inside ±1",
                "they overshoot beyond ±1",
            ],
            hint="Near a drop, every window holds the top of one ramp and the bottom of the next. "
            "Can an average of values between −1 and 1, with positive weights, leave that range?",
            explanation="**No**: the teeth reach only ±0.730. An average with positive weights "
            "never leaves the range of its inputs, and near a drop it mixes 1 with −1.",
        ),
        SingleChoice(
            "03-p-svg",
            "The figure is saved twice into the same folder, with the same settings. The first "
            "file is smoothing_size21_sigma3.0_step0.svg. What is the second one called?",
            ["97e348ce0af61cec1504ef32f02681e5"],
            options=[
                "smoothing_size21_sigma3.0_step0.svg (it overwrites the first)",
                "smoothing_size21_sigma3.0_step0-1.svg",
                "smoothing_size21_sigma3.0_step1.svg",
                "none: saving twice is an error",
            ],
            hint="An existing file is never overwritten.",
            explanation="**smoothing_size21_sigma3.0_step0-1.svg**: the second save of the same "
            "picture gets the suffix -1, a third -2.",
        ),
        SingleChoice(
            "03-p-sigma",
            "Keep the size at 51 and smooth the sawtooth with σ = 1, 3 and 8. How high do the "
            "smoothed teeth reach?",
            ["b349431225c32eb8bcfbbd03831e9de1"],
            options=[
                "lower and lower as sigma grows",
                "higher and higher as sigma grows",
                "the same each time: the size is fixed",
            ],
            hint="Sigma is the width of the bell: how many neighbours really take part.",
            explanation="**Lower and lower**: ±0.909, ±0.729 and ±0.400. A wider bell averages "
            "over more of the neighbouring ramp. The length, 150, depends only on the size.",
        ),
        SingleChoice(
            "03-p-size",
            "Keep σ = 3 and change the size from 21 to 51 taps. Where both results exist, how "
            "much do the smoothed values change?",
            ["6f61158adcd139e0508c083c830f0253"],
            options=[
                "hardly at all (less than 0.001)",
                "noticeably (about 0.05)",
                "a lot (about 0.3)",
            ],
            hint="21 taps already reach ±10 = ±3.3σ from the centre. How much does the bell "
            "weigh beyond that?",
            explanation="**Hardly at all**: 0.0004 at most. Beyond about 3σ the weights are so "
            "small that cutting them off hardly matters; a bigger size mostly costs samples at "
            "the ends.",
        ),
        SingleChoice(
            "03-p-cutoff",
            "At σ = 2 the rule of thumb asks for 13 taps. A window of only 7 taps reaches "
            "±1.5σ. How much of the bell's weight does it cut off?",
            ["12cfe075ae87d8cf4176280fc7906f9f"],
            options=["about 0.1 %", "about 8 %", "about 30 %"],
            hint="A bell holds about two thirds of its weight within ±1σ and about 95 % within "
            "±2σ.",
            explanation="**About 8 %** (7.7 %); 9 taps (±2σ) cut off 2.3 % and 13 taps (±3σ) "
            "only 0.1 %.",
        ),
        SingleChoice(
            "03-p-box",
            "With the same 21 taps, which kernel flattens the sawtooth's teeth more: the box "
            "(21 weights of 1/21) or the Gaussian with σ = 3?",
            ["14d2601deb0c949fdd5775703d70a8bd"],
            options=["the box", "the Gaussian", "they flatten them the same"],
            hint="In the Gaussian the outer taps hardly count. In the box every tap counts "
            "fully.",
            explanation="**The box**: its teeth reach ±0.592 against the Gaussian's ±0.730, "
            "since it averages all 21 samples at full weight.",
        ),
        SingleChoice(
            "03-p-noisy",
            "The noisy chart is about 0.4 away from its clean trend (root-mean-square error). "
            "Smoothed with the 21-tap Gaussian (σ = 3), how close does it get?",
            ["c6b60c85de389755430bb4c8603505e3"],
            options=["about 0.3", "about 0.15", "about 0.05"],
            hint="Averaging k independent noise values divides the noise by about √k. How many "
            "samples does the Gaussian really average?",
            explanation="**About 0.15**: the error falls from 0.385 to 0.138. The box of 21, "
            "which averages more samples at full weight, gets to 0.097.",
        ),
    ]
