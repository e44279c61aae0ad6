"""Notebook 07ch's questions: channels, weight tensors, parameter counts, 1 × 1 convolutions,
the weight gradient and what the tiny CNN's kernels learned; and the notebook's Predict moments
(:func:`predictions`, ids ``07ch-p-…``), one card per "Predict:".

Answers are stored as salted hashes only; the plain answers and their independent checks are in
``tests/test_quiz_bank_nb07ch.py``.  VGG's first layer: 64 filters of 3 × 3 on an RGB image
(Simonyan & Zisserman, 2014).  The two generated families draw a layer's sizes at random.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice
from ..generated import GeneratedQuestion, Instance
from ..questions import ArrayQuestion, NumericQuestion, Question

NOTEBOOK = "07ch"
TITLE = "Check yourself: channels and learned filters"


def layer_parameters(rng) -> Instance:
    """Generator: the parameter count of a convolution layer with a bias.

    >>> import numpy as np
    >>> inst = layer_parameters(np.random.default_rng(0))
    >>> inst.answer > 0
    True
    """
    c_in = int(rng.choice([1, 3, 8, 16, 32, 64]))
    c_out = int(rng.choice([4, 8, 16, 32, 64, 128]))
    k = int(rng.choice([1, 3, 5, 7]))
    answer = c_out * c_in * k * k + c_out
    prompt = (
        f"A convolution layer reads **{c_in}** input channels and has **{c_out}** filters of "
        f"**{k} × {k}**, each with a bias. How many parameters does it learn?"
    )
    explanation = (
        f"C_out · C_in · k · k + C_out = {c_out}·{c_in}·{k}·{k} + {c_out} = **{answer:,}**: "
        "one k × k slice per input channel for every filter, and one bias per filter."
    )
    return Instance(prompt, answer, explanation)


def layer_output_shape(rng) -> Instance:
    """Generator: the output shape (C_out, H', W') of a multi-channel layer, stride 1.

    >>> import numpy as np
    >>> len(layer_output_shape(np.random.default_rng(0)).answer)
    3
    """
    c_in, c_out = int(rng.integers(1, 9)), int(rng.integers(2, 17))
    h, w = int(rng.integers(8, 33)), int(rng.integers(8, 33))
    k = int(rng.choice([1, 3, 5]))
    p = int(rng.integers(0, (k - 1) // 2 + 1))
    shape = (c_out, h + 2 * p - k + 1, w + 2 * p - k + 1)
    prompt = (
        f"An input of shape ({c_in}, {h}, {w}) (channels, rows, columns) goes through a layer "
        f"with weights of shape ({c_out}, {c_in}, {k}, {k}), stride 1 and zero padding {p}. "
        "What is the shape of the output? Give three numbers."
    )
    explanation = (
        f"One map per filter: {c_out} channels; each axis n + 2·{p} − {k} + 1: "
        f"**{shape}**. The input's {c_in} channels are summed away inside each filter."
    )
    return Instance(prompt, shape, explanation, shape_like=True)


def questions() -> list[Question]:
    """A fresh list of notebook 07ch's questions."""
    return [
        NumericQuestion(
            "07ch-vgg",
            "VGG's first layer has 64 filters of 3 × 3 on a colour (RGB) image, each with a bias. "
            "How many parameters does it have?",
            ["54b56bfaac7b296f968c2ace075468e5"],
            near_misses={
                "1141bb4e780d40e9ee6d18c7fcd48639": (
                    "That is the weights alone, 64·3·3·3: each filter also has a bias."
                ),
                "7413731910e640b6505bc21f3d6b1884": (
                    "Each filter has a 3 × 3 slice for *every* input channel: three of them."
                ),
                "c01a36c6534914c4bddddf63ce68e52f": "That is one filter; the layer has 64.",
            },
            hint="C_out · C_in · k · k + C_out.",
            explanation="64 · 3 · 3 · 3 + 64 = 1,728 + 64 = **1,792**.",
        ),
        GeneratedQuestion(
            "07ch-gen-params",
            layer_parameters,
            seed=7,
            hint="Every filter has a k × k slice per input channel, plus one bias.",
        ),
        GeneratedQuestion(
            "07ch-gen-shape",
            layer_output_shape,
            seed=7,
            hint="The number of channels out is the number of filters; each axis is "
            "n + 2·padding − k + 1.",
        ),
        NumericQuestion(
            "07ch-macs",
            "A layer with 3 input channels and 8 filters of 3 × 3, padding 1 and stride 1, on a "
            "32 × 32 image. How many multiply-adds does it take?",
            ["660da9123193f833d4c00cfa9c27dbe1"],
            near_misses={
                "ab7b063b86a0f60b52da870bd757a823": (
                    "Each output value sums over all 3 input channels: multiply by C_in too."
                ),
                "c4ec85efe967d1b5d5e3537e81523c19": (
                    "With padding 1 the output stays 32 × 32, not 30 × 30."
                ),
            },
            hint="C_in · C_out · k² · H' · W'.",
            explanation="3 · 8 · 9 · 32 · 32 = **221,184**.",
        ),
        SingleChoice(
            "07ch-1x1",
            "What does a 1 × 1 convolution with weights of shape (C_out, C_in, 1, 1) compute at "
            "each pixel?",
            ["6b420d14d86cf184a2946ffb1ee418d6"],
            options=[
                "a matrix product of the weights with the pixel's vector of channel values",
                "a blur of each channel with its neighbours",
                "a copy of the input, unchanged",
                "an edge map across neighbouring pixels",
            ],
            hint="A 1 × 1 kernel sees no neighbours, only the pixel's channels.",
            explanation="At each pixel it forms C_out weighted sums of the pixel's C_in channel "
            "values: **a matrix product** of the (C_out, C_in) weights with that vector. The grey "
            "photo is one: weights 0.299, 0.587, 0.114.",
        ),
        SingleChoice(
            "07ch-slide",
            "A layer's kernel of shape C_in × 3 × 3 on an input with C_in channels: along which "
            "axes does it slide?",
            ["f09837b9c422fb9e8793030c02eb5aa5"],
            options=[
                "rows and columns only",
                "rows, columns and channels",
                "channels only",
                "it does not slide at all",
            ],
            hint="The kernel is exactly as deep as the input.",
            explanation="**Rows and columns only**: it is as deep as the input, so there is no "
            "room to move along the channels, and it makes one map. A shallower 3-D kernel would "
            "slide along the channels too (the notebook's 2 × 3 × 3 example made two maps).",
        ),
        MultipleChoice(
            "07ch-why",
            "Why does a convolution layer need far fewer parameters than a dense layer with the "
            "same input and output? Tick all that apply.",
            [
                "40651b251df5268a38d5ad66d672fcc0",
            ],
            options=[
                "each output value depends only on a small window of the input (locality)",
                "the same kernel is used at every position (weight sharing)",
                "it reads fewer input pixels in total",
                "all its weights are equal",
                "its parameter count does not depend on the image size",
            ],
            hint="Count what a dense layer has that a convolution does not: a weight for every "
            "pair of input and output values.",
            explanation="**Locality** (a small window per output) and **weight sharing** (one "
            "kernel everywhere), and so the count does not depend on the image size: 1,792 for "
            "VGG's first layer against about 483 billion dense weights. It reads every input "
            "pixel, and its weights differ.",
        ),
        ArrayQuestion(
            "07ch-grad",
            "x = [[1, 2, 3], [4, 5, 6]] goes through y = conv2d(x, k) with a 1 × 2 kernel k "
            "(cross-correlation, valid), so y is 2 × 2. The gradient of the loss with respect to "
            "y is grad_y = [[1, 0], [0, 1]]. What is the gradient with respect to k? Write its "
            "two numbers.",
            ["67a829e0838c86f2c2c2105dfb408f1f"],
            shape=(2,),
            near_misses={
                "ecbd67b4722cc4c8fb8b364be4355847": (
                    "Reversed: that is a true convolution. The weight gradient is a "
                    "cross-correlation of x with grad_y, no flip."
                ),
            },
            hint="dL/dk[a, b] = Σ x[i + a, j + b] · grad_y[i, j]: conv2d(x, grad_y).",
            explanation="dL/dk[0, 0] = x[0, 0]·1 + x[1, 1]·1 = 1 + 5 = 6 and dL/dk[0, 1] = "
            "x[0, 1] + x[1, 2] = 2 + 6 = 8: **[6, 8]**, the 1 × 2 result of conv2d(x, grad_y).",
        ),
        SingleChoice(
            "07ch-learned",
            "What did the measured table show about the tiny CNN's eight trained first-layer "
            "kernels?",
            ["70bfee8cdb805f38eee06936b19d79d9"],
            options=[
                "three of the eight came close to Prewitt gradient kernels (|cos| at least 0.8); "
                "the others did not",
                "all eight became clean edge detectors",
                "none resembled a named edge kernel more than random kernels do",
                "all eight became the Laplacian",
            ],
            hint="Look at the |cos| column after training, and at the mean before and after.",
            explanation="**Three of eight** (0.94, 0.89, 0.81) came close to Prewitt gradient "
            "kernels, which find vertical and horizontal edges; the others stayed as far from any "
            "named kernel as random ones (mean |cos| 0.53 before, 0.67 after).",
        ),
    ]


def predictions() -> list[Question]:
    """Notebook 07ch's Predict moments, in the order the notebook asks them.

    >>> [q.qid for q in predictions()][:2]
    ['07ch-p-channels', '07ch-p-top-left']
    """
    return [
        SingleChoice(
            "07ch-p-channels",
            "The colour photo downsampled 4 times (the grey one was 150 × 128), in the "
            "layout convolution layers use: what is its shape, and which channel is "
            "brightest on average? The background is a blue sky and a flag.",
            ["afb9f914557c8f531b47366acd05ec24"],
            options=[
                "(150, 128, 3); blue",
                "(3, 150, 128); blue",
                "(3, 150, 128); red",
                "(3, 150, 128); green",
            ],
            hint="Layers want the channels first: (channels, rows, columns).",
            explanation="**(3, 150, 128); blue**: mean brightness 0.339 for blue, 0.323 "
            "for red and 0.284 for green.",
        ),
        NumericQuestion(
            "07ch-p-top-left",
            "By hand: channel 0's window [[0, 1], [3, 4]] against its slice [[0, 1], [2, "
            "3]], plus channel 1's window [[1, 2], [4, 5]] against [[1, 2], [3, 4]]. What "
            "is the top-left output, without a bias?",
            ["3b8803d462c9c006c513376f7f748d40"],
            near_misses={
                "24f1d03b6a28a694f80b6536a98dc00a": (
                    "That is channel 0 alone: add channel 1's part."
                ),
                "4350a445172275a60c4ff55accf45894": (
                    "That is channel 1 alone: add channel 0's part."
                ),
            },
            hint="Multiply matching entries and add them, in each channel; then add the "
            "two channels.",
            explanation="0 + 1 + 6 + 12 = 19 and 1 + 4 + 12 + 20 = 37, so **56**, the "
            "published value.",
        ),
        NumericQuestion(
            "07ch-p-plus-one",
            "The second output channel uses the kernel K + 1: 1 added to every weight of "
            "both slices. By how much is its top-left value larger than the first "
            "channel's 56?",
            ["88c8868b0f7c820b8519c8eeb3b88042"],
            near_misses={
                "4115c614d5a99f17c49ba2007f12428a": (
                    "That is channel 0's window alone; K + 1 adds 1 to both slices, so "
                    "channel 1's window counts too."
                ),
                "deb990b2ecc8209fafb079b29df7efd9": (
                    "That is channel 1's window alone; channel 0's window counts too."
                ),
            },
            hint="Adding 1 to a weight adds the input value it multiplies: the sum of each "
            "window, over both channels.",
            explanation="Channel 0's window sums to 0 + 1 + 3 + 4 = 8 and channel 1's to 1 "
            "+ 2 + 4 + 5 = 12: **20**, so 56 + 20 = 76.",
        ),
        SingleChoice(
            "07ch-p-dense",
            "A dense layer from the 224 × 224 colour image to 64 maps of 224 × 224, with a "
            "weight for every pair of an input value and an output value, and a bias for "
            "every output value. How many parameters?",
            ["344691bbc81d16ca59c2b063932b223e"],
            options=[
                "fewer than a billion",
                "between one and ten billion",
                "hundreds of billions",
            ],
            hint="Inputs: 3 · 224 · 224, about 150 thousand; outputs: 64 · 224 · 224, "
            "about 3.2 million. Multiply them.",
            explanation="150,528 × 3,211,264 + 3,211,264 = **483,388,358,656**, about 483 "
            "billion, against 1,792 for the convolution layer.",
        ),
        SingleChoice(
            "07ch-p-macs",
            "VGG's first layer: 3 channels in, 64 filters of 3 × 3, padding 1, on a 224 × "
            "224 image. How many multiply-adds for one image?",
            ["7aef9ec652d3dd62e1bbf2fe1afb8bc3"],
            options=[
                "about a million",
                "about a hundred million",
                "about ten billion",
            ],
            hint="C_in · C_out · k² · H' · W' = 3 · 64 · 9 · 224 · 224.",
            explanation="**About a hundred million**: 86,704,128, although the layer has "
            "only 1,792 parameters.",
        ),
        ArrayQuestion(
            "07ch-p-one-by-one",
            "The grey photo is 0.299 R + 0.587 G + 0.114 B at every pixel: one 1 × 1 "
            "convolution. What shape are its weights, (C_out, C_in, k_h, k_w)? Give four "
            "numbers.",
            ["ce2653a10ca97d66e9f1361a7031e044"],
            shape=(4,),
            shape_like=True,
            near_misses={
                "1bc9b03ea94d8bed39982e5a92a8e55c": (
                    "That would make three maps from one channel: here three channels go "
                    "in and one grey map comes out."
                ),
            },
            hint="One map out, three channels in, a 1 × 1 window.",
            explanation="**(1, 3, 1, 1)**, with the weights 0.299, 0.587 and 0.114.",
        ),
        SingleChoice(
            "07ch-p-slide",
            "SciPy's n-dimensional correlate in valid mode on the (3, 150, 128) photo, "
            "first with a 3 × 3 × 3 kernel, then with a 2 × 3 × 3 one. Which shapes come "
            "out?",
            ["71c6adf2fd122f05f7493f322abbb7e0"],
            options=[
                "(1, 148, 126), then (2, 148, 126)",
                "(1, 148, 126) both times",
                "(3, 148, 126), then (2, 148, 126)",
                "(148, 126) both times",
            ],
            hint="In valid mode every axis shrinks by the kernel's size minus 1, the "
            "channel axis too.",
            explanation="**(1, 148, 126), then (2, 148, 126)**: the full-depth kernel fits "
            "once along the channels; the 2-deep one fits twice, on (red, green) and "
            "(green, blue): it slid.",
        ),
        ArrayQuestion(
            "07ch-p-learned",
            "Gradient descent starts from a random 1 × 2 kernel and sees only the image "
            "and its edge map. Which kernel does it end with, rounded to whole numbers? "
            "Give two numbers.",
            ["c9e27de28914ac5ac3428fbfbde2e424"],
            shape=(2,),
            near_misses={
                "710540504017f0ce42f9179b552c3e4a": (
                    "Reversed: conv2d is a correlation, so nothing is flipped."
                ),
            },
            hint="The edge map was made by one kernel, and the loss can fall all the way "
            "to zero.",
            explanation="**[1, −1]**, the kernel that made the edge map; after twelve "
            "steps the loss is down to 0.0005.",
        ),
        NumericQuestion(
            "07ch-p-tiny-params",
            "The tiny CNN: 8 filters of 3 × 3 on one-channel 12 × 12 images, each with a "
            "bias; ReLU; 2 × 2 max pooling; a dense layer from the 8 pooled 5 × 5 maps to "
            "4 classes, with a bias per class. How many parameters in all?",
            ["407ab011a025527d01d5bb20aaa750c5"],
            near_misses={
                "fdfd258e9c9e93e08db0edac2fd83072": (
                    "That is the convolution layer alone: add the dense layer."
                ),
                "f50f74576250a5bdaa8093bed9db4715": (
                    "That is the dense layer alone: add the convolution's 8 · 9 + 8."
                ),
                "919330407d7d8726d6e4450e314ad929": (
                    "Each filter and each class has a bias too: 8 + 4 more."
                ),
            },
            hint="8 · 1 · 3 · 3 + 8 for the convolution; the dense layer's input is 8 · 5 "
            "· 5 = 200 values.",
            explanation="80 in the convolution and 200 · 4 + 4 = 804 in the dense layer: "
            "**884**.",
        ),
        SingleChoice(
            "07ch-p-edges",
            "After training, will all eight first-layer filters look like a named edge "
            "kernel (a cosine similarity |cos| of at least 0.8)?",
            ["3ebdbc6d0aa869e596777c870f1d25fc"],
            options=[
                "yes, all eight",
                "a few; the rest stay no closer than random kernels",
                "none of them",
            ],
            hint="Four classes can be told apart with a handful of good filters.",
            explanation="**A few**: three of the eight (0.94, 0.89 and 0.81) came close to "
            "Prewitt gradient kernels; the others stayed as far from any named kernel as "
            "the random ones at the start.",
        ),
    ]
