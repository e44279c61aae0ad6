"""Bad input never reaches numpy: a ValueError or TypeError that names the argument.

Each case is (call, exception, pattern); the pattern names the argument at fault and
says what was expected.
"""

import numpy as np
import pytest

import convlab
from convlab import (
    avg_pool2d,
    conv1d,
    conv2d,
    conv_matrix,
    conv_transpose1d,
    conv_transpose2d,
    convolve,
    correlate,
    get_kernel,
    max_pool2d,
    outer_diagonals,
    output_size,
    steps,
    steps2d,
    transpose_output_size,
)
from convlab.channels import conv2d_layer
from convlab.data import noisy_chart, photo, random_image, sawtooth
from convlab.kernels import box, gaussian1d, gaussian2d, identity

X2 = np.arange(16.0).reshape(4, 4)
K2 = np.ones((2, 2))
#: 9000 x 9000 zeros without the memory (one value seen 81 million times)
HUGE = np.lib.stride_tricks.as_strided(np.zeros(1), (9000, 9000), (0, 0))
HUGE_1D = np.lib.stride_tricks.as_strided(np.zeros(1), (9 * 10**7,), (0,))

CASES = {
    # convolve / correlate
    "empty x": (lambda: convolve([], [1]), ValueError, r"x must not be empty"),
    "0-d x": (lambda: convolve(3, [1]), ValueError, r"x must be 1-D or 2-D, got a 0-D"),
    "3-d h": (lambda: convolve([1], np.ones((1, 1, 1))), ValueError, r"h must be 1-D or 2-D"),
    "string x": (lambda: convolve("abc", [1]), TypeError, r"x must hold real numbers"),
    "bool h": (lambda: correlate([1, 2], [True]), TypeError, r"h must hold numbers, not bool"),
    "complex x": (lambda: convolve([1j, 2], [1]), TypeError, r"x must hold real numbers; complex"),
    "ragged x": (lambda: convolve([[1, 2], [3]], [[1]]), ValueError, r"x must be a rectangular"),
    "object h": (lambda: convolve([1], np.array([object()])), TypeError, r"h must hold real"),
    "None x": (lambda: correlate(None, [1]), TypeError, r"x must be an array of numbers"),
    "NaN x": (lambda: convolve([1.0, np.nan], [1]), ValueError, r"x must not contain NaN"),
    "inf h": (lambda: correlate([1.0], [np.inf]), ValueError, r"h must not contain NaN or inf"),
    "unknown mode": (lambda: convolve([1], [1], mode="circular"), ValueError, r"mode must be one"),
    "mode not str": (lambda: correlate([1], [1], mode=1), TypeError, r"mode must be a string"),
    "ndim mismatch": (lambda: convolve([1, 2], [[1]]), ValueError, r"h must have as many dim"),
    "valid no fit": (
        lambda: convolve(np.ones((2, 5)), np.ones((3, 3)), mode="valid"),
        ValueError,
        r"in 'valid' mode one of x and h must be at least as large",
    ),
    "huge full": (
        lambda: convolve(np.zeros((20_000, 1)), np.zeros((1, 20_000))),
        ValueError,
        r"the result would have shape \(20000, 20000\)",
    ),
    # outer_diagonals
    "outer 2-d y": (lambda: outer_diagonals([1], [[1]]), ValueError, r"y must be 1-D"),
    "outer huge": (
        lambda: outer_diagonals(np.zeros(20_000), np.zeros(20_000)),
        ValueError,
        r"the outer product of x and y would have shape",
    ),
    # conv1d / conv2d
    "conv2d 1-d x": (lambda: conv2d([1, 2, 3], K2), ValueError, r"x must be 2-D, got a 1-D"),
    "conv1d 2-d k": (lambda: conv1d([1, 2, 3], [[1]]), ValueError, r"k must be 1-D"),
    "conv2d empty k": (lambda: conv2d(X2, np.ones((0, 2))), ValueError, r"k must not be empty"),
    "stride 0": (lambda: conv2d(X2, K2, stride=0), ValueError, r"stride must be at least 1"),
    "stride float": (lambda: conv1d([1, 2], [1], stride=1.5), TypeError, r"stride must be an int"),
    "stride triple": (
        lambda: conv2d(X2, K2, stride=(1, 1, 1)),
        ValueError,
        r"stride must be an integer or a pair",
    ),
    "stride bool": (lambda: conv2d(X2, K2, stride=True), TypeError, r"stride must be an integer"),
    "dilation 0": (lambda: conv1d([1, 2], [1], dilation=0), ValueError, r"dilation must be at "),
    "padding -1": (lambda: conv2d(X2, K2, padding=-1), ValueError, r"padding must be at least 0"),
    "padding word": (
        lambda: conv2d(X2, K2, padding="full"),
        ValueError,
        r"padding must be one of 'valid', 'same'",
    ),
    "same strided": (
        lambda: conv2d(X2, K2, padding="same", stride=2),
        ValueError,
        r"padding='same' needs stride 1",
    ),
    "kernel too big": (
        lambda: conv2d(X2, np.ones((5, 1))),
        ValueError,
        r"k must fit inside x after padding along axis 0",
    ),
    "dilated too big": (
        lambda: conv1d([1, 2, 3], [1, 1], dilation=3),
        ValueError,
        r"k must fit inside x after padding: the kernel spans 4",
    ),
    "unknown method": (lambda: conv2d(X2, K2, method="slow"), ValueError, r"method must be one"),
    "flip not bool": (lambda: conv1d([1, 2], [1], flip="yes"), TypeError, r"flip must be True"),
    "absurd padding": (
        lambda: conv2d(X2, K2, padding=10**5),
        ValueError,
        r"x after padding would have shape",
    ),
    "memory limit fft": (
        lambda: conv2d(HUGE, K2, padding=1, method="fft"),
        ValueError,
        r"conv2d with method='fft' would need about .* GB of memory, over convlab's limit",
    ),
    "memory limit direct": (
        lambda: conv2d(HUGE, K2, padding=1, method="direct"),
        ValueError,
        r"conv2d with method='direct' would need about .* GB of memory",
    ),
    "memory limit auto": (
        lambda: conv1d(HUGE_1D, np.ones(3), padding=1),
        ValueError,
        r"conv1d with method='auto' would need about .* GB of memory",
    ),
    "work limit direct": (
        lambda: conv2d(np.zeros((3000, 3000)), np.ones((1500, 1500)), method="direct"),
        ValueError,
        r"conv2d with method='direct' would need 5.07e\+12 multiply-adds.*use method='fft'",
    ),
    # transposed
    "transpose padding too big": (
        lambda: conv_transpose1d([1, 2], [1, 1], padding=2),
        ValueError,
        r"padding 2 is too large",
    ),
    "transpose stride 0": (
        lambda: conv_transpose2d(X2, K2, stride=0),
        ValueError,
        r"stride must be at least 1",
    ),
    "transpose same": (
        lambda: conv_transpose2d(X2, K2, padding="same"),
        TypeError,
        r"padding must be an integer",
    ),
    "transpose huge": (
        lambda: conv_transpose2d(np.ones((3, 3)), K2, stride=10**5),
        ValueError,
        r"the result would have shape",
    ),
    "transpose output_padding": (
        lambda: conv_transpose1d([1, 2], [1, 1], stride=2, output_padding=2),
        ValueError,
        r"output_padding must be smaller than either stride or dilation",
    ),
    "transpose output_padding negative": (
        lambda: conv_transpose2d(X2, K2, output_padding=-1),
        ValueError,
        r"output_padding must be at least 0",
    ),
    "transpose output_padding triple": (
        lambda: conv_transpose2d(X2, K2, output_padding=(0, 0, 0)),
        ValueError,
        r"output_padding must be an integer or a pair",
    ),
    "transpose dilation 0": (
        lambda: conv_transpose1d([1, 2], [1, 1], dilation=0),
        ValueError,
        r"dilation must be at least 1",
    ),
    "transpose_output_size padding": (
        lambda: transpose_output_size(1, 1, padding=1),
        ValueError,
        r"padding 1 is too large",
    ),
    "transpose_output_size float": (
        lambda: transpose_output_size(3, 2, output_padding=0.5),
        TypeError,
        r"output_padding must be an integer",
    ),
    # padding modes
    "padding_mode unknown": (
        lambda: conv1d([1, 2, 3], [1], padding=1, padding_mode="mirror"),
        ValueError,
        r"padding_mode must be one of 'zeros', 'reflect', 'replicate', 'circular', got 'mirror'",
    ),
    "padding_mode not str": (
        lambda: conv2d(X2, K2, padding_mode=None),
        TypeError,
        r"padding_mode must be a string",
    ),
    "padding_mode numpy name": (
        lambda: conv2d(X2, K2, padding=1, padding_mode="edge"),
        ValueError,
        r"padding_mode must be one of",
    ),
    "reflect too much": (
        lambda: conv1d([1, 2, 3], [1], padding=3, padding_mode="reflect"),
        ValueError,
        r"padding must be smaller than the input for padding_mode='reflect'",
    ),
    "reflect same too much": (
        lambda: conv2d(np.ones((1, 5)), np.ones((3, 3)), padding="same", padding_mode="reflect"),
        ValueError,
        r"padding must be smaller than the input for padding_mode='reflect' along axis 0",
    ),
    "circular too much": (
        lambda: conv2d(X2, K2, padding=5, padding_mode="circular"),
        ValueError,
        r"padding must be at most the input size for padding_mode='circular'",
    ),
    "padding_mode layer": (
        lambda: conv2d_layer(X2[None], K2[None, None], padding_mode="wrap"),
        ValueError,
        r"padding_mode must be one of",
    ),
    # convolution matrix
    "conv_matrix dense huge": (
        lambda: conv_matrix(10**4, [1, 2, 3]),
        ValueError,
        r"the dense matrix would have shape \(9998, 10000\).*pass sparse=True",
    ),
    "conv_matrix n": (lambda: conv_matrix("4", [1]), TypeError, r"n must be an integer"),
    "conv_matrix k ndim": (lambda: conv_matrix(4, K2), ValueError, r"k must be 1-D for an int n"),
    "conv_matrix k fit": (
        lambda: conv_matrix((2, 2), np.ones((3, 3))),
        ValueError,
        r"k must fit inside the padded input along axis 0",
    ),
    "conv_matrix taps huge": (
        lambda: conv_matrix((3000, 3000), np.ones((3, 3)), padding=1, sparse=True),
        ValueError,
        r"the matrix would hold 81000000 taps .* which compute C @ x without the matrix",
    ),
    "conv_matrix sparse": (
        lambda: conv_matrix(4, [1], sparse="yes"),
        TypeError,
        r"sparse must be True or False",
    ),
    # pooling
    "pool size 0": (lambda: max_pool2d(X2, 0), ValueError, r"size must be at least 1"),
    "pool size too big": (lambda: avg_pool2d(X2, 5), ValueError, r"size must fit inside x"),
    "pool padding > half": (
        lambda: max_pool2d(X2, 2, padding=2),
        ValueError,
        r"padding must be at most half of size",
    ),
    "pool NaN": (lambda: max_pool2d([[np.nan]], 1), ValueError, r"x must not contain NaN"),
    "pool stride 0": (lambda: avg_pool2d(X2, 2, stride=0), ValueError, r"stride must be at least"),
    # output_size
    "output_size n 0": (lambda: output_size(0, 3), ValueError, r"n must be at least 1"),
    "output_size k float": (lambda: output_size(5, 2.0), TypeError, r"k must be an integer"),
    "output_size k too big": (lambda: output_size(3, 5), ValueError, r"k must fit inside"),
    "output_size stride 0": (lambda: output_size(5, 3, stride=0), ValueError, r"stride must be"),
    # steps
    "steps mode": (lambda: steps([1, 2], [1], "middle"), ValueError, r"mode must be one of"),
    "steps 2-d": (lambda: steps([[1, 2]], [1]), ValueError, r"x must be 1-D"),
    "steps flip": (lambda: steps([1, 2], [1], flip=None), TypeError, r"flip must be True"),
    "steps products huge": (
        lambda: steps(np.zeros(20_000), np.zeros(5_000)).products,
        ValueError,
        r"products of all 24999 steps of 5000 taps at once would be 124,995,000 numbers",
    ),
    "steps2d dilation": (lambda: steps2d(X2, K2, dilation=-1), ValueError, r"dilation must be"),
    # kernels
    "kernel unknown": (
        lambda: get_kernel("blur"),
        ValueError,
        r"name must be one of the known kernels: 'box', .*'vertical_edge'; got 'blur'",
    ),
    "kernel name type": (lambda: get_kernel(3), TypeError, r"name must be a string"),
    "kernel param": (lambda: get_kernel("laplacian", size=5), TypeError, r"takes no parameters"),
    "gaussian even": (lambda: gaussian1d(4, 1.0), ValueError, r"size must be odd"),
    "gaussian2d even": (lambda: gaussian2d(6), ValueError, r"size must be odd"),
    "identity even": (lambda: identity(2), ValueError, r"size must be odd"),
    "sigma 0": (lambda: gaussian1d(5, 0), ValueError, r"sigma must be a finite number above 0"),
    "sigma negative": (lambda: gaussian2d(5, -1.0), ValueError, r"sigma must be a finite number"),
    "sigma nan": (lambda: gaussian1d(5, float("nan")), ValueError, r"sigma must be a finite"),
    "sigma string": (lambda: gaussian1d(5, "3"), TypeError, r"sigma must be a real number"),
    "box 0": (lambda: box(0), ValueError, r"size must be at least 1"),
    "box huge": (lambda: box(10**5), ValueError, r"a kernel of size 100000 would have shape"),
    # data
    "sawtooth length": (lambda: sawtooth(210, 50), ValueError, r"length must be a multiple of"),
    "sawtooth period": (lambda: sawtooth(10, 1), ValueError, r"period must be at least 2"),
    "sawtooth huge": (lambda: sawtooth(10**9, 2), ValueError, r"the sawtooth would have shape"),
    "random_image shape": (lambda: random_image((0, 4)), ValueError, r"shape must be at least 1"),
    "random_image seed": (lambda: random_image(4, seed=-1), ValueError, r"seed must be at least"),
    "random_image huge": (
        lambda: random_image((10**5, 10**5)),
        ValueError,
        r"the image would have shape",
    ),
    "noisy_chart noise": (lambda: noisy_chart(10, noise=0), ValueError, r"noise must be a finite"),
    "noisy_chart n": (lambda: noisy_chart(1), ValueError, r"n must be at least 2"),
    "photo downsample": (lambda: photo(downsample=0), ValueError, r"downsample must be at least"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gets_a_clear_error(case):
    call, error, pattern = CASES[case]
    with pytest.raises(error, match=pattern):
        call()


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40


def test_errors_are_plain_valueerror_or_typeerror():
    # nothing from deep inside numpy: the message starts with the argument's name
    for case, (call, _, _) in CASES.items():
        try:
            call()
        except (ValueError, TypeError) as exc:
            assert type(exc) in (ValueError, TypeError), case
            assert "Traceback" not in str(exc)
        else:  # pragma: no cover - every case above raises
            pytest.fail(f"{case} did not raise")


def test_uint64_beyond_int64_is_refused():
    with pytest.raises(ValueError, match="x holds integers too large for int64"):
        convlab.convolve(np.array([2**63], dtype=np.uint64), [1])


def test_int_overflow_is_refused():
    with pytest.raises(ValueError, match="could overflow int64"):
        conv1d(np.array([2**40, 2**40]), np.array([2**30, 2**30]))
