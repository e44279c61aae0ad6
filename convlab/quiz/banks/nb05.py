"""Notebook 05's questions: output size, dilation, the non-square trap, pooling, upsampling,
the modes as padding, the convolution matrix and ``output_padding``.

:func:`questions` is the quiz at the end of the notebook; :func:`predictions` holds its
Predict moments, in the order the notebook asks them.  Answers are stored as salted
hashes only; the plain answers and their independent checks are in
``tests/test_quiz_bank_nb05.py``.
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
        NumericQuestion(
            "05-same",
            "`numpy.convolve(x, h, mode=\"same\")` with a kernel of length 7 returns as many "
            "values as `x` has. As a layer (stride 1), which padding on each side is that?",
            ["72fd87a2dfb64ff109e022ad1165a9b8"],
            near_misses={
                "7aae21fa57a3dd02e6cce885d8991f3f": (
                    "6 = k − 1 is the padding of the 'full' mode. 'same' pads half as much on "
                    "each side."
                ),
                "de745e1998a7862c6403609c64e5f273": (
                    "That is the kernel's length. The padding is what lets the window sit "
                    "k − 1 = 6 cells beyond the input, split between the two sides."
                ),
            },
            hint="Output length n + 2p − k + 1 must equal n.",
            explanation="n + 2p − 7 + 1 = n gives p = (7 − 1)/2 = **3**: 'valid' is padding 0, "
            "'same' is (k − 1)/2 for an odd kernel, and 'full' is k − 1.",
        ),
        ArrayQuestion(
            "05-matrix-shape",
            "`conv_matrix(10, k, stride=2, padding=1)` for a kernel of length 3 is the matrix "
            "C with C @ x equal to the layer's output for every x of length 10. How many rows "
            "and columns does it have? (e.g. `4 7`)",
            ["cbecd05eeee9014ac338647a2c7c4f88"],
            shape=(2,),
            near_misses={
                "c397fb3b507452db2f3a4e109eda097c": (
                    "That is its transpose. C takes the 10 input values to the outputs, so "
                    "it has one row per output and one column per input value."
                ),
                "b2e70bf51bccc50b4e8fd8230980fb56": (
                    "8 rows would be stride 1 with no padding. Count the outputs with stride "
                    "2 and padding 1."
                ),
            },
            hint="One row per output, ⌊(n + 2p − k)/s⌋ + 1 of them; one column per input value.",
            explanation="⌊(10 + 2 − 3)/2⌋ + 1 = 5 outputs, so C is **5 × 10**; its transpose, "
            "10 × 5, is the transposed convolution back to length 10.",
        ),
        NumericQuestion(
            "05-outpad",
            "With k = 3, stride 3 and no padding, inputs of length 9, 10 and 11 all give 3 "
            "outputs. The transposed convolution of 3 values gives (3 − 1)·3 + 3 = 9. Which "
            "`output_padding` makes it give 11?",
            ["279169a2dc89be980c96a7c8df201ffe"],
            near_misses={
                "a0f0354b5e566692dd717d32b38fccff": (
                    "3 would give 12, and output_padding must be smaller than the stride: a "
                    "layer refuses 3 here."
                ),
            },
            hint="output_padding is added to the size: 9 + output_padding = 11.",
            explanation="9 + **2** = 11. It can be 0, 1 or 2 (smaller than the stride 3): one "
            "value for each of the input sizes 9, 10 and 11 that the forward floor merged.",
        ),
    ]


def predictions() -> list[Question]:
    """Notebook 05's Predict moments, in the order the notebook asks them."""
    return [
        NumericQuestion(
            "05-p-size",
            "A 7 × 7 image, a 3 × 3 kernel, padding 1, stride 2. How many rows does the output "
            "have?",
            ["b5d3a5eb85ba2406b6e97c5f4cf88322"],
            near_misses={
                "f58c5358d085bde3e135298f7055614d": (
                    "That is the count without the padding. Padding 1 makes the image 9 cells "
                    "wide."
                ),
                "b3a1b961a9994221645afc3de010b0e0": (
                    "That is stride 1. Stride 2 uses only every other window position."
                ),
            },
            hint="The padded image is 9 cells wide; a 3-cell window starts at 0, 2, 4, …",
            explanation="Windows start at columns 0, 2, 4 and 6 of the 9-wide padded image: "
            "⌊(7 + 2 − 3)/2⌋ + 1 = **4**.",
        ),
        NumericQuestion(
            "05-p-floor",
            "n = 6, k = 3, stride 2: the fraction (6 − 3)/2 + 1 is 2.5. How many outputs are "
            "there?",
            ["fa7b290e210bedf70a382bae6e3e3470"],
            near_misses={
                "67aa172c24018701cde780a243d23fe2": (
                    "Rounded up: a third window would start at column 4 and need column 6, "
                    "which does not exist."
                ),
            },
            hint="A window that would hang over the edge is not used.",
            explanation="Windows start at columns 0 and 2; one at 4 would need column 6. "
            "The formula floors: **2**.",
        ),
        NumericQuestion(
            "05-p-alexnet",
            "AlexNet's first layer: 11 × 11 kernels, stride 4, no padding, 55 outputs. "
            "(224 − 11)/4 + 1 is not a whole number. Which input size n gives exactly 55?",
            ["bfb6f7473c4cb870e85ab126ae785e68"],
            near_misses={
                "87c03a2e4bfd5cac1d17c84cb6f27c46": (
                    "224 gives (224 − 11)/4 + 1 = 54.25: the last window does not fit, so a "
                    "layer returns 54."
                ),
            },
            hint="Solve (n − 11)/4 + 1 = 55 for n.",
            explanation="(n − 11)/4 = 54 gives n = 216 + 11 = **227**, the size many "
            "reimplementations use.",
        ),
        ArrayQuestion(
            "05-p-stride",
            "The 5 × 5 image of 1 … 25 and a 3 × 3 kernel of ones give, with stride 1,\n\n"
            "```\n 63  72  81\n108 117 126\n153 162 171\n```\n\nWhich four values does "
            "stride 2 keep? Write them as a 2 × 2 matrix (e.g. `1 2; 3 4`).",
            ["3cdcc307c33dad78aedf313ac25dd876"],
            shape=(2, 2),
            near_misses={
                "eb0949cb96169d442fed7ff07c492c36": (
                    "Those are neighbours. Stride 2 moves the window two cells at a time, so "
                    "it skips every other row and column."
                ),
            },
            hint="Stride 2 keeps windows starting at rows 0, 2 and columns 0, 2.",
            explanation="Rows 0 and 2, columns 0 and 2 of the stride-1 result: the four "
            "corners, **[[63, 81], [153, 171]]**.",
        ),
        NumericQuestion(
            "05-p-corner",
            "The same image and kernel with padding 1 (stride 1): the output is 5 × 5. What "
            "is its top-left value?",
            ["ba19f88f3772f01d19da5a8fedff6016"],
            near_misses={
                "2604e67af5f1dfef9e574ce65e35e75b": (
                    "63 is the corner without padding. With padding 1 the top-left window "
                    "sits half in the zero border."
                ),
            },
            hint="The window covers a row and a column of zeros; which four pixels are left?",
            explanation="Five of its nine cells are zeros; the rest are 1 + 2 + 6 + 7 = **16**.",
        ),
        NumericQuestion(
            "05-p-dilation",
            "The same image and kernel with dilation 2: the kernel spans 5 × 5 cells, so "
            "there is one output. What is it?",
            ["9e5f4d4c075615356e318306f5ebcefe"],
            near_misses={
                "fab21d5a8c0f4b9a750a5a1b3435b54b": (
                    "That is all 25 pixels. The kernel still has nine taps, two cells apart."
                ),
                "1855ca648db8a936931c94036526665c": (
                    "That is the 3 × 3 block in the corner: dilation 1. With dilation 2 the "
                    "taps are two cells apart."
                ),
            },
            hint="The taps sit on rows 0, 2, 4 and columns 0, 2, 4.",
            explanation="1 + 3 + 5 + 11 + 13 + 15 + 21 + 23 + 25 = **117**.",
        ),
        NumericQuestion(
            "05-p-full",
            "`numpy.convolve`'s 'full' mode with a kernel of length k = 5 lets the kernel "
            "hang off both ends. As a layer, how much zero padding is that on each side?",
            ["abc53cdc7a273fdb8516aca9241a35d2"],
            near_misses={
                "0aad7847d4f5eb4ee4a6c76f5ac86be9": (
                    "2 = (k − 1)/2 is 'same'. 'Full' keeps every window that overlaps the "
                    "input by at least one sample."
                ),
            },
            hint="The first full-mode output uses only x[0], under the kernel's last tap.",
            explanation="The kernel's last tap meets x[0] when the other k − 1 = **4** taps "
            "hang off the left edge: 'full' is padding k − 1, 'same' (k − 1)/2, 'valid' 0.",
        ),
        SingleChoice(
            "05-p-trap",
            "The window is cut with `len(k)` on both axes. Which kernels break it, and how?",
            ["ff281b5d728e6f508245a4cf18bdb35e"],
            options=[
                "only the 1 × 3 kernel, with an error",
                "only the 3 × 1 kernel, with wrong numbers",
                "both, each with an error",
                "both, each quietly returning wrong numbers",
            ],
            hint="`len` of a 1 × 3 array is 1 and of a 3 × 1 array is 3. What does NumPy do "
            "with `window * k` when the shapes differ but can be broadcast?",
            explanation="**Both, silently**: a 1 × 3 kernel cuts 1 × 1 windows (broadcast "
            "against the three taps, every output is 0); a 3 × 1 kernel cuts 3 × 3 windows "
            "(broadcast across the columns: wrong sums). NumPy only complains when a cut "
            "window is smaller than the kernel.",
        ),
        ArrayQuestion(
            "05-p-shapes",
            "A 4 × 5 image. What shape is the valid output for the 1 × 3 kernel, and for the "
            "3 × 1 kernel? Write both as rows (`rows cols; rows cols`).",
            ["bb56295b8df2246f316c3af14665d0b0"],
            shape=(2, 2),
            near_misses={
                "9f46a122c913efceb22678217588b1b8": (
                    "Swapped: a 1 × 3 kernel is one row tall, so every row keeps its place; "
                    "only the columns shrink."
                ),
            },
            hint="Each axis loses (kernel size along it) − 1.",
            explanation="(4 − 1 + 1) × (5 − 3 + 1) = **4 × 3** and (4 − 3 + 1) × (5 − 1 + 1) "
            "= **2 × 5**.",
        ),
        ArrayQuestion(
            "05-p-pool",
            "Max pooling with 2 × 2 windows, stride 2, of\n\n```\n1 3 2 4\n5 7 6 8\n9 2 1 0\n"
            "3 4 8 5\n```\n\nWrite the 2 × 2 result (e.g. `1 2; 3 4`).",
            ["ce86e00b47a26396ea818f1bf12a1a28"],
            shape=(2, 2),
            decimals=1,
            near_misses={
                "66a0903b1a17379e9a8631c601671849": (
                    "Those are the blocks' means: average pooling. Max pooling keeps the "
                    "largest value of each block."
                ),
            },
            hint="Four 2 × 2 blocks that do not overlap; keep each block's largest value.",
            explanation="Blocks {1, 3, 5, 7}, {2, 4, 6, 8}, {9, 2, 3, 4}, {1, 0, 8, 5}: "
            "**[[7, 8], [9, 8]]**.",
        ),
        NumericQuestion(
            "05-p-stamps",
            "The 2 × 2 input [[1, 2], [3, 4]], a 3 × 3 kernel of ones, stride 2: the output "
            "is 5 × 5. What is its centre value?",
            ["b302147768f11d441d574e7357517c2d"],
            near_misses={
                "f4258e7dba0bfccfa53b37a6f9c9b333": (
                    "That is one stamp. The centre is covered by the stamps of all four "
                    "input pixels."
                ),
            },
            hint="Stamps start at (0, 0), (0, 2), (2, 0) and (2, 2), each 3 × 3.",
            explanation="All four stamps cover (2, 2): 1 + 2 + 3 + 4 = **10**.",
        ),
        NumericQuestion(
            "05-p-matrix",
            "The convolution matrix C of a layer with n = 6, kernel [1, 2, 3], stride 1, has "
            "one row per output and one column per input value. How many of its entries are "
            "not zero?",
            ["a9b0a379576e902b0b66bf7a90d3591a"],
            near_misses={
                "8c94961f718061308112b02dc37452fa": (
                    "24 is every entry of the 4 × 6 matrix. Each output reads only three "
                    "input values."
                ),
                "7983404c3d55c3c04fe095edfb0f4dae": (
                    "That counts 6 rows. There are only 6 − 3 + 1 = 4 outputs."
                ),
            },
            hint="How many outputs, and how many input values does each one read?",
            explanation="4 outputs × 3 taps = **12**: each row holds the kernel, shifted one "
            "column further than the row above.",
        ),
        NumericQuestion(
            "05-p-transpose",
            "With stride 2, C is 2 × 6 for n = 6, k = 3, so Cᵀ y has 6 values. How many "
            "does `conv_transpose1d(y, k, stride=2)` return for a y of length 2 (no padding, "
            "output_padding 0)?",
            ["8f7ae8fd3d93809029d21e1ac8f4ed79"],
            near_misses={
                "76e06e1fd17dbeaad1e0f1a8c84ea3f8": (
                    "That is Cᵀ y's length. The transposed formula (n − 1)s + k cannot know "
                    "that the forward input had a last sample that no window read."
                ),
            },
            hint="(n − 1)·s + k with n = 2, s = 2, k = 3.",
            explanation="(2 − 1)·2 + 3 = **5**: one value short of 6. Input sizes 5 and 6 both "
            "give 2 outputs, and `output_padding=1` asks for the larger one.",
        ),
        ArrayQuestion(
            "05-p-ambiguity",
            "k = 3, stride 2, padding 1. How many outputs for n = 7, how many for n = 8, and "
            "what size does the transposed formula give back from that output? Three numbers.",
            ["4ce7c13c5ae423687f914dff94400cfa"],
            shape=(3,),
            near_misses={
                "45cfbd9144a7404a92852968fe4e11e7": (
                    "The plain transposed formula, (4 − 1)·2 − 2 + 2 + 1, gives 7; 8 needs "
                    "output_padding 1."
                ),
                "5b65dd31058128e9561f3111f3e1272d": (
                    "For n = 8: ⌊(8 + 2 − 3)/2⌋ + 1 = ⌊3.5⌋ + 1 = 4, the same as for 7."
                ),
            },
            hint="⌊(n + 2p − k)/s⌋ + 1 forward; (n − 1)s − 2p + k back.",
            explanation="⌊6/2⌋ + 1 = ⌊7/2⌋ + 1 = **4** for both, and back from 4: "
            "(4 − 1)·2 − 2 + 3 = **7**.",
        ),
        SingleChoice(
            "05-p-outpad",
            "With stride 2, `output_padding` 0 and 1 pick the two input sizes. What does "
            "`transpose_output_size(4, 3, stride=2, padding=1, output_padding=2)` do?",
            ["6e8aaeb7a8d06e149ea0bac47aa957fd"],
            options=[
                "it returns 9",
                "it returns 8, the largest size that gives 4",
                "it raises a ValueError",
            ],
            near_misses={
                "91e6a4e7a2578c63409cee2e855fa995": (
                    "9 would be the formula's value, but no input size with stride 2 gives "
                    "back 4 from 9: ⌊(9 + 2 − 3)/2⌋ + 1 = 5."
                ),
            },
            hint="Which values of output_padding pick a real input size when the stride is 2?",
            explanation="**It raises a ValueError**: output_padding must be smaller than the "
            "stride (or the dilation), as in PyTorch; 2 would describe a size the forward "
            "layer never maps to 4.",
        ),
    ]
