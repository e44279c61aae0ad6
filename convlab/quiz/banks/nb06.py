"""Notebook 06's questions: stacked layers, collapsing linear layers, receptive fields, depth;
and its Predict moments (:func:`predictions`, ids ``06-p-…``), one card per "Predict:".

Answers are stored as salted hashes only; the plain answers and their independent checks
are in ``tests/test_quiz_bank_nb06.py``.  The depth facts are those of
:mod:`convlab.quiz.bank`'s docstring (AlexNet, VGG-16, the ResNet paper).
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "06"
TITLE = "Check yourself: stacked layers"


def questions() -> list[Question]:
    """A fresh list of notebook 06's questions."""
    return [
        NumericQuestion(
            "06-shape",
            "A 64 × 64 image goes through six layers of a 3 × 3 kernel in 'valid' mode (no "
            "padding, stride 1). How many rows does the last feature map have?",
            ["5e624bd7f6b5a3dec2a85fe59a262fa8"],
            near_misses={
                "1e246ccfeb11cd6475995589a9270184": (
                    "Each layer loses a row at the top *and* one at the bottom: 2 per layer, "
                    "not 1."
                ),
                "cbd46585cb09f1e38ae672d1a3e843f6": (
                    "A 3 × 3 kernel in valid mode loses k − 1 = 2 rows per layer, not 3."
                ),
            },
            hint="One valid 3 × 3 layer turns n rows into n − 2.",
            explanation="64 − 6·(3 − 1) = 64 − 12 = **52**, the shapes 62, 60, 58, 56, 54, 52 "
            "printed in the notebook.",
        ),
        NumericQuestion(
            "06-field",
            "After five stacked 3 × 3 convolution layers (stride 1), how many input pixels "
            "wide is the square one output pixel depends on?",
            ["7b69607f537159f1a0939ca01635b2e0"],
            near_misses={
                "39cd0ad26975ffe412979bc439d54daa": (
                    "5 × 3 = 15 counts each layer's full width, but neighbouring windows "
                    "overlap: each extra layer adds only k − 1 = 2 pixels."
                ),
                "9bf4866afafd380684c8bedd90cbb547": (
                    "Close: 5 · 2 = 10 is how much the field grows; add the 1 pixel you "
                    "started from."
                ),
            },
            hint="Receptive field = 1 + L(k − 1).",
            explanation="1 + 5·(3 − 1) = **11**: each 3 × 3 layer widens the field by 2.",
        ),
        NumericQuestion(
            "06-collapse",
            "Two 3 × 3 convolutions applied one after the other, with nothing in between, equal "
            "a single convolution. How wide is its kernel?",
            ["c6b8c985247cc52b55a14d55fff6bf48"],
            near_misses={
                "3113062d0bb26a4a7837856bcd0f7901": (
                    "3 + 3 = 6 is one too many: the full convolution of lengths m and n has "
                    "m + n − 1 values."
                ),
                "eb687aa78b93c7415b222acb489d15c6": (
                    "3 · 3 = 9 would be the number of taps of one kernel. The combined kernel "
                    "is the full convolution of the two."
                ),
            },
            hint="The combined kernel is convolve(a, b, mode='full').",
            explanation="3 + 3 − 1 = **5**: conv(conv(x, a), b) = conv(x, a ∗ b), and the full "
            "convolution of two 3 × 3 kernels is 5 × 5.",
        ),
        SingleChoice(
            "06-relu",
            "Why do CNNs put a nonlinearity such as ReLU between convolution layers?",
            ["bc23d51856ca456521bef0b17884b53c"],
            options=[
                "it makes the feature maps shrink more slowly",
                "without it the stack collapses into a single linear convolution",
                "it removes the need for padding",
                "convolution cannot be computed on negative numbers",
            ],
            hint="What did the notebook show about conv(conv(x, a), b)?",
            explanation="Without a nonlinearity, any stack of convolutions **collapses into a "
            "single linear convolution** with a bigger kernel, so depth would add nothing a "
            "single layer could not do. ReLU, max(0, ·), breaks the identity.",
        ),
        MultipleChoice(
            "06-deep",
            "Which statements are true? Tick all that apply.",
            ["d901cded30233444749caa8ab8a656be"],
            options=[
                "AlexNet has 5 convolutional layers",
                "VGG-16 has 16 convolutional layers",
                "the ResNet paper trained a network with more than 1000 layers on CIFAR-10",
                "3-D convolution slides the kernel along time (or depth) as well as rows and "
                "columns",
                "a deeper stack of 3 × 3 layers sees a smaller part of the input",
            ],
            hint="VGG-16 counts its fully connected layers in the 16; depth makes receptive "
            "fields grow, not shrink.",
            explanation="True: AlexNet has 8 learned layers, **5 convolutional** and 3 fully "
            "connected; the ResNet paper trained a **1202-layer** network on CIFAR-10; 3-D "
            "convolution also slides along time or depth. False: VGG-16 has 13 convolutional "
            "and 3 fully connected layers, and every extra layer *widens* the receptive "
            "field by k − 1.",
        ),
    ]


def predictions() -> list[Question]:
    """Notebook 06's Predict moments, in the order the notebook asks them.

    >>> [q.qid for q in predictions()][:2]
    ['06-p-sharpen', '06-p-six-layers']
    """
    return [
        SingleChoice(
            "06-p-sharpen",
            "A step from 0 to 1, and a quarter of its Laplacian (centre weight −4). Which "
            "makes the edge steeper?",
            ["08d38f583db9850d5828c75bc772a85b"],
            options=[
                "image + Laplacian / 4",
                "image − Laplacian / 4",
                "both make it steeper",
                "neither: both blur it",
            ],
            hint="With the centre −4, the Laplacian is positive on the dark side of the "
            "edge and negative on the bright side.",
            explanation="**image − Laplacian / 4** gives 0, −0.25, 1.25, 1: darker just "
            "before the edge, brighter just after it, a steeper edge. Adding it gives the "
            "gentle ramp 0, 0.25, 0.75, 1: a blur.",
        ),
        SingleChoice(
            "06-p-six-layers",
            "A 64 × 64 image of random grey levels goes through six valid 3 × 3 Laplacian "
            "layers. What shape is the last map, and what happens to the size of its "
            "numbers?",
            ["54e5a2e3b16468cbaafd8c23f21c88c9"],
            options=[
                "(58, 58); they stay about the same size",
                "(52, 52); they grow enormously",
                "(52, 52); they shrink towards zero",
                "(46, 46); they grow enormously",
            ],
            hint="Each valid 3 × 3 layer trims one pixel from every side. The Laplacian's "
            "weights add up to 0, but their squares add up to 20.",
            explanation="**(52, 52), and they grow enormously**: 64 − 6 · 2 = 52, and the "
            "standard deviation climbs from about 75 to about 4.4 million, a factor of 4.5 "
            "to 7.3 per layer.",
        ),
        SingleChoice(
            "06-p-combined",
            "a is the 3 × 3 Laplacian, b the 3 × 3 blur with weights [1, 2, 1] in both "
            "directions. What size is the combined kernel a ∗ b, and do two layers and one "
            "layer with a ∗ b give the same numbers to the last digit?",
            ["5ab4f64c549d7ebdd3aea1e2e31cfb9e"],
            options=[
                "3 × 3; equal only approximately",
                "5 × 5; exactly equal",
                "6 × 6; exactly equal",
                "5 × 5; equal only up to rounding errors",
                "9 × 9; exactly equal",
            ],
            hint="The full convolution of lengths m and n has m + n − 1 values; the pixels "
            "and both kernels are whole numbers.",
            explanation="**5 × 5 (3 + 3 − 1), exactly equal**: whole-number pixels and "
            "kernels give whole-number sums with no rounding, and associativity makes them "
            "the same sums.",
        ),
        SingleChoice(
            "06-p-relu",
            "Put a ReLU, max(0, v), between the two layers. Is the result still equal to "
            "one layer with the combined kernel?",
            ["0fb81a6c27d9592ed093a4abdb2c8f6f"],
            options=[
                "yes, exactly",
                "yes, up to rounding",
                "no: it differs at practically every pixel",
                "no, but only along the border",
            ],
            hint="Can one weighted sum throw away the negative half of another weighted "
            "sum?",
            explanation="**No.** The ReLU sets the negative half of the Laplacian's answer "
            "to zero, which no fixed kernel can do: the two results differ at every pixel "
            "of the map.",
        ),
        ArrayQuestion(
            "06-p-field",
            "How many input pixels wide is the square one output pixel sees, after six "
            "stacked 3 × 3 layers (stride 1)? And after six layers of 5 × 5? Give two "
            "numbers.",
            ["cc6c6ba0829ba6c9126b6618da25f27a"],
            shape=(2,),
            near_misses={
                "e095f65f202bdcc03720d9c337da64b7": (
                    "That counts each layer's full width, but neighbouring windows "
                    "overlap: each layer adds only k − 1 pixels."
                ),
                "cfffd582fc3cbc5ab86cfc6b304a7d21": (
                    "Close: that is how much the field grows. Add the 1 pixel you start "
                    "from."
                ),
            },
            hint="Receptive field = 1 + L(k − 1).",
            explanation="1 + 6 · 2 = **13** and 1 + 6 · 4 = **25**.",
        ),
        SingleChoice(
            "06-p-vgg",
            "VGG-16 has five blocks of 3 × 3 convolutions (2, 2, 3, 3 and 3 layers), each "
            "followed by 2 × 2 max pooling with stride 2. After the last block, does one "
            "feature see more or fewer than 100 pixels across?",
            ["1a9727d80d0eb0e25fa5f2ce25ed2e68"],
            options=[
                "fewer than 100",
                "more than 100",
            ],
            hint="After each stride-2 pooling one step of the map spans twice as many "
            "input pixels, so every later layer's k − 1 counts double, then four times, "
            "and so on.",
            explanation="**More**: 212 pixels, almost the whole 224 × 224 input. Without "
            "the pooling the thirteen layers would see only 27.",
        ),
        SingleChoice(
            "06-p-sign",
            "The vertical-edge kernel, three rows of [1, 0, −1], on the step (dark left, "
            "bright right), where the window straddles the edge: which sign does conv2d "
            "(cross-correlation) give, and which convolve (true convolution)?",
            ["f503b1b6013aebc187c1a91dcf6a8e39"],
            options=[
                "conv2d negative, convolve positive",
                "conv2d positive, convolve negative",
                "both positive",
                "both negative",
            ],
            hint="With these weights conv2d computes left − right; true convolution flips "
            "the kernel first.",
            explanation="**conv2d −3, convolve +3**: the correlation gives 3 · (0 − 1) = "
            "−3; the flip turns [1, 0, −1] into [−1, 0, 1], so true convolution gives "
            "right − left = +3.",
        ),
        ArrayQuestion(
            "06-p-video",
            "A clip of 8 frames of 16 × 16 pixels, shape (8, 16, 16), convolved with a 3 × "
            "3 × 3 averaging kernel in valid mode. What shape comes out? Give three "
            "numbers.",
            ["b55dc27fcb8c2a637377515e5c5115b7"],
            shape=(3,),
            shape_like=True,
            near_misses={
                "fb86a616a4bba4e6640dfdf111139173": (
                    "Time is an axis too: the kernel is 3 frames deep, so the clip loses 2 "
                    "frames."
                ),
                "69f7bbf0096546a3814ea8a99b7aca61": (
                    "A kernel 3 wide loses k − 1 = 2 per axis, not 3."
                ),
            },
            hint="In valid mode every axis shrinks by k − 1, the frames included.",
            explanation="**(6, 14, 14)**: every axis loses 2. Its first value is the mean "
            "of the clip's first 3 × 3 × 3 block.",
        ),
    ]
