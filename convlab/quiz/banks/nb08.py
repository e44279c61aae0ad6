"""Notebook 09's questions (bank key "08"): the course quiz, in the order of its sections.

The quiz opens with ten big questions about convolution (what it is, where it is used, why
networks stack convolutional layers, what it costs, how deep networks go), each followed by
questions that put a number on it, and ends with practice on the course's own examples.
Each section of notebook 09 shows one function's questions below, in this order, so the
learner meets questions 1 to 25 in turn: :func:`sections` lists them, and the notebook's
``quiz.section(...)`` cells must match it (``tests/test_nb09.py`` checks).

Answers are stored as salted hashes only; the plain answers and their independent checks
are in ``tests/test_quiz_bank_nb08.py``.  The facts behind the answers on network depth are
stated, with their publications, in :mod:`convlab.quiz.bank`.
"""

from __future__ import annotations

from ..choices import MultipleChoice, SingleChoice, TextQuestion
from ..generated import GeneratedQuestion, correlation_entry, output_shape
from ..questions import ArrayQuestion, NumericQuestion, Question
from ._nb08_predict import predictions  # noqa: F401  the bank's Predict moments, kept apart

NOTEBOOK = "08"
TITLE = "Quiz: convolution, from vectors to CNNs"

_ARCH_NEAR = (
    "That names the whole family. Name one specific network, for example one from the "
    "ImageNet competition years."
)


def _vectors() -> list[Question]:
    """Vectors: what convolution is (1–4)."""
    return [
        # -- the ten big questions, 1: what convolution is -------------------------------------
        MultipleChoice(
            "08-q1",
            "**What is convolution?** Which of these describe the (full, 1-D) convolution "
            "z = x * y of two vectors? Tick all that apply.",
            ["c01e9527256af8fd6dd4e74c303fcb5d"],
            options=[
                "z[k] is the sum of the k-th anti-diagonal of the outer product of x and y",
                "flip y, slide it along x, and at each shift add up the products of the "
                "overlapping values",
                "z[k] = Σᵢ x[i] · y[k − i], over every i where both indices exist",
                "the element-wise product, z[k] = x[k] · y[k]",
                "slide y along x without flipping it and add up the products",
            ],
            hint="Three descriptions are right. Sliding without a flip has its own name.",
            explanation="The first three say the same thing in three ways: the anti-diagonal "
            "sums (notebook 01), the flipped kernel sliding along the input (notebook 02) and "
            "the formula. Sliding **without** flipping is cross-correlation, and the "
            "element-wise product keeps only the main diagonal of the table.",
        ),
        # -- the ten big questions, 2: must the vectors have the same length? ------------------
        TextQuestion(
            "08-q2",
            "**Do the vectors we convolve have to be the same length?** Answer yes or no.",
            [
                "1730998c8ec45845a007e9fa8b1747dc",
                "19e0b009dbf0ffbed0a05407bd2b80e8",
                "276c2974755a8239993e076bd61c4f9f",
                "35c84c414e01e42a642e624a5d422b7b",
                "3be4a206d50981ebe293002da840defd",
                "5829763c062b546859cd9374fe56a9db",
                "5d4047d7339ecf1f4240a447921125cf",
                "cf49d69148a6ccb2532247f9fa704b10",
                "d1a04798ca294cf8447ed72ae7f142f7",
                "e9603501ecab98bf3b7438f775a9c28a",
            ],
            near_misses={
                "b439a30b4c32e158860cd7363bbadf80": (
                    "Try it: `np.convolve([1, 2], [1, 1, 1])` works and returns 4 values."
                ),
            },
            hint="The outer-product table of two vectors does not have to be square.",
            explanation="**No.** Vectors of lengths n and m give an n × m table with "
            "n + m − 1 anti-diagonals, so the full convolution has n + m − 1 values; in signal "
            "processing the kernel is usually much shorter than the signal.",
        ),
        NumericQuestion(
            "08-q2-full",
            "A vector of length 5 is convolved with a kernel of length 3 in **'full'** mode. "
            "How many values does the result have?",
            ["4476ccd38d5602779c59f395a20cfc64"],
            near_misses={
                "f2e5aeead8e87b5028cc8d385734f036": (
                    "5 + 3 = 8 is one too many: count the anti-diagonals of a 5 × 3 table."
                ),
            },
            hint="n + m − 1.",
            explanation="5 + 3 − 1 = **7**: every position where the kernel overlaps the "
            "input by at least one value.",
        ),
        NumericQuestion(
            "08-q2-valid",
            "The same vectors (lengths 5 and 3) in **'valid'** mode: how many values?",
            ["876debc781acf7e139dcda6601926535"],
            hint="Only positions where the kernel lies wholly inside the input count.",
            explanation="5 − 3 + 1 = **3**: the kernel fits wholly inside the input at shifts "
            "0, 1 and 2.",
        ),
    ]


def _uses() -> list[Question]:
    """Where it is used, and in how many dimensions (5–7)."""
    return [
        # -- the ten big questions, 3: where convolution is used -------------------------------
        MultipleChoice(
            "08-q3",
            "**Where is convolution used?** Tick every real application.",
            ["58668842d6f28f3c0234c016e8c5bc52"],
            options=[
                "smoothing a noisy chart",
                "multiplying polynomials",
                "probability: the distribution of the sum of two dice",
                "photo editing: blur, sharpen, edge detection",
                "convolutional neural networks",
                "sorting a list of names alphabetically",
                "finding the largest number in a list",
            ],
            hint="Five are right; the other two only compare values, they never add up "
            "weighted neighbours.",
            explanation="The first five all use convolution: a moving weighted average smooths "
            "a chart; polynomial coefficients multiply by convolution; the probabilities of a "
            "sum of independent dice are the convolution of their distributions; blur, "
            "sharpen and edge filters are 2-D kernels; CNNs learn their kernels. Sorting and "
            "finding a maximum only compare values.",
        ),
        # -- the ten big questions, 4: only in one dimension? ----------------------------------
        SingleChoice(
            "08-q4",
            "**Can convolution be performed only on one-dimensional objects?**",
            ["c23881c0b707151e6ac8f716537ed3ff"],
            options=[
                "Yes: only vectors can be convolved",
                "No: it works in 2-D (images), 3-D (video, medical scans) and more dimensions",
                "It works on 1-D and 2-D objects, but nothing beyond",
            ],
            hint="Notebook 04 slides a 2-D kernel over an image; what would a video need?",
            explanation="**No.** The same sum of products works in any number of dimensions: "
            "2-D kernels filter images, 3-D kernels slide through video (height, width, time) "
            "and medical volumes such as CT scans.",
        ),
        # -- the ten big questions, 5: what changes the image most -----------------------------
        TextQuestion(
            "08-q5",
            "**What element has the greatest impact on how the image will change after "
            "convolution?** Answer in a word or two.",
            [
                "0926be93ab2c3b313a864d594880d030",
                "1b62a086639331d4c6a50e6932c17312",
                "25e87ba875a41c29507e3d5d67b1f06f",
                "26c29fa58c25cdff6faf73096766acf3",
                "31ecf75a6c8178ac21915e27113a5804",
                "41955449c8630489434421a5ef711337",
                "8214d7f6328339a21a5aa8a72344e04e",
                "86277e743dccb51d42a8ecac450bf459",
                "8f72fd59d4d8622b41380c8522c01399",
                "900dd4ccf72da3a805b89d4455e483f2",
                "912b8aa78669c65515cff71d08508bfd",
                "91734768260598c471408ecb7b9b208b",
                "96179fc2981f2ccf3adcdde99670fd1e",
                "9ec68564752b93ff82908dbfa7435b86",
                "af4b94c80aa47ecf9ec1e834c3a28e46",
                "cceeeb023d34abbc4753a3333124540e",
                "d39effed22d9235de880819ceeeca465",
                "ea3f923c4b735f68dc708bfdbc5d5dc0",
                "fa42adfbfd992769d7213c7b9955d588",
                "fda69fcb3af315e31bea806f6c3708f5",
                "fe05951c1fed372d4790bab585bb00b6",
            ],
            near_misses={
                "9b8714fbe0bf73c65bdff3647f0d39d3": (
                    "Stride and padding change the size of the result. What "
                    "decides whether it comes out blurred, sharpened or as edges?"
                ),
                "b843936e721712cdca2eaade8f352fd3": (
                    "Stride and padding change the size of the result. What "
                    "decides whether it comes out blurred, sharpened or as edges?"
                ),
                "d39d2c3a73ba919fe538c817e359f2b6": (
                    "The same image can be blurred or edge-detected. What do you "
                    "change to get one or the other?"
                ),
                "f2cdfcbd089f58096b448a285285e778": (
                    "The same image can be blurred or edge-detected. What do you "
                    "change to get one or the other?"
                ),
            },
            hint="Blur, sharpen and edge detection all use the same operation; what differs "
            "between them?",
            explanation="The **kernel** (also called the filter): its values decide what "
            "happens. A box of 1/9 ≈ 0.11 blurs, the Laplacian [[0, 1, 0], [1, −4, 1], "
            "[0, 1, 0]] picks out edges, and [[1, 0, −1]] × 3 finds vertical edges.",
        ),
    ]


def _networks() -> list[Question]:
    """Convolution in neural networks (8–12)."""
    return [
        # -- the ten big questions, 6: why convolutional layers --------------------------------
        MultipleChoice(
            "08-q6",
            "**Why do we use convolutional layers in neural networks?** Tick all that apply.",
            ["f203d67b871f9da2374fb9e00dacce51"],
            options=[
                "a small kernel is shared across the whole image, so there are far fewer "
                "weights than in a fully connected layer",
                "the same feature (an edge, a corner) is detected wherever it appears in the image",
                "each output looks at a small neighbourhood, and nearby pixels belong together",
                "they let the network learn without any training data",
                "they need no multiplications",
            ],
            hint="Three are right. Every convolution is made of multiplications.",
            explanation="Weight sharing (one small kernel for every position) keeps the "
            "number of weights small; the same kernel finds a pattern anywhere (translation "
            "equivariance); and local windows match how images work, where neighbouring "
            "pixels are related. Convolutional networks still need training data and "
            "multiply a great deal.",
        ),
        # -- the ten big questions, 7: why several layers --------------------------------------
        SingleChoice(
            "08-q7",
            "**Why do we use several convolutional layers in one network?**",
            ["052aeee7e7ab79be2fb9a74745d346fc"],
            options=[
                "each layer builds on the features of the one before: edges, then textures, "
                "then shapes and objects, while the region each output sees grows",
                "one layer cannot read an image larger than its kernel",
                "stacking layers makes the output image larger",
                "several layers are needed only for colour images",
            ],
            hint="Think of notebook 06: what can a 3 × 3 kernel see, and what can the second "
            "layer see?",
            explanation="Depth builds a **hierarchy of features**: the first layer finds "
            "edges, later layers combine them into textures, parts and objects, and every "
            "extra layer widens the receptive field. (With a nonlinearity between them; "
            "without one, stacked convolutions collapse into a single one.)",
        ),
        NumericQuestion(
            "08-q7-field",
            "Two 3 × 3 convolutional layers are stacked (stride 1, no pooling). One output "
            "pixel of the second layer depends on a square patch of the input. How wide is it "
            "(in pixels)?",
            ["3e5ad85f5ce3a55ce4f76086781f1f02"],
            near_misses={
                "10d547993f0aa579f02943d5e73f1062": (
                    "3 + 3 = 6 counts the shared centre row twice."
                ),
                "e916af0cbe7aa1b1fe0ad68d4fb10353": (
                    "9 would be 3 × 3; the patch grows by adding, not by multiplying."
                ),
            },
            hint="The second layer sees 3 × 3 outputs of the first; each of those sees 3 × 3 "
            "input pixels, overlapping.",
            explanation="Each layer adds k − 1 = 2: 1 + 2 + 2 = **5**, so a 5 × 5 patch. This "
            "is why stacks of small kernels (as in VGG) can replace one big kernel.",
        ),
        SingleChoice(
            "08-q7-linear",
            "Without any nonlinearity between them, two stacked 3 × 3 convolutions (stride 1) "
            "do exactly the same as...",
            ["cbd5b215fe7bb713dc8be261cbcfb8c8"],
            options=[
                "one 3 × 3 convolution",
                "one 5 × 5 convolution",
                "one 6 × 6 convolution",
                "one 9 × 9 convolution",
            ],
            hint="Convolution is associative: (x * h₁) * h₂ = x * (h₁ * h₂). How big is h₁ * h₂?",
            explanation="(x * h₁) * h₂ = x * (h₁ * h₂), and the full convolution of two 3 × 3 "
            "kernels is **5 × 5** (3 + 3 − 1 per axis). That is why CNNs put a nonlinearity "
            "such as ReLU between layers: otherwise depth adds nothing.",
        ),
        # -- the ten big questions, 8: an example architecture ---------------------------------
        TextQuestion(
            "08-q8",
            "**Give an example of a neural network architecture that includes convolutional "
            "layers** (its name, e.g. as it appears in papers).",
            [
                "00609b395f56fe2295c1bfdf77f11f15",
                "0685e9589b1171093d99f87d5309d476",
                "09fe6ec2a95c54f8b077f652ea9a054e",
                "0a147b68686f6b0e81f984bccd03b56f",
                "0fd5fc304965f47940d32930d04819aa",
                "106e1079f2702b5a6e390bf84fa4bf5c",
                "18ebf7ef0e060cbe178fa8ebab210d85",
                "1b0795bc03030e6c202f9c5c5a41f0f0",
                "26596c3acb853e89dd8425b2573f4814",
                "28bf4c5ecff06d920434056a8ae05bd1",
                "2c1e8b8591a1ab45f35d1d5463bb4f89",
                "3a174f70ade6d89fe5e223446caa6dc8",
                "44b5997cd30c336c73a71cbdd0b6e088",
                "4adb84dd3b21ba5141ac327267f29e82",
                "51c5cf597b402b5bc4d08a82dc1debdf",
                "526b0dc02ec8f5d3276966d159ee6fcd",
                "533d7aeba1954f19bec577f70d4e9eae",
                "5aaaad46696ff936f298cbbfbe09f4d4",
                "5bd32ba807ec976106de0e0586a6631f",
                "6dd6b2b7658ac2fba9d94f4114cb069d",
                "7043cc47b688efa50dd2a10b44321f2a",
                "72160c20fc543fb7798811ca3a882d91",
                "7afc1ad78bbf430b7c6be7a6cd4ff747",
                "7d4509e45365656c35f3e23c4e866e9b",
                "8cc174b9c368cdfd96a57c5edee25687",
                "96d4f95b869dd71c1b04848647bc1c20",
                "bce02bf158f00b564a13fab652b1c1a3",
                "bef79c2f14b169e70be61653947d6044",
                "c0ec177ae2cf73dafa375a1e5564d0ef",
                "c3e5fc2e35fc3cff32a2f9d86d9269b5",
                "c52d032ebbb8fe9cdc9328ef35443104",
                "dd00ed62005a6c0793edf0bb3c6af27f",
                "e6feaad0b7a04541096ca285d846bec2",
                "f2cba3383e48aaf5c819d1183c577d01",
                "f302da2bf27e5a03eec9e1a618cddc3a",
                "fa1f3399963aea541d0e455eeada515d",
                "fca7c188b3ea5e0dc1984cfa39827ad6",
            ],
            compact=True,
            strip_version=True,
            near_misses={
                "89e784a6940db52b8579607eba99cf0d": _ARCH_NEAR,
                "6c09d7a8a528c5bdafac72db9c58afae": _ARCH_NEAR,
                "aede9d65d95b6aa27af8a83921be78ac": _ARCH_NEAR,
                "822dfc92fa9a15e9464227ffd212322c": _ARCH_NEAR,
                "2e0188159be27e0deced1cac0de5cf4c": (
                    "Transformers are built mainly on attention. Name an "
                    "architecture built from convolutional layers."
                ),
            },
            hint="The ImageNet competition was won by convolutional networks in 2012, 2014 and "
            "2015; name one of the winners, or any network notebook 06 counted the layers of.",
            explanation="Many: **AlexNet** (2012), **VGG-16** (2014), GoogLeNet/Inception "
            "(2014), **ResNet** (2015), and LeNet-5 (1998) long before them; also U-Net, "
            "YOLO, MobileNet, EfficientNet, ConvNeXt.",
        ),
    ]


def _cost() -> list[Question]:
    """What it costs (13–14)."""
    return [
        # -- the ten big questions, 9: is it time-consuming? -----------------------------------
        SingleChoice(
            "08-q9",
            "**Is convolution a time-consuming operation?**",
            ["2d56c3115bac550f1c1e8b0227353ef2"],
            options=[
                "it can be: direct convolution of n and m values takes about n · m "
                "multiply-adds, which adds up for images and deep networks; FFT methods and "
                "GPUs make it fast",
                "no: it always costs the same as adding two vectors",
                "yes: its cost grows exponentially with the kernel size",
                "no: a computer does it instantly, whatever the size",
            ],
            hint="Count the multiplications for one output value, then for all of them.",
            explanation="Direct convolution costs about **n · m** multiply-adds (in 2-D, "
            "output pixels × kernel cells), which is a lot for big images and many layers. "
            "The FFT brings long convolutions down to about (n + m) log(n + m); notebook 08 "
            "times loops, numpy and FFT side by side.",
        ),
        NumericQuestion(
            "08-q9-count",
            "How many multiplications does a direct 'valid' 2-D correlation of a 5 × 5 image "
            "with a 3 × 3 kernel take?",
            ["3f59fa3c9b90249ef78a6b489072f8d8"],
            near_misses={
                "135007dee128df4a8c176f834a4e7c59": (
                    "9 is the number of output values (and also the products for "
                    "one output). Multiply the two."
                ),
                "7b0904ec2ab6c1ed935e1d48df4202f6": (
                    "25 · 9 would place the kernel on every input pixel; in "
                    "'valid' mode it fits at only 3 × 3 positions."
                ),
            },
            hint="First the output shape in 'valid' mode, then the products per output.",
            explanation="The output is 3 × 3 = 9 values (5 − 3 + 1 per axis), each a sum of "
            "3 × 3 = 9 products: 9 · 9 = **81** multiplications.",
        ),
    ]


def _depth() -> list[Question]:
    """How deep real networks go (15–17)."""
    return [
        # -- the ten big questions, 10: how many layers ----------------------------------------
        SingleChoice(
            "08-q10",
            "**How many layers can convolutional neural networks currently have?**",
            ["0a90e6cdafff87d97508b8b975d60bf8"],
            options=[
                "a handful: at most about 10",
                "tens: between 10 and 99",
                "hundreds, and over a thousand in experiments",
                "exactly three: input, hidden and output",
            ],
            hint="Look up the number in the name ResNet-152.",
            explanation="**Hundreds, even more than a thousand.** ResNet-152 (He et al., 2016) "
            "has 152 layers, and the same paper trained a 1202-layer ResNet on CIFAR-10 (a "
            "follow-up trained a 1001-layer one). Earlier landmarks were shallower: AlexNet "
            "(2012) had 8 learned layers, 5 convolutional; VGG-16 (2014) has 16: 13 "
            "convolutional and 3 fully connected.",
        ),
        NumericQuestion(
            "08-q10-alexnet",
            "How many **convolutional** layers does AlexNet (2012) have?",
            ["c5e2ead4399640f1d48bec5aa6bfb5b0"],
            near_misses={
                "bde17dc1931857b5aaf48af90eb666dd": (
                    "8 counts every layer with weights; 3 of them are fully connected."
                ),
            },
            hint="AlexNet has 8 layers with weights; the last three are fully connected.",
            explanation="**5** convolutional layers followed by 3 fully connected ones: 8 "
            "learned layers (Krizhevsky, Sutskever & Hinton, 2012).",
        ),
        NumericQuestion(
            "08-q10-vgg",
            "VGG-16 has 16 layers with weights. How many of them are **convolutional**?",
            ["c068b877c38bf89408a991655711d806"],
            near_misses={
                "87fa36cffa81a8e2c6d5f49a4b1df2df": (
                    "16 counts every layer with weights; some are fully connected."
                ),
            },
            hint="Like AlexNet, VGG-16 ends in three fully connected layers.",
            explanation="**13** convolutional layers (all 3 × 3) and 3 fully connected ones "
            "(Simonyan & Zisserman, 2014).",
        ),
    ]


def _practice() -> list[Question]:
    """More practice: sizes, kernels by hand, dice, polynomials, generated (18–25)."""
    return [
        NumericQuestion(
            "08-size",
            "A 32 × 32 image goes through a convolution with a 5 × 5 kernel, stride 1 and "
            "padding 2. How wide is the output?",
            ["298fee2e65172659339816a232ffe670"],
            near_misses={
                "c9ece770004f30d1c1b24a595e2622ff": (
                    "28 = 32 − 5 + 1 is without padding. Add 2 · padding to the input first."
                ),
            },
            hint="out = ⌊(n + 2·padding − k) / stride⌋ + 1.",
            explanation="(32 + 2·2 − 5) / 1 + 1 = **32**: padding 2 on each side exactly makes "
            "up for the 5-wide kernel ('same' size).",
        ),
        ArrayQuestion(
            "08-corr2d",
            "Slide the kernel [[0, 1], [1, 0]] over the image below without flipping it "
            "('valid' mode, as deep-learning layers do). Write the 2 × 2 result, e.g. "
            "`[[a, b], [c, d]]` or `a b; c d`.\n\n```\n1 2 3\n4 5 6\n7 8 9\n```",
            ["203957a0da50e4b8b92130f08d95c90d"],
            shape=(2, 2),
            hint="Each output adds the top-right and bottom-left values of a 2 × 2 window.",
            explanation="Top-left window [[1, 2], [4, 5]] gives 2 + 4 = 6; then 3 + 5 = 8, "
            "5 + 7 = 12, 6 + 8 = 14: **[[6, 8], [12, 14]]**.",
        ),
        SingleChoice(
            "08-laplace",
            "What does the Laplacian kernel [[0, 1, 0], [1, −4, 1], [0, 1, 0]] do to an image "
            "on its own?",
            ["18633d2a2b4f2058b52d14d128d1374f"],
            options=[
                "it blurs the image",
                "it detects edges: flat regions give 0, changes in brightness give large values",
                "it sharpens the image",
                "it shifts the image one pixel to the right",
            ],
            hint="Add up the kernel's values. What happens where all nine pixels are equal?",
            explanation="The weights add up to 0, so flat regions become **0** and only "
            "changes survive: it is an **edge detector**. Sharpening is the image minus its "
            "Laplacian, the kernel [[0, −1, 0], [−1, 5, −1], [0, −1, 0]] (the Laplacian itself "
            "is sometimes called a sharpening filter; it is not).",
        ),
        NumericQuestion(
            "08-box",
            "A 3 × 3 box blur averages nine pixels with equal weights. What is each weight? "
            "Give it as a fraction or to 2 decimal places.",
            ["2bb6932e4931a6f01625a4f9fb1c3a1c"],
            decimals=2,
            hint="Nine equal weights that add up to 1.",
            explanation="1/9 ≈ **0.11**: nine equal weights adding up to 1, so the blur keeps "
            "the overall brightness.",
        ),
        NumericQuestion(
            "08-dice",
            "The distribution of the sum of two fair dice is the convolution of their "
            "distributions. What is the probability that the sum is 7? Give a fraction or 3 "
            "decimal places.",
            ["03dcf224abc61fe0bef909c676a0d1cc"],
            decimals=3,
            percent=True,  # a probability: "8.3%" is 0.083
            near_misses={
                "78cb47f8da9eaff604eaa7537b25a55d": (
                    "1/7 would be right if the sums 2…12 were equally likely, but they are not."
                ),
            },
            hint="Convolve [1/6] × 6 with itself; the middle value is P(sum = 7).",
            explanation="Six of the 36 equally likely pairs add up to 7 ((1, 6), (2, 5), …, "
            "(6, 1)): 6/36 = 1/6 ≈ **0.167**, the peak of the convolution.",
        ),
        ArrayQuestion(
            "08-poly",
            "Multiply the polynomials (1 + 2t)(3 + t + 2t²) with a convolution. Write the "
            "coefficients of the product, lowest power first.",
            ["c68ff71d23f72c2cc768b69220598c56"],
            shape=(4,),
            hint="`np.convolve([1, 2], [3, 1, 2])`: the coefficients are the anti-diagonal sums.",
            explanation="[1, 2] * [3, 1, 2] = [1·3, 1·1 + 2·3, 1·2 + 2·1, 2·2] = "
            "**[3, 7, 4, 4]**, i.e. 3 + 7t + 4t² + 4t³.",
        ),
        GeneratedQuestion(
            "08-gen-entry",
            correlation_entry,
            seed=8,
            hint="Put the kernel's top-left corner on x[i, j], multiply the "
            "overlapping cells and add.",
        ),
        GeneratedQuestion(
            "08-gen-shape",
            output_shape,
            seed=8,
            hint="Work out each axis on its own with ⌊(n + 2·padding − k) / stride⌋ + 1.",
        ),
    ]


# The notebook's sections, in order: heading -> the builder of its questions.
_SECTION_BUILDERS = {
    "Vectors: what convolution is": _vectors,
    "Where it is used, and in how many dimensions": _uses,
    "Convolution in neural networks": _networks,
    "What it costs": _cost,
    "How deep real networks go": _depth,
    "More practice": _practice,
}


def questions() -> list[Question]:
    """A fresh list of notebook 08's questions, section after section."""
    return [q for build in _SECTION_BUILDERS.values() for q in build()]


def sections() -> dict[str, list[int]]:
    """Each section's heading and its question numbers (from 1), as the notebook shows them.

    >>> {heading: numbers[0] for heading, numbers in sections().items()}["What it costs"]
    13
    """
    out, start = {}, 1
    for heading, build in _SECTION_BUILDERS.items():
        count = len(build())
        out[heading] = list(range(start, start + count))
        start += count
    return out
