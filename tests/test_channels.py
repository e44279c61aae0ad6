"""Convolution layers with channels, checked against loops written here and published values."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convlab.channels import avg_pool2d_layer, conv2d_layer, max_pool2d_layer
from convlab.layers import avg_pool2d, max_pool2d

# Zhang, Lipton, Li and Smola, Dive into Deep Learning, section 7.4 "Multiple Input and
# Multiple Output Channels": corr2d_multi_in(X, K) and corr2d_multi_in_out(X, stack(K, K+1, K+2)).
D2L_X = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
D2L_K = np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]])
D2L_Y = [[56, 72], [104, 120]]
D2L_Y3 = [[[56, 72], [104, 120]], [[76, 100], [148, 172]], [[96, 128], [192, 224]]]


def reference(x, k, bias, stride, padding, dilation):
    """y[n, o, i, j] = sum_{c, a, b} xp[n, c, i*s + a*d, j*s + b*d] k[o, c, a, b] + bias[o]."""
    n, _, h, w = x.shape
    c_out, _, kh, kw = k.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = (h + 2 * padding - dilation * (kh - 1) - 1) // stride + 1
    wo = (w + 2 * padding - dilation * (kw - 1) - 1) // stride + 1
    y = np.zeros((n, c_out, ho, wo), dtype=np.result_type(x, k))
    for i in range(ho):
        for j in range(wo):
            for a in range(kh):
                for b in range(kw):
                    patch = xp[:, :, i * stride + a * dilation, j * stride + b * dilation]
                    y[:, :, i, j] += patch @ k[:, :, a, b].T
    if bias is not None:
        y = y + np.asarray(bias)[:, None, None]
    return y


def test_d2l_multi_input_channels():
    y = conv2d_layer(D2L_X, D2L_K[None])
    assert y.dtype == np.int64
    np.testing.assert_array_equal(y, [D2L_Y])


def test_d2l_multi_output_channels():
    k = np.stack([D2L_K, D2L_K + 1, D2L_K + 2])
    for method in ("im2col", "direct", "fft"):
        np.testing.assert_array_equal(conv2d_layer(D2L_X, k, method=method), D2L_Y3)


def test_one_by_one_convolution_is_a_matrix_product_over_channels():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(3, 5, 6))
    w = rng.normal(size=(2, 3))
    expected = (w @ x.reshape(3, -1)).reshape(2, 5, 6)
    np.testing.assert_allclose(conv2d_layer(x, w[:, :, None, None]), expected, rtol=1e-12)
    np.testing.assert_allclose(np.einsum("oc,chw->ohw", w, x), expected, rtol=1e-12)


def test_bias_is_added_per_output_channel():
    y = conv2d_layer(D2L_X, np.stack([D2L_K, D2L_K]), bias=[1, -1])
    np.testing.assert_array_equal(y, [np.add(D2L_Y, 1), np.subtract(D2L_Y, 1)])


def test_integer_inputs_stay_exact():
    big = 2**40
    x = np.full((1, 2, 3, 3), big, dtype=np.int64)
    k = np.ones((1, 2, 2, 2), dtype=np.int64)
    k[0, 0, 0, 0] = 3
    y = conv2d_layer(x, k, bias=[1])
    assert y.dtype == np.int64
    assert int(y[0, 0, 0, 0]) == 10 * big + 1  # not representable in float64
    for method in ("direct", "fft"):
        np.testing.assert_array_equal(conv2d_layer(x, k, bias=[1], method=method), y)


def test_flip_flips_every_kernel():
    rng = np.random.default_rng(2)
    x, k = rng.normal(size=(2, 6, 5)), rng.normal(size=(3, 2, 3, 2))
    np.testing.assert_allclose(
        conv2d_layer(x, k, flip=True), conv2d_layer(x, k[:, :, ::-1, ::-1]), rtol=1e-12
    )


def test_same_padding_keeps_the_shape_with_an_even_kernel():
    rng = np.random.default_rng(3)
    x, k = rng.normal(size=(2, 2, 7, 6)), rng.normal(size=(3, 2, 2, 4))
    y = conv2d_layer(x, k, padding="same")
    assert y.shape == (2, 3, 7, 6)
    np.testing.assert_allclose(conv2d_layer(x, k, padding="same", method="direct"), y,
                               rtol=1e-10, atol=1e-12)


@settings(max_examples=250, deadline=None, derandomize=True, database=None)
@given(
    n=st.integers(1, 2), c_in=st.integers(1, 3), c_out=st.integers(1, 3),
    h=st.integers(1, 7), w=st.integers(1, 7), kh=st.integers(1, 3), kw=st.integers(1, 3),
    stride=st.integers(1, 3), padding=st.integers(0, 2), dilation=st.integers(1, 2),
    batched=st.booleans(), with_bias=st.booleans(), seed=st.integers(0, 2**16),
)
def test_layer_matches_the_loop_reference(
    n, c_in, c_out, h, w, kh, kw, stride, padding, dilation, batched, with_bias, seed
):
    assume(h + 2 * padding >= dilation * (kh - 1) + 1)
    assume(w + 2 * padding >= dilation * (kw - 1) + 1)
    rng = np.random.default_rng(seed)
    x = rng.integers(-9, 10, size=(n, c_in, h, w))
    k = rng.integers(-9, 10, size=(c_out, c_in, kh, kw))
    bias = rng.integers(-9, 10, size=c_out) if with_bias else None
    expected = reference(x, k, bias, stride, padding, dilation)
    args = {"bias": bias, "stride": stride, "padding": padding, "dilation": dilation}
    xin = x if batched else x[0]
    want = expected if batched else expected[0]
    for method in ("im2col", "direct", "fft", "auto"):
        y = conv2d_layer(xin, k, method=method, **args)
        assert y.dtype == np.int64, method
        np.testing.assert_array_equal(y, want, err_msg=method)
    yf = conv2d_layer(xin.astype(float), k.astype(float) / 4, **args)
    np.testing.assert_allclose(yf, reference(x, k / 4, bias, stride, padding, dilation)
                               [slice(None) if batched else 0], rtol=1e-12, atol=1e-12)


def test_auto_uses_the_fft_for_large_kernels_and_agrees():
    rng = np.random.default_rng(4)
    x, k = rng.normal(size=(1, 2, 80, 80)), rng.normal(size=(2, 2, 11, 11))
    np.testing.assert_allclose(conv2d_layer(x, k), conv2d_layer(x, k, method="im2col"),
                               rtol=1e-9, atol=1e-9)


def test_large_batches_are_built_in_chunks_with_the_same_result(monkeypatch):
    import convlab.channels as channels

    rng = np.random.default_rng(5)
    x, k = rng.normal(size=(7, 2, 6, 6)), rng.normal(size=(3, 2, 3, 3))
    whole = conv2d_layer(x, k)
    monkeypatch.setattr(channels, "_IM2COL_CHUNK", 2 * 16 * 9 * 2)  # two images per chunk
    np.testing.assert_array_equal(conv2d_layer(x, k), whole)
    monkeypatch.setattr(channels, "_IM2COL_CHUNK", 10)  # not even one image: tap by tap
    np.testing.assert_allclose(conv2d_layer(x, k), whole, rtol=1e-12, atol=1e-12)
    xi, ki = np.arange(84).reshape(1, 2, 7, 6), np.ones((2, 2, 2, 3), dtype=int)
    y = conv2d_layer(xi, ki, stride=2, padding=1, dilation=2)
    assert y.dtype == np.int64
    np.testing.assert_array_equal(y, reference(xi, ki, None, 2, 1, 2))


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(
    lead=st.sampled_from([(2,), (1, 3), (2, 2)]), h=st.integers(2, 7), w=st.integers(2, 7),
    size=st.integers(1, 3), stride=st.sampled_from([None, 1, 2]), padding=st.integers(0, 1),
    seed=st.integers(0, 2**16), floats=st.booleans(),
)
def test_pool_layers_match_the_2d_pools_channel_by_channel(
    lead, h, w, size, stride, padding, seed, floats
):
    assume(2 * padding <= size and h + 2 * padding >= size and w + 2 * padding >= size)
    rng = np.random.default_rng(seed)
    x = rng.integers(-9, 10, size=(*lead, h, w))
    if floats:
        x = x / 3
    for layer, pool in ((max_pool2d_layer, max_pool2d), (avg_pool2d_layer, avg_pool2d)):
        y = layer(x, size, stride=stride, padding=padding)
        flat = x.reshape(-1, h, w)
        expected = np.stack([pool(m, size, stride=stride, padding=padding) for m in flat])
        assert y.dtype == expected.dtype
        if layer is max_pool2d_layer:  # a maximum is exact; a mean may round differently
            np.testing.assert_array_equal(y.reshape(expected.shape), expected)
        else:
            np.testing.assert_allclose(y.reshape(expected.shape), expected, rtol=1e-14,
                                       atol=1e-15)
        assert y.shape[:-2] == lead


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: conv2d_layer(np.ones((3, 3)), np.ones((1, 1, 2, 2))), ValueError, "x must be"),
        (lambda: conv2d_layer(np.ones((1, 1, 1, 3, 3)), np.ones((1, 1, 2, 2))), ValueError,
         "5-D"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((2, 2))), ValueError,
         "k[None, None]"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((2, 2, 2))), ValueError, "k[None]"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((1, 3, 2, 2))), ValueError,
         "input channels"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((4, 2, 2, 2)), bias=[1, 2]),
         ValueError, "bias must have shape (C_out,) = (4,)"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((1, 2, 2, 2)), bias="a"), TypeError,
         "bias"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((1, 2, 4, 4))), ValueError,
         "k must fit"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((1, 2, 2, 2)), stride=0), ValueError,
         "stride"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((1, 2, 2, 2)), method="gpu"),
         ValueError, "method"),
        (lambda: conv2d_layer(np.ones((2, 3, 3)), np.ones((1, 2, 2, 2)), flip=1), TypeError,
         "flip"),
        (lambda: conv2d_layer([[[np.nan]]], np.ones((1, 1, 1, 1))), ValueError, "NaN"),
        (lambda: conv2d_layer(np.ones((2, 3, 3), dtype=int) * 2**40,
                              np.ones((1, 2, 2, 2), dtype=int) * 2**22), ValueError, "overflow"),
        (lambda: max_pool2d_layer(np.ones((3, 3)), 2), ValueError, "max_pool2d"),
        (lambda: avg_pool2d_layer(np.ones((1, 2, 3, 3)), 0), ValueError, "size"),
        (lambda: max_pool2d_layer(np.ones((1, 2, 3, 3)), 4), ValueError, "size must fit"),
    ],
)
def test_bad_shapes_get_a_clear_error(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


@pytest.mark.parametrize(
    "module", ["convlab.channels", "convlab.gradients", "convlab.shapes", "convlab.cnn"]
)
def test_new_numeric_modules_import_nothing_that_draws(module):
    import subprocess
    import sys

    code = (
        f"import sys, {module}\n"
        "print(','.join(m for m in ('matplotlib', 'ipywidgets', 'ipympl', 'IPython') "
        "if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import {module} loaded {out.stdout.strip()}"
