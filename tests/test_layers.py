"""conv1d / conv2d / transposed convolution / pooling / output_size against independent references.

The references below are deliberately naive: explicit zero padding with ``np.pad`` and a
Python loop over output positions, each taking ``np.sum`` of a window times the kernel.
"""

import math

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from convlab import (
    avg_pool2d,
    conv1d,
    conv2d,
    conv_transpose1d,
    conv_transpose2d,
    max_pool2d,
    output_size,
)

METHODS = ["direct", "fft", "auto"]


# --------------------------------------------------------------------------- references


def ref_pads(padding, kshape, dilation):
    """(before, after) per axis; "same" follows PyTorch: the odd zero goes after."""
    if padding == "valid":
        return [(0, 0)] * len(kshape)
    if padding == "same":
        totals = [d * (m - 1) for m, d in zip(kshape, dilation)]
        return [(t // 2, t - t // 2) for t in totals]
    return [(p, p) for p in padding]


def ref_conv2d(x, k, stride, padding, dilation, flip):
    x = np.asarray(x)
    k = np.asarray(k)
    if flip:
        k = k[::-1, ::-1]
    xp = np.pad(x, ref_pads(padding, k.shape, dilation))
    (s0, s1), (d0, d1) = stride, dilation
    span0, span1 = d0 * (k.shape[0] - 1) + 1, d1 * (k.shape[1] - 1) + 1
    rows = (xp.shape[0] - span0) // s0 + 1
    cols = (xp.shape[1] - span1) // s1 + 1
    out = np.zeros((rows, cols), dtype=np.result_type(x, k))
    for i in range(rows):
        for j in range(cols):
            window = xp[i * s0 : i * s0 + span0 : d0, j * s1 : j * s1 + span1 : d1]
            out[i, j] = np.sum(window * k)
    return out


def ref_transpose2d(x, k, stride, padding):
    x, k = np.asarray(x), np.asarray(k)
    (s0, s1), (p0, p1) = stride, padding
    full = np.zeros(
        ((x.shape[0] - 1) * s0 + k.shape[0], (x.shape[1] - 1) * s1 + k.shape[1]),
        dtype=np.result_type(x, k),
    )
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            full[i * s0 : i * s0 + k.shape[0], j * s1 : j * s1 + k.shape[1]] += x[i, j] * k
    return full[p0 : full.shape[0] - p0, p1 : full.shape[1] - p1]


def ref_pool(x, size, stride, padding, kind):
    x = np.asarray(x, dtype=float)
    fill = -np.inf if kind == "max" else 0.0
    xp = np.pad(x, [(padding[0],) * 2, (padding[1],) * 2], constant_values=fill)
    rows = (xp.shape[0] - size[0]) // stride[0] + 1
    cols = (xp.shape[1] - size[1]) // stride[1] + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            w = xp[i * stride[0] : i * stride[0] + size[0], j * stride[1] : j * stride[1] + size[1]]
            out[i, j] = w.max() if kind == "max" else w.mean()
    return out


# --------------------------------------------------------------------------- strategies

small_ints = st.integers(-9, 9)
small_floats = st.floats(-10, 10, allow_nan=False, width=64)


@st.composite
def images(draw, max_side=9, max_k=4):
    use_int = draw(st.booleans())
    elements = small_ints if use_int else small_floats
    dtype = np.int64 if use_int else np.float64
    shape = (draw(st.integers(1, max_side)), draw(st.integers(1, max_side)))
    kshape = (draw(st.integers(1, max_k)), draw(st.integers(1, max_k)))
    x = draw(hnp.arrays(dtype, shape, elements=elements))
    k = draw(hnp.arrays(dtype, kshape, elements=elements))
    return x, k


pairs13 = st.tuples(st.integers(1, 3), st.integers(1, 3))
paddings = st.one_of(
    st.tuples(st.integers(0, 3), st.integers(0, 3)), st.sampled_from(["valid", "same"])
)


def fits(xshape, kshape, pads, dilation):
    return all(
        n + b + a >= d * (m - 1) + 1 for n, m, (b, a), d in zip(xshape, kshape, pads, dilation)
    )


def check_same(got, want, integer):
    assert got.shape == want.shape
    if integer:
        assert got.dtype == np.int64
        np.testing.assert_array_equal(got, want)
    else:
        assert got.dtype == np.float64
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9)


# --------------------------------------------------------------------------- conv2d / conv1d


@settings(max_examples=600, deadline=None, derandomize=True, database=None)
@given(
    images(),
    pairs13,
    paddings,
    pairs13,
    st.booleans(),
    st.sampled_from(METHODS),
)
def test_conv2d_matches_loop_reference(xk, stride, padding, dilation, flip, method):
    x, k = xk
    if padding == "same" and stride != (1, 1):
        with pytest.raises(ValueError, match="padding='same' needs stride 1"):
            conv2d(x, k, stride=stride, padding=padding, dilation=dilation, method=method)
        return
    pads = ref_pads(padding, k.shape, dilation)
    if not fits(x.shape, k.shape, pads, dilation):
        with pytest.raises(ValueError, match="k must fit inside x"):
            conv2d(x, k, stride=stride, padding=padding, dilation=dilation, method=method)
        return
    got = conv2d(x, k, stride=stride, padding=padding, dilation=dilation, flip=flip, method=method)
    want = ref_conv2d(x, k, stride, padding, dilation, flip)
    check_same(got, want, x.dtype.kind == "i")
    # output_size predicts the shape on both axes
    for axis in range(2):
        p = padding if isinstance(padding, str) else padding[axis]
        assert got.shape[axis] == output_size(
            x.shape[axis], k.shape[axis], stride=stride[axis], padding=p, dilation=dilation[axis]
        )


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(
    st.booleans(),
    st.integers(1, 20),
    st.integers(1, 6),
    st.integers(1, 4),
    st.one_of(st.integers(0, 4), st.sampled_from(["valid", "same"])),
    st.integers(1, 3),
    st.booleans(),
    st.sampled_from(METHODS),
    st.data(),
)
def test_conv1d_matches_loop_reference(use_int, n, m, s, padding, d, flip, method, data):
    dtype, elements = (np.int64, small_ints) if use_int else (np.float64, small_floats)
    x = data.draw(hnp.arrays(dtype, n, elements=elements))
    k = data.draw(hnp.arrays(dtype, m, elements=elements))
    if padding == "same" and s != 1:
        return
    pads = ref_pads(padding if isinstance(padding, str) else (padding,), (m,), (d,))
    if not fits((n,), (m,), pads, (d,)):
        with pytest.raises(ValueError, match="k must fit inside x"):
            conv1d(x, k, stride=s, padding=padding, dilation=d, method=method)
        return
    got = conv1d(x, k, stride=s, padding=padding, dilation=d, flip=flip, method=method)
    p2 = padding if isinstance(padding, str) else (0, padding)
    want = ref_conv2d(x[None, :], k[None, :], (1, s), p2, (1, d), flip)[0]
    check_same(got, want, use_int)
    assert got.shape == (output_size(n, m, stride=s, padding=padding, dilation=d),)


@pytest.mark.parametrize("method", METHODS)
def test_conv2d_valid_equals_scipy_correlate_and_convolve(method):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(40, 33))
    k = rng.normal(size=(5, 4))
    np.testing.assert_allclose(
        conv2d(x, k, method=method), scipy.signal.correlate(x, k, mode="valid"), atol=1e-10
    )
    np.testing.assert_allclose(
        conv2d(x, k, flip=True, method=method),
        scipy.signal.convolve(x, k, mode="valid"),
        atol=1e-10,
    )


@pytest.mark.parametrize("method", METHODS)
def test_same_padding_with_odd_kernel_equals_scipy_same(method):
    rng = np.random.default_rng(2)
    x = rng.integers(-50, 50, size=(17, 12))
    k = rng.integers(-5, 5, size=(3, 5))
    np.testing.assert_array_equal(
        conv2d(x, k, padding="same", method=method), scipy.signal.correlate(x, k, mode="same")
    )


def test_same_padding_with_even_kernel_puts_the_extra_zero_after():
    # PyTorch's convention: [1, 2, 3, 4] padded to [1, 2, 3, 4, 0], windows of 2.
    np.testing.assert_array_equal(conv1d([1, 2, 3, 4], [1, 1], padding="same"), [3, 5, 7, 4])
    # with dilation 2 the kernel spans 3: one zero on each side, [0, 1, 2, 3, 4, 0]
    np.testing.assert_array_equal(
        conv1d([1, 2, 3, 4], [1, 1], padding="same", dilation=2), [2, 4, 6, 3]
    )


def test_seed_vectors():
    # HANDBOOK section 8: valid 2D correlation of 1..9 with [[0, 1], [1, 0]]
    x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    np.testing.assert_array_equal(conv2d(x, [[0, 1], [1, 0]]), [[6, 8], [12, 14]])
    # seed 003's output-size rule: ((n + 2 * padding - kernel) // stride) + 1
    for n, k, p, s in [(7, 3, 0, 1), (7, 3, 1, 2), (28, 5, 2, 1), (32, 4, 0, 4), (5, 5, 0, 3)]:
        assert output_size(n, k, padding=p, stride=s) == (n + 2 * p - k) // s + 1


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("stride", "pads", "dilation"),
    [((1, 1), (0, 0), (1, 1)), ((2, 3), (4, 9), (1, 1)), ((1, 1), (3, 3), (2, 1))],
)
def test_large_inputs_agree_across_methods_and_threads(method, stride, pads, dilation):
    # big enough for the threaded direct sum and the threaded FFT
    rng = np.random.default_rng(3)
    x = rng.normal(size=(301, 257))
    k = rng.normal(size=(15, 9))
    xp = np.pad(x, [(pads[0], pads[0]), (pads[1], pads[1])])
    want = scipy.signal.correlate(xp, _dilate(k, dilation), mode="valid")
    want = want[:: stride[0], :: stride[1]]
    got = conv2d(x, k, stride=stride, padding=pads, dilation=dilation, method=method)
    np.testing.assert_allclose(got, want, atol=1e-8)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("mode", "numpy_mode"), [("reflect", "reflect"), ("replicate", "edge"),
                                                  ("circular", "wrap")])
def test_large_inputs_with_padding_modes_agree_across_methods(method, mode, numpy_mode):
    # the threaded workers see x already padded by numpy.pad's own mode
    rng = np.random.default_rng(5)
    x = rng.normal(size=(301, 257))
    k = rng.normal(size=(15, 9))
    xp = np.pad(x, [(7, 7), (4, 4)], mode=numpy_mode)
    want = scipy.signal.correlate(xp, k, mode="valid")
    got = conv2d(x, k, padding="same", method=method, padding_mode=mode)
    np.testing.assert_allclose(got, want, atol=1e-8)


def _dilate(k, dilation):
    d0, d1 = dilation
    out = np.zeros(((k.shape[0] - 1) * d0 + 1, (k.shape[1] - 1) * d1 + 1))
    out[::d0, ::d1] = k
    return out


@pytest.mark.parametrize("method", METHODS)
def test_huge_integers_stay_exact(method):
    # products near 2**60: float64 cannot hold these sums, the result must still be exact
    rng = np.random.default_rng(4)
    x = rng.integers(-(2**29), 2**29, size=(9, 8))
    k = rng.integers(-(2**29), 2**29, size=(3, 2))
    got = conv2d(x, k, padding=1, method=method)
    want = np.array(
        [[sum(int(a) * int(b) for a, b in zip(w.ravel(), k.ravel())) for w in row] for row in
         np.lib.stride_tricks.sliding_window_view(np.pad(x, 1), (3, 2))],
        dtype=object,
    )
    assert got.dtype == np.int64
    assert got.tolist() == want.tolist()


@pytest.mark.parametrize("method", METHODS)
def test_integer_image_with_fft_is_exact(method):
    rng = np.random.default_rng(5)
    x = rng.integers(0, 256, size=(200, 180))
    k = rng.integers(-9, 10, size=(21, 21))
    want = scipy.signal.correlate(x, k, mode="valid", method="direct")
    got = conv2d(x, k, method=method)
    assert got.dtype == np.int64
    np.testing.assert_array_equal(got, want)


def test_int_and_float_mix_gives_float():
    got = conv1d([1, 2, 3], [0.5, 0.5])
    assert got.dtype == np.float64
    np.testing.assert_array_equal(got, [1.5, 2.5])


def test_inputs_are_not_modified():
    x = np.arange(12.0).reshape(3, 4)
    k = np.array([[1.0, -1.0]])
    x0, k0 = x.copy(), k.copy()
    conv2d(x, k, padding="same", flip=True)
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(k, k0)


# --------------------------------------------------------------------------- output_size


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(
    st.integers(1, 60), st.integers(1, 9), st.integers(1, 5), st.integers(0, 6), st.integers(1, 4)
)
def test_output_size_formula_and_shape(n, k, s, p, d):
    span = d * (k - 1) + 1
    if n + 2 * p < span:
        with pytest.raises(ValueError, match="k must fit"):
            output_size(n, k, stride=s, padding=p, dilation=d)
        return
    size = output_size(n, k, stride=s, padding=p, dilation=d)
    assert size == math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1
    assert conv1d(np.ones(n), np.ones(k), stride=s, padding=p, dilation=d).shape == (size,)
    # counted by hand: window starts 0, s, 2s, ... that fit
    assert size == len(range(0, n + 2 * p - span + 1, s))


def test_output_size_same_and_valid():
    assert output_size(10, 4, padding="same") == 10
    assert output_size(10, 4, padding="valid") == 7


# --------------------------------------------------------------------------- transposed


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(images(max_side=6, max_k=4), pairs13, st.tuples(st.integers(0, 2), st.integers(0, 2)))
def test_conv_transpose2d_matches_scatter_reference(xk, stride, padding):
    x, k = xk
    out = [(n - 1) * s + m - 2 * p for n, m, s, p in zip(x.shape, k.shape, stride, padding)]
    if min(out) < 1:
        with pytest.raises(ValueError, match="padding"):
            conv_transpose2d(x, k, stride=stride, padding=padding)
        return
    got = conv_transpose2d(x, k, stride=stride, padding=padding)
    check_same(got, ref_transpose2d(x, k, stride, padding), x.dtype.kind == "i")


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    st.data(),
    st.tuples(st.integers(1, 5), st.integers(1, 5)),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
    pairs13,
    st.tuples(st.integers(0, 2), st.integers(0, 2)),
    st.sampled_from(METHODS),
)
def test_transpose_is_the_adjoint_of_conv(data, yshape, kshape, stride, padding, method):
    # <conv2d(z, k), y> == <z, conv_transpose2d(y, k)>, exactly, with integers
    zshape = tuple((n - 1) * s + m - 2 * p for n, m, s, p in zip(yshape, kshape, stride, padding))
    if min(zshape) < 1:
        return
    z = data.draw(hnp.arrays(np.int64, zshape, elements=small_ints))
    y = data.draw(hnp.arrays(np.int64, yshape, elements=small_ints))
    k = data.draw(hnp.arrays(np.int64, kshape, elements=small_ints))
    forward = conv2d(z, k, stride=stride, padding=padding, method=method)
    assert forward.shape == yshape
    back = conv_transpose2d(y, k, stride=stride, padding=padding)
    assert back.shape == zshape
    assert int(np.sum(forward * y)) == int(np.sum(z * back))
    # and with floats, up to rounding
    zf, yf, kf = z + 0.25, y - 0.5, k * 0.75
    lhs = np.sum(conv2d(zf, kf, stride=stride, padding=padding, method=method) * yf)
    rhs = np.sum(zf * conv_transpose2d(yf, kf, stride=stride, padding=padding))
    assert lhs == pytest.approx(rhs, rel=1e-9, abs=1e-9)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(
    st.data(), st.integers(1, 8), st.integers(1, 5), st.integers(1, 4), st.integers(0, 3)
)
def test_transpose1d_is_the_adjoint_of_conv1d(data, n, m, s, p):
    zlen = (n - 1) * s + m - 2 * p
    if zlen < 1:
        with pytest.raises(ValueError, match="padding"):
            conv_transpose1d(np.ones(n), np.ones(m), stride=s, padding=p)
        return
    z = data.draw(hnp.arrays(np.int64, zlen, elements=small_ints))
    y = data.draw(hnp.arrays(np.int64, n, elements=small_ints))
    k = data.draw(hnp.arrays(np.int64, m, elements=small_ints))
    assert int(conv1d(z, k, stride=s, padding=p) @ y) == int(
        z @ conv_transpose1d(y, k, stride=s, padding=p)
    )


def test_conv_transpose_upsamples_by_the_stride():
    # stride 2, kernel 4, padding 1: the classic "double the size" layer
    y = conv_transpose2d(np.ones((5, 7)), np.ones((4, 4)), stride=2, padding=1)
    assert y.shape == (10, 14)


# --------------------------------------------------------------------------- pooling


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    images(max_side=9),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
    st.one_of(st.none(), pairs13),
    st.tuples(st.integers(0, 2), st.integers(0, 2)),
    st.sampled_from(["max", "avg"]),
)
def test_pooling_matches_loop_reference(xk, size, stride, padding, kind):
    x, _ = xk
    pool = max_pool2d if kind == "max" else avg_pool2d
    if any(2 * p > m for p, m in zip(padding, size)):
        with pytest.raises(ValueError, match="padding must be at most half of size"):
            pool(x, size, stride=stride, padding=padding)
        return
    if any(n + 2 * p < m for n, p, m in zip(x.shape, padding, size)):
        with pytest.raises(ValueError, match="size must fit"):
            pool(x, size, stride=stride, padding=padding)
        return
    got = pool(x, size, stride=stride, padding=padding)
    want = ref_pool(x, size, stride or size, padding, kind)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    if kind == "max":
        assert got.dtype == x.dtype
    else:
        assert got.dtype == np.float64
    s = stride or size
    assert got.shape == tuple(
        output_size(n, m, stride=si, padding=p) for n, m, si, p in zip(x.shape, size, s, padding)
    )


def test_pooling_by_hand():
    x = np.array([[1, 5, 2, 0], [3, 4, 8, 1], [0, 0, 1, 1], [9, 0, 1, 2]])
    np.testing.assert_array_equal(max_pool2d(x, 2), [[5, 8], [9, 2]])
    np.testing.assert_array_equal(avg_pool2d(x, 2), [[13 / 4, 11 / 4], [9 / 4, 5 / 4]])
    # padding 1, window 2, stride 2: the corners see only one real value each
    np.testing.assert_array_equal(max_pool2d(x, 2, padding=1)[0], [1, 5, 0])
