"""Notebook 04's questions: filters on images, and its Predict moments.

:func:`questions` is the quiz at the end of the notebook; :func:`predictions` holds the
inline questions the notebook asks before each reveal, in the order it asks them.
Plain answers and their independent checks are in ``tests/test_quiz_bank_nb04.py``.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "04"
TITLE = "Check yourself: filters on images"

_FLIP_OPTIONS = [
    "box blur, 3 × 3 of 1/9",
    "the Laplacian [[0, 1, 0], [1, −4, 1], [0, 1, 0]]",
    "vertical edge [[1, 0, −1]] × 3",
    "[[0, 1], [1, 0]]",
    "[[1, 2], [3, 4]]",
]

_MODES = ["zeros", "reflect", "replicate", "circular"]

_SHARPEN_OPTIONS = [
    "identity − Laplacian",
    "identity + Laplacian",
    "Laplacian − identity",
    "box blur − identity",
]


def questions() -> list[Question]:
    """A fresh list of notebook 04's questions."""
    return [
        ArrayQuestion(
            "04-corr",
            "Slide the kernel `[[1, 2], [3, 4]]` over `[[1, 2, 3], [4, 5, 6], [7, 8, 9]]` "
            "**without flipping it** (cross-correlation, as `conv2d` does), valid windows "
            "only. Write the 2 × 2 result, e.g. `[[1, 2], [3, 4]]` or `1 2; 3 4`.",
            ["0ac97a5a14a4d84cfe6c5680478d453e"],
            shape=(2, 2),
            near_misses={
                "911cc545863c31de0f5e5bf330d34280": (
                    "That is true convolution: the kernel was turned half a turn first. "
                    "Here it slides as it is, 1 over the window's top-left pixel."
                ),
            },
            hint="The first window is [[1, 2], [4, 5]]: multiply it cell by cell with the "
            "kernel and add the four products.",
            explanation="out[0, 0] = 1·1 + 2·2 + 4·3 + 5·4 = 37; each step right adds "
            "1 + 2 + 3 + 4 = 10 (every pixel under the window grows by 1) and each step down "
            "adds 3 · 10 = 30: **[[37, 47], [67, 77]]**. Flipped (true convolution) it would "
            "be [[23, 33], [53, 63]].",
        ),
        NumericQuestion(
            "04-dot",
            "An image is 0 everywhere except one pixel of value 9. What does the Laplacian "
            "`[[0, 1, 0], [1, −4, 1], [0, 1, 0]]` give at that pixel?",
            ["d3f192d3c01ab46a7c17b36571861b7b"],
            near_misses={
                "03f6c730bacac44e47c5d0c7eb128d07": (
                    "Right size, wrong sign: the centre weight is −4 and the four "
                    "neighbours are 0."
                ),
                "a774d91713d28549f6001b7cb7ade9b8": (
                    "−4 is the weight; it multiplies the pixel's value, 9."
                ),
                "321a6ce14398e68acfb48de5c57c3fef": (
                    "9 would be the identity kernel's answer. The Laplacian weighs the "
                    "centre by −4."
                ),
            },
            hint="Only the centre weight meets a non-zero pixel.",
            explanation="The four neighbours are 0, so only the centre counts: −4 · 9 = "
            "**−36**. A bright dot on a dark background is as strong an edge as it gets; "
            "its four neighbours each get +9.",
        ),
        NumericQuestion(
            "04-blur",
            "A 3 × 3 blur kernel is often printed with its nine weights rounded to 0.11. A "
            "flat region of the image has the value 200. What value does that blur give there?",
            ["5acdd29efa3e0d8a4a6093624411fbe2"],
            near_misses={
                "ad720720f7621d0e3f5b1ec809d78d52": (
                    "That would need weights that add up to exactly 1 (1/9 each). "
                    "Add up nine 0.11s."
                ),
                "7be7fd3b5ff29b1a402e1106afa046e3": (
                    "0.11 · 200 is one product; the window holds nine of them."
                ),
            },
            hint="Every pixel under the window is 200, so the result is 200 times the sum "
            "of the weights.",
            explanation="9 × 0.11 = 0.99, so the result is 0.99 × 200 = **198**: the "
            "rounded blur makes the image 1 % darker. The exact box blur uses 1/9 ≈ 0.111, "
            "which adds up to 1 and keeps brightness.",
        ),
        MultipleChoice(
            "04-flip",
            "Which kernels give the **same** result whether you flip them (true convolution) "
            "or not (cross-correlation)? Tick all that apply.",
            ["c749f7c7beb4cace1230a06e73066abc"],
            options=_FLIP_OPTIONS,
            hint="Flipping turns the kernel half a turn (both axes reversed). Which of them "
            "look the same after half a turn?",
            explanation="The box blur, the Laplacian and [[0, 1], [1, 0]] are unchanged by a "
            "half turn, so both conventions agree. The vertical-edge kernel becomes its own "
            "negative (every edge changes sign), and [[1, 2], [3, 4]] becomes "
            "[[4, 3], [2, 1]].",
        ),
        SingleChoice(
            "04-sharpen",
            "The Laplacian is sometimes called an edge-sharpening filter, but it *detects* edges. "
            "Which kernel sharpens, giving `[[0, −1, 0], [−1, 5, −1], [0, −1, 0]]`?",
            ["b179df34403edaab916e68d0ec625206"],
            options=_SHARPEN_OPTIONS,
            hint="The identity kernel has a single 1 in the centre. Which combination puts "
            "5 in the centre and −1 around it?",
            explanation="**identity − Laplacian**: the centre is 1 − (−4) = 5 and each "
            "neighbour 0 − 1 = −1. It returns the image minus its Laplacian, which pushes "
            "each pixel away from its neighbours' average: edges get crisper, flat regions "
            "stay as they are (the weights add up to 1).",
        ),
        NumericQuestion(
            "04-rank",
            "The rank of a kernel is how many outer products (column × row) it takes to add "
            "up to it. What is the rank of the Laplacian `[[0, 1, 0], [1, −4, 1], [0, 1, 0]]`?",
            ["5547b122f01bd92103fb8d652eb33717"],
            near_misses={
                "db6a52f7f8ca328d976003b8112c1244": (
                    "Rank 1 would make it separable, one row pass and one column pass. Its "
                    "middle row [1, −4, 1] is not a multiple of its top row [0, 1, 0]."
                ),
                "1ecce4e9e0611dc4bcfbfe158fc1c9c2": (
                    "Its top and bottom rows are the same, so at most two rows are "
                    "independent."
                ),
            },
            hint="Count the non-zero singular values, or the rows that are not multiples of "
            "one another.",
            explanation="**2**: `numpy.linalg.svd` gives two non-zero singular values "
            "(2 + √6 and √6 − 2) and a zero. The rows [0, 1, 0] and [1, −4, 1] are "
            "independent, and the third repeats the first. So the Laplacian is not separable; "
            "it is the sum of two separable second differences, down and across.",
        ),
        NumericQuestion(
            "04-cost",
            "A 7 × 7 Gaussian blur is separable. Done as a row pass then a column pass, how "
            "many multiply-adds does each output pixel cost?",
            ["9dfa05a85281298c46d5b93fe4c868a7"],
            near_misses={
                "edff59284b44566a52bc3c422177d840": (
                    "49 = 7 × 7 is the cost of the 2-D kernel. Each pass uses a 1-D kernel "
                    "of 7 weights."
                ),
                "fd132d0bd3d3b98bf08af219e2ea0d52": (
                    "That is one pass; the blur needs a row pass and a column pass."
                ),
            },
            hint="Each pass multiplies 7 pixels by 7 weights and adds them.",
            explanation="7 for the row pass plus 7 for the column pass: **14**, against "
            "7² = 49 for the 2-D kernel, 3.5 times fewer. For a k × k kernel it is 2k "
            "against k², so the saving grows with the kernel.",
        ),
        MultipleChoice(
            "04-flat-modes",
            "An image is 100 everywhere. You blur it with a 5 × 5 box and \"same\" output "
            "size, under each padding mode. Which modes leave **every** pixel at 100, the "
            "border included? Tick all that apply.",
            ["ad4f925fcd470f36b65411b51d7551fc"],
            options=_MODES,
            hint="For each mode, ask what values the padding puts around a flat image of 100.",
            explanation="**reflect, replicate and circular**: each copies pixels of the image "
            "itself into the padding, and on a flat image those are all 100, so every window "
            "averages 100. Zeros puts 0s there: a corner window of the 5 × 5 box holds only "
            "9 of its 25 pixels from the image, so it gives 100 · 9/25 = 36, a dark frame.",
        ),
    ]


def predictions() -> list[Question]:
    """Notebook 04's Predict moments, in the order the notebook asks them."""
    return [
        NumericQuestion(
            "04-p-rows",
            "Its caption says 14 × 14. Count for yourself: how many **rows** does the "
            "printed matrix have?",
            ["5a169bd017a846ae930c147845fd2706"],
            near_misses={
                "f2d07ecc153bf171f6191c5133b1d9cc": (
                    "That is the caption's number. Count the printed lines."
                ),
            },
            hint="Count the lines of the printed matrix, or `img.shape` once it is printed.",
            explanation="**16** rows, and 16 columns: the caption is off by two. Check "
            "shapes in code rather than trusting a caption.",
        ),
        ArrayQuestion(
            "04-p-crossbar",
            "The \"H\" has a crossbar. Which four values sit in row 6, columns 3 to 6? "
            "(Rows and columns count from 0.)",
            ["c372078e33540c92bb1c5b8e06593cb7"],
            shape=(4,),
            near_misses={
                "b0005f20687fdaeb94a3db553363a4e7": (
                    "255 is white, the background. The letters are drawn in black."
                ),
            },
            hint="Black is 0, white is 255, and the letters are black.",
            explanation="**0 0 0 0**: the crossbar is four black pixels joining the two "
            "upright bars at columns 3 and 6.",
        ),
        NumericQuestion(
            "04-p-first",
            "The kernel `[[0, 1], [1, 0]]` keeps the top-right and bottom-left pixel of each "
            "window. What is the **first** output value, for the top-left window of 1 to 9?",
            ["bbcb988995afb0a68e2df811fa801cf4"],
            near_misses={
                "3b2fcf249f18c8cf538f279a43395f2d": (
                    "12 adds all four pixels of the window. The kernel's zeros drop two of them."
                ),
                "3c8fcaf6079201d34bbc9c60fda8c366": (
                    "8 is the next window's value, one column to the right."
                ),
            },
            hint="The first window is [[1, 2], [4, 5]].",
            explanation="The window [[1, 2], [4, 5]] keeps its top-right 2 and bottom-left 4: "
            "**6**.",
        ),
        NumericQuestion(
            "04-p-rounded",
            "A flat patch of the image is 100 everywhere. What does the **rounded** blur, "
            "nine weights of 0.11, give there?",
            ["364d4ccf94adbf99ee9c8af1a048d39a"],
            near_misses={
                "6ae186d70f8b9d3802c0d3060a6fe0ca": (
                    "That needs weights that add up to exactly 1. Add up nine 0.11s."
                ),
                "6ae0cc08c18cb27385b14e12a09436dd": (
                    "0.11 · 100 is one product; the window holds nine."
                ),
            },
            hint="Every pixel under the window is 100: the result is 100 times the sum of "
            "the weights.",
            explanation="9 × 0.11 = 0.99, so 100 becomes **99**: the rounded blur darkens "
            "by 1 %.",
        ),
        ArrayQuestion(
            "04-p-blurred",
            "The random image is 64 × 64. What **shape** is it after the 3 × 3 blur in "
            "\"valid\" mode? Type it like `10 × 10`.",
            ["b7bcd3980d183511daf3c9b3c7989100"],
            shape=(2,),
            shape_like=True,
            near_misses={
                "6a4469d7ca2ed4a58da4ee5a0e5be655": (
                    "That keeps the size, as \"same\" padding does. \"Valid\" keeps only "
                    "windows that fit inside the image."
                ),
                "085e935258a617d867418dabf42add09": (
                    "That is \"full\" mode, which lets the window hang over the edges."
                ),
            },
            hint="How many positions does a 3-wide window have in a row of 64?",
            explanation="64 − 3 + 1 = 62 positions each way: **62 × 62**.",
        ),
        NumericQuestion(
            "04-p-flat",
            "What does the Laplacian give at the centre of a flat image where every pixel "
            "is 7?",
            ["33320b1f42bb4205bbb594214b1971ae"],
            near_misses={
                "622654dcf832579303f9919729753247": (
                    "−4 · 7 is only the centre's product. The four neighbours add 4 · 7."
                ),
                "924d2d361e0930efd3b9f092c1d0ef8b": (
                    "7 would be the identity kernel's answer; the Laplacian's weights add "
                    "up to 0."
                ),
            },
            hint="Multiply the sum of the kernel's weights by 7.",
            explanation="4 · 7 − 4 · 7 = **0**: the weights add up to 0, so every flat "
            "region gives 0.",
        ),
        NumericQuestion(
            "04-p-centre",
            "What is the centre weight of identity − Laplacian?",
            ["ed3c9d0905adef7209da7d5e6351ed6f"],
            near_misses={
                "b995b82541fd14823bca2d9e57e3aadc": (
                    "That adds the Laplacian. Subtracting its −4 adds 4."
                ),
                "ca6742cd56966e9e95a03dcb336a9b62": (
                    "−4 is the Laplacian's own centre; the identity adds its 1 and the "
                    "minus sign turns −4 around."
                ),
            },
            hint="The identity's centre is 1, the Laplacian's is −4.",
            explanation="1 − (−4) = **5**, with −1 at the four neighbours.",
        ),
        NumericQuestion(
            "04-p-edge",
            "The vertical-edge kernel runs over the \"Hi\" image. Just left of the "
            "\"H\"'s left bar (white on the left, the black bar on the right), what value "
            "does it give?",
            ["318317c93129bcc58141bd40f924dfef"],
            near_misses={
                "bdd1d8f1712124d98ecbdbde33ba6360": (
                    "Right size, wrong sign: the kernel's +1 column sees the white, its −1 "
                    "column the black bar."
                ),
                "cd89ee7d34bd4d377ef66b627caa2e07": (
                    "255 is one row's difference; the kernel is three rows high."
                ),
            },
            hint="Left column (weights +1) on 255, right column (weights −1) on 0, three "
            "rows high.",
            explanation="3 · (255 − 0) = **765**; just right of the bar the signs swap.",
        ),
        SingleChoice(
            "04-p-flip",
            "Turn the vertical-edge kernel half a turn (true convolution) before sliding it. "
            "What happens to its output?",
            ["cbd01b6b15543b5f23b6c0fcb04e6651"],
            options=[
                "nothing: it is unchanged",
                "every value changes sign",
                "it moves by one column",
                "it finds horizontal edges instead",
            ],
            hint="What is [1, 0, −1] read backwards?",
            explanation="[1, 0, −1] becomes [−1, 0, 1], the kernel's own negative, so "
            "**every value changes sign**.",
        ),
        NumericQuestion(
            "04-p-passes",
            "A 15 × 15 blur costs 15² = 225 multiply-adds per pixel. Done as a row pass then "
            "a column pass, how many?",
            ["ce644010fa276e1440b4df727561ada0"],
            near_misses={
                "2040928f985199c14568d331dc737ca9": (
                    "That is one pass; the column pass costs as much again."
                ),
                "c65329fcc53f9db88ec591ab4258c001": (
                    "That is the 2-D kernel. Each pass uses a 1-D kernel of 15 weights."
                ),
            },
            hint="Each pass multiplies 15 pixels by 15 weights.",
            explanation="15 + 15 = **30**, 7.5 times fewer than 225.",
        ),
        SingleChoice(
            "04-p-laplacian",
            "The box is an outer product of a column and a row. Is the Laplacian?",
            ["13aa2c539dc4c800866e94e28f42c172"],
            options=[
                "yes, like the box",
                "no: it needs two outer products (rank 2)",
                "no: it needs three outer products (rank 3)",
            ],
            hint="In an outer product every row is a multiple of one row. Compare [0, 1, 0] "
            "and [1, −4, 1].",
            explanation="**No: rank 2.** Its middle row is not a multiple of its top row, "
            "and its bottom row repeats the top one.",
        ),
        ArrayQuestion(
            "04-p-reflect",
            "What does `np.pad([1, 2, 3, 4], 2, mode=\"reflect\")` give? Type the 8 values.",
            ["799c76c3c2c4d9b7196849e66965eb27"],
            shape=(8,),
            near_misses={
                "b9d2ac94e403a411fbf5bad48992e942": (
                    "That repeats the edge value, as numpy's \"symmetric\" does. "
                    "\"reflect\" mirrors about the edge pixel without repeating it."
                ),
                "4e08e48c5353dfbd0cb011d564abf661": (
                    "That copies the edge value outwards: \"replicate\" (numpy's \"edge\")."
                ),
            },
            hint="Mirror about the end pixel: 1 stays in the middle of the mirror.",
            explanation="**3 2 1 2 3 4 3 2**: the 2 and 3 left of 1 mirror the 2 and 3 "
            "right of it, and the same at the other end.",
        ),
        SingleChoice(
            "04-p-darkest",
            "You blur the photo with a big Gaussian, keeping its size, under each padding "
            "mode. Which mode gives it a dark frame?",
            ["219eef81c172eeb45305e24a25878a88"],
            options=_MODES,
            hint="Which mode puts values around the photo that are darker than the photo?",
            explanation="**zeros**: near the border part of every window lies on the black "
            "padding, so the average is pulled towards black.",
        ),
        SingleChoice(
            "04-p-corner",
            "In the playground, a kernel of zeros with a single 1 in its **top-left** corner "
            "(the output keeps the image's size). What does it do to the photo?",
            ["d06e75d4cb90932c6f9ae4824171304e"],
            options=[
                "nothing: it is the identity",
                "it moves one pixel down and to the right",
                "it moves one pixel up and to the left",
                "it blurs it",
            ],
            hint="Each output pixel reads the input pixel under the kernel's 1. Where is "
            "that, seen from the window's centre?",
            explanation="Each output pixel copies the input pixel up and to the left of it, "
            "so the picture **moves one pixel down and to the right**.",
        ),
        SingleChoice(
            "04-p-clip",
            "Weights that add up to 2 double every pixel, and the \"after\" panel clips at "
            "white. What share of the playground's photo goes past white?",
            ["f7cdcefceba54f6e9ac15bbcbc7ce64a"],
            options=["none of it", "less than half", "about half", "most of it"],
            hint="A pixel clips when it is brighter than half of white. How much of the "
            "photo is that bright?",
            explanation="**Less than half**: the printed share is the answer; the photo is "
            "mostly darker than half of white.",
        ),
    ]
