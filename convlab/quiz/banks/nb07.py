"""Quiz of notebook 08 (bank key "07"): dice, the properties of convolution, the
frequency view, why the convolution theorem holds, and what a convolution costs.

:func:`questions` is the notebook's "Check yourself" quiz; :func:`predictions` its
Predict moments, in notebook order (ids ``07-p-…``).  Answers are stored as salted
hashes; the plain answers and their independent checks are in
``tests/test_quiz_bank_nb07.py``.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "07"
TITLE = "Check yourself: applications, cost and the frequency view"


def questions() -> list[Question]:
    """The questions of notebook 08 (key "07"), fresh."""
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
        NumericQuestion(
            "07-sidelobe",
            "A long box kernel (say 101 taps, each 1/101). Its frequency response falls from "
            "1 at f = 0 to a first zero, then rises again to a first side lobe. How high is that "
            "side lobe, as a fraction of the peak? Two decimal places.",
            ["e0bdb8ba3f84754a02164c9e4f4a49db"],
            decimals=2,
            near_misses={
                "e753a7dec29ecb7544643383afa1e7b4": (
                    "0 is where the response touches zero, between the main lobe and the side "
                    "lobe. The side lobe is the bump after it."
                ),
                "3b39363f70033449a950ffdb761d4ed2": (
                    "0.5 is too high: a long box's response is |sin(πx) / (πx)| in x = fL, "
                    "and its first bump after x = 1 peaks near x = 1.43."
                ),
            },
            hint="For a long box the response is |sin(πx) / (πx)| with x = f · L. Look for its "
            "largest value between x = 1 and x = 2.",
            explanation="About **0.22** (0.217 in the limit of a long box, 0.222 for 13 taps): "
            "the peak of |sin(πx)/(πx)| near x = 1.43. That much of a frequency just above the "
            "first zero gets through, upside down; a Gaussian has no side lobes at all.",
        ),
        NumericQuestion(
            "07-gauss-width",
            "A Gaussian kernel with σ = 4 samples. Its frequency response is a Gaussian too. "
            "What is its width σ_f, in cycles per sample? Three decimal places.",
            ["dcf5eafae5dc98e70b83347c22d7229e"],
            decimals=3,
            near_misses={
                "f8219b78e9571e28e6aa8fe259a6a458": (
                    "4 is the kernel's own width. The wider the kernel, the narrower its "
                    "frequency response."
                ),
                "78776af9ce427207256cd35ce8c4067e": (
                    "1/σ misses a factor: the widths multiply to 1/(2π), not to 1."
                ),
            },
            hint="σ_f = 1 / (2πσ).",
            explanation="σ_f = 1 / (2π · 4) ≈ **0.040** cycles per sample. The widths in "
            "time and in frequency multiply to 1/(2π): a wider blur keeps a narrower band of "
            "low frequencies.",
        ),
        MultipleChoice(
            "07-lsi",
            "Which statements hold for convolution with a fixed kernel (full mode, no "
            "padding tricks)? Tick all that apply.",
            ["2e6d2ffd3e7f9484e3b783d4c1f15594"],
            options=[
                "linear: a·x1 + b·x2 goes to a·y1 + b·y2",
                "shift-equivariant: a shifted input gives a shifted output",
                "commutative: x * h = h * x",
                "associative: (x * g) * h = x * (g * h)",
                "convolving with a unit impulse returns the input reversed",
            ],
            hint="Four are true. What does the kernel do to a single 1 in a row of zeros?",
            explanation="The **first four**. A unit impulse returns the *kernel*, unreversed "
            "(the flip of the sliding and the flip of the kernel cancel): a linear "
            "shift-invariant system is completely described by its impulse response.",
        ),
    ]


def predictions() -> list[Question]:
    """The Predict moments of notebook 08 (key "07"), in notebook order."""
    return [
        NumericQuestion(
            "07-p-two-dice",
            "Two fair dice are thrown. What is the probability of the **most likely** total? "
            "A fraction, 3 decimal places or a percentage.",
            ["017925fe2154f65c1dab02b52083d2ed"],
            decimals=3,
            percent=True,
            near_misses={
                "80063d8c8b8693fe76b70f47da6b8466": (
                    "1/11 treats the eleven totals 2…12 as equally likely; they are not."
                ),
                "4d9553acb8e80689b462b4da665dab0a": (
                    "1/36 is one pair of faces. The likeliest total comes from several pairs."
                ),
            },
            hint="Count the ordered pairs (a, b) of faces for each total, out of 36.",
            explanation="The total 7, from (1, 6), (2, 5), (3, 4), (4, 3), (5, 2) and (6, 1): "
            "**6/36 = 1/6**.",
        ),
        NumericQuestion(
            "07-p-three-dice",
            "Three fair dice: 6³ = 216 equally likely outcomes. How many of them give the most "
            "likely total?",
            ["47e3a2c1fee933e41eb72ce409eae976"],
            near_misses={
                "04e8cc435e1fa0325efcadb29c04ecd1": (
                    "36 is all the outcomes of two dice. Convolve the two-dice counts "
                    "[1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1] once more with six ones."
                ),
            },
            hint="The count of a total s adds the two-dice counts of s − 1, s − 2, …, s − 6.",
            explanation="**27**: the totals 10 and 11 tie, each 27/216 = 1/8.",
        ),
        ArrayQuestion(
            "07-p-impulse",
            "The full convolution of the unit impulse `[0, 0, 1, 0, 0]` with the kernel "
            "`h = [1, 2, 3]`: seven numbers.",
            ["5614c26764dfc461f23188ec0f51962f"],
            shape=(7,),
            near_misses={
                "591ee6fd30f6ca29dbae2cdcb6d04f50": (
                    "Convolution flips the kernel, but sliding the flipped kernel past a "
                    "single 1 reads it backwards again: the two flips cancel."
                ),
            },
            hint="Only one input value is not zero, so every output is that 1 times one tap.",
            explanation="**[0, 0, 1, 2, 3, 0, 0]**: the kernel itself, starting where the "
            "impulse sits.",
        ),
        SingleChoice(
            "07-p-leak",
            "A box and a Gaussian, both 13 taps that add up to 1. For the high frequencies, "
            "from 0.3 to 0.5 cycles per sample, which kernel lets more through?",
            ["76c7e74e2ab1b56f30ece668d4d515b7"],
            options=[
                "the box",
                "the Gaussian",
                "both block them completely",
                "both let the same amount through",
            ],
            hint="The box's response is a ratio of sines: does it ever settle at zero?",
            explanation="**The box**: its side lobes keep coming, up to about 9 % of the peak "
            "there, while the Gaussian is below 0.1 %.",
        ),
        ArrayQuestion(
            "07-p-wrap",
            "p = [1, 2, 3] and q = [1, 1]: their product p·q has the 4 coefficients "
            "[1, 3, 5, 3]. Evaluate both at only **n = 3** roots of unity, multiply, and "
            "interpolate back with the inverse DFT. Which 3 numbers come back?",
            ["6907aefc0626e1dda494508530b270e5"],
            shape=(3,),
            near_misses={
                "4d9e0f6ee680168226fc9ff6149cde0a": (
                    "The last coefficient does not just fall off: with ω³ = 1 the power t³ "
                    "cannot be told from t⁰."
                ),
            },
            hint="At a 3rd root of unity, t³ = 1: the coefficient of t³ lands on t⁰.",
            explanation="**[4, 3, 5]**: the 3 of t³ wraps around onto the 1 of t⁰. That is "
            "the circular convolution the FFT computes without enough padding.",
        ),
        NumericQuestion(
            "07-p-checkerboard",
            "A checkerboard of +1 and −1, convolved with the Laplacian "
            "[[0, 1, 0], [1, −4, 1], [0, 1, 0]]. At a pixel where the checkerboard is +1, what "
            "is the output?",
            ["7bc5b472a91340a4eabf1e97014b1931"],
            near_misses={
                "0e51031ae195eb1edf3533972583291a": (
                    "The size is right, the sign is not: the centre weight −4 meets +1, and the "
                    "four neighbours are −1."
                ),
                "67d299cd353c02087c3c5422e10e0448": (
                    "−4 counts the centre only. Its four neighbours are −1, each weighted +1."
                ),
                "b22df905d4ed911b60441d9a80878b95": (
                    "0 is what a flat image gives. A checkerboard is as far from flat as "
                    "an image can be."
                ),
            },
            hint="−4 · (+1) plus four neighbours, each 1 · (−1).",
            explanation="−4 − 1 − 1 − 1 − 1 = **−8**: the Laplacian multiplies the "
            "checkerboard by −8.",
        ),
        SingleChoice(
            "07-p-madds",
            "A direct 2-D convolution of a 512 × 512 photo with a 31 × 31 blur, the output the "
            "size of the photo. Roughly how many multiply-adds?",
            ["41d8658d485e424f93f18d1a771b16ca"],
            options=[
                "about a million",
                "about 25 million",
                "about 250 million",
                "about 25 billion",
            ],
            hint="512² outputs, each a sum of 31² products.",
            explanation="512² · 31² = 251 920 384: **about 250 million**.",
        ),
        SingleChoice(
            "07-p-crossover",
            "Counting n²k² for the direct sum against about 3N² log₂ N² + N² for the FFT "
            "(N = n + k − 1): from which kernel side k on does the FFT win for a 512 × 512 "
            "image?",
            ["9a46c8830a1e0ea0569bee71f472902c"],
            options=["k = 3", "k = 8", "k = 31", "k = 128"],
            hint="The FFT's count hardly changes with k: about 1.5·10⁷. When does 512² k² pass it?",
            explanation="**k = 8**: 512² · 7² ≈ 1.28·10⁷ is still below the FFT's ≈ 1.48·10⁷, "
            "512² · 8² ≈ 1.68·10⁷ is above.",
        ),
        SingleChoice(
            "07-p-loops",
            "A 3 × 3 kernel: four nested Python loops against the same multiply-adds in "
            "compiled C. How long do the loops take?",
            ["bfddd0f2864c44722d97c2a5510b0b55"],
            options=[
                "about as long",
                "2 to 5 times as long",
                "more than 20 times as long",
            ],
            hint="The interpreter handles every multiply-add on its own: reading the values, "
            "looking up the operator, storing the result.",
            explanation="**More than 20 times as long**: on most machines 50 to 100 times. The "
            "table shows the ratio measured on yours.",
        ),
    ]
