"""padding_mode (zeros, reflect, replicate, circular) against numpy.pad + a valid correlation.

The reference pads with ``numpy.pad`` itself (PyTorch's modes are numpy's "constant",
"reflect", "edge" and "wrap") and then computes a valid, strided, dilated correlation by
``sliding_window_view`` and ``einsum``: no convlab code in the expected values.
"""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from convlab import conv1d, conv2d
from convlab.channels import conv2d_layer

NUMPY_MODE = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}
MODES = list(NUMPY_MODE)


def ref_pads(padding, kshape, dilation):
    if padding == "valid":
        return [(0, 0)] * len(kshape)
    if padding == "same":
        totals = [d * (m - 1) for m, d in zip(kshape, dilation)]
        return [(t // 2, t - t // 2) for t in totals]
    return [(p, p) for p in padding]


def ref_valid(xp, k, stride, dilation):
    """Valid cross-correlation over the last k.ndim axes of xp, strided and dilated."""
    nd = k.ndim
    span = tuple(d * (m - 1) + 1 for m, d in zip(k.shape, dilation))
    view = np.lib.stride_tricks.sliding_window_view(xp, span, axis=tuple(range(-nd, 0)))
    lead = (slice(None),) * (xp.ndim - nd)
    view = view[lead + tuple(slice(None, None, s) for s in stride)
                + tuple(slice(None, None, d) for d in dilation)]
    letters = "abcdefgh"[: view.ndim - nd]
    taps = "wxyz"[:nd]
    return np.einsum(f"{letters}{taps},{taps}->{letters}", view, k)


def ref_conv(x, k, stride, padding, dilation, mode):
    x, k = np.asarray(x), np.asarray(k)
    pads = ref_pads(padding, k.shape, dilation)
    lead = [(0, 0)] * (x.ndim - k.ndim)
    xp = np.pad(x, lead + pads, mode=NUMPY_MODE[mode])
    return ref_valid(xp, k, stride, dilation)


def fits(n, m, d, pads, mode):
    before, after = pads
    if n + before + after < d * (m - 1) + 1:
        return False
    if mode == "reflect":
        return max(before, after) < n
    if mode == "circular":
        return max(before, after) <= n
    return True


def check_same(got, want, exact):
    assert got.shape == want.shape
    if exact:
        assert got.dtype == np.int64
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10)


# --------------------------------------------------------------------------- by hand


@pytest.mark.parametrize(
    "mode, padded",
    [
        ("zeros", [0, 0, 1, 2, 3, 0, 0]),
        ("reflect", [3, 2, 1, 2, 3, 2, 1]),
        ("replicate", [1, 1, 1, 2, 3, 3, 3]),
        ("circular", [2, 3, 1, 2, 3, 1, 2]),
    ],
)
def test_the_padded_signal_by_hand(mode, padded):
    # the kernel [1] with padding 2 returns the padded signal itself
    got = conv1d([1, 2, 3], [1], padding=2, padding_mode=mode)
    np.testing.assert_array_equal(got, padded)


def test_a_box_blur_by_hand():
    # [1, 1, 1] over [4, 2, 8] with padding 1: only the two border windows differ by mode
    x, k = [4, 2, 8], [1, 1, 1]
    assert conv1d(x, k, padding=1).tolist() == [0 + 4 + 2, 14, 2 + 8 + 0]
    assert conv1d(x, k, padding=1, padding_mode="reflect").tolist() == [2 + 4 + 2, 14, 2 + 8 + 2]
    assert conv1d(x, k, padding=1, padding_mode="replicate").tolist() == [4 + 4 + 2, 14, 2 + 8 + 8]
    assert conv1d(x, k, padding=1, padding_mode="circular").tolist() == [8 + 4 + 2, 14, 2 + 8 + 4]


def test_2d_corners_follow_numpy_pad():
    x = np.arange(1, 7).reshape(2, 3)
    got = conv2d(x, [[1]], padding=1, padding_mode="replicate")
    np.testing.assert_array_equal(
        got, [[1, 1, 2, 3, 3], [1, 1, 2, 3, 3], [4, 4, 5, 6, 6], [4, 4, 5, 6, 6]]
    )
    wrapped = conv2d(x, [[1]], padding=1, padding_mode="circular")
    np.testing.assert_array_equal(
        wrapped, [[6, 4, 5, 6, 4], [3, 1, 2, 3, 1], [6, 4, 5, 6, 4], [3, 1, 2, 3, 1]]
    )


def test_constant_signal_survives_a_normalised_blur_except_with_zeros():
    # why zeros darken the frame: replicate/reflect/circular keep a flat image flat
    x = np.full((6, 6), 5.0)
    k = np.full((3, 3), 1 / 9)
    for mode in ("reflect", "replicate", "circular"):
        np.testing.assert_allclose(conv2d(x, k, padding="same", padding_mode=mode), 5.0)
    dark = conv2d(x, k, padding="same")
    assert dark[0, 0] == pytest.approx(5 * 4 / 9) and dark[3, 3] == pytest.approx(5.0)


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    n=st.integers(1, 12),
    m=st.integers(1, 5),
    s=st.integers(1, 3),
    d=st.integers(1, 3),
    p=st.one_of(st.integers(0, 6), st.sampled_from(["same", "valid"])),
    mode=st.sampled_from(MODES),
    use_int=st.booleans(),
    flip=st.booleans(),
    method=st.sampled_from(["direct", "fft", "auto"]),
)
def test_conv1d_equals_numpy_pad_then_valid(data, n, m, s, d, p, mode, use_int, flip, method):
    assume(not (p == "same" and s != 1))
    padding = p if isinstance(p, str) else (p,)
    (pads,) = ref_pads(padding, (m,), (d,))
    assume(fits(n, m, d, pads, mode))
    elements = st.integers(-50, 50) if use_int else st.floats(-10, 10, allow_nan=False)
    dtype = np.int64 if use_int else np.float64
    x = data.draw(hnp.arrays(dtype, n, elements=elements))
    k = data.draw(hnp.arrays(dtype, m, elements=elements))
    got = conv1d(x, k, stride=s, padding=p, dilation=d, flip=flip, method=method,
                 padding_mode=mode)
    want = ref_conv(x, k[::-1] if flip else k, (s,), padding, (d,), mode)
    check_same(got, want, use_int)


pair = st.tuples(st.integers(1, 3), st.integers(1, 3))


@settings(max_examples=120, deadline=None)
@given(
    data=st.data(),
    shape=st.tuples(st.integers(1, 8), st.integers(1, 8)),
    kshape=st.tuples(st.integers(1, 4), st.integers(1, 4)),
    stride=pair,
    dilation=pair,
    p=st.one_of(st.tuples(st.integers(0, 5), st.integers(0, 5)), st.just("same")),
    mode=st.sampled_from(MODES),
    use_int=st.booleans(),
    method=st.sampled_from(["direct", "fft", "auto"]),
)
def test_conv2d_equals_numpy_pad_then_valid(data, shape, kshape, stride, dilation, p, mode,
                                            use_int, method):
    if p == "same":
        stride = (1, 1)
    pads = ref_pads(p, kshape, dilation)
    assume(all(fits(n, m, d, pd, mode) for n, m, d, pd in zip(shape, kshape, dilation, pads)))
    elements = st.integers(-50, 50) if use_int else st.floats(-10, 10, allow_nan=False)
    dtype = np.int64 if use_int else np.float64
    x = data.draw(hnp.arrays(dtype, shape, elements=elements))
    k = data.draw(hnp.arrays(dtype, kshape, elements=elements))
    got = conv2d(x, k, stride=stride, padding=p, dilation=dilation, method=method,
                 padding_mode=mode)
    check_same(got, ref_conv(x, k, stride, p, dilation, mode), use_int)


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    batch=st.sampled_from([None, 1, 2]),
    c_in=st.integers(1, 3),
    c_out=st.integers(1, 2),
    shape=st.tuples(st.integers(2, 7), st.integers(2, 7)),
    kshape=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    stride=pair,
    p=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    mode=st.sampled_from(MODES),
    method=st.sampled_from(["auto", "im2col", "direct", "fft"]),
)
def test_channels_layouts_pad_every_channel(data, batch, c_in, c_out, shape, kshape, stride, p,
                                            mode, method):
    pads = [(q, q) for q in p]
    assume(all(fits(n, m, 1, pd, mode) for n, m, pd in zip(shape, kshape, pads)))
    lead = (c_in,) if batch is None else (batch, c_in)
    x = data.draw(hnp.arrays(np.int64, lead + shape, elements=st.integers(-20, 20)))
    k = data.draw(hnp.arrays(np.int64, (c_out, c_in, *kshape), elements=st.integers(-5, 5)))
    xb = x if batch is not None else x[None]
    # reference: pad all channels with numpy, then sum valid correlations over C_in
    want = np.array([
        [sum(ref_conv(xb[i, c], k[o, c], stride, p, (1, 1), mode) for c in range(c_in))
         for o in range(c_out)]
        for i in range(xb.shape[0])
    ])
    if batch is None:
        want = want[0]
    got = conv2d(x, k, stride=stride, padding=p, padding_mode=mode)
    check_same(got, want, True)
    layer = conv2d_layer(x, k, stride=stride, padding=p, padding_mode=mode, method=method)
    check_same(layer, want, True)


def test_bias_with_a_plain_image_and_padding_mode():
    x = np.arange(9).reshape(3, 3)
    want = ref_conv(x, np.ones((2, 2), dtype=int), (1, 1), (1, 1), (1, 1), "reflect") + 7
    got = conv2d(x, np.ones((2, 2), dtype=int), padding=1, padding_mode="reflect", bias=[7])
    check_same(got, want, True)


def test_zeros_mode_is_the_default():
    rng = np.random.default_rng(0)
    x, k = rng.normal(size=(9, 11)), rng.normal(size=(3, 2))
    np.testing.assert_array_equal(
        conv2d(x, k, padding=2, padding_mode="zeros"), conv2d(x, k, padding=2)
    )


def test_limits_are_pytorchs():
    # reflect: padding < size (at size - 1 fine); circular: padding <= size
    assert conv1d([1, 2, 3], [1], padding=2, padding_mode="reflect").tolist() == [3, 2, 1, 2, 3,
                                                                                 2, 1]
    with pytest.raises(ValueError, match=r"padding must be smaller than the input for "
                                         r"padding_mode='reflect'.*padding asks for 3"):
        conv1d([1, 2, 3], [1], padding=3, padding_mode="reflect")
    assert conv1d([1, 2], [1], padding=2, padding_mode="circular").tolist() == [1, 2, 1, 2, 1, 2]
    with pytest.raises(ValueError, match=r"padding_mode='circular'.*wrap around more than once"):
        conv1d([1, 2], [1], padding=3, padding_mode="circular")
    with pytest.raises(ValueError, match=r"padding_mode='reflect' along axis 0"):
        conv2d(np.ones((2, 5)), np.ones((1, 1)), padding=(2, 1), padding_mode="reflect")
    # replicate has no limit
    assert conv1d([5], [1], padding=4, padding_mode="replicate").tolist() == [5] * 9


def test_inputs_are_not_modified():
    x = np.arange(12.0).reshape(3, 4)
    before = x.copy()
    conv2d(x, np.ones((2, 2)), padding=1, padding_mode="circular")
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("method", ["direct", "fft", "auto"])
@pytest.mark.parametrize("mode", ["reflect", "replicate", "circular"])
def test_huge_integers_stay_exact_with_every_mode(method, mode):
    # products near 2**60: float64 cannot hold these sums; the reference sums Python ints
    rng = np.random.default_rng(6)
    x = rng.integers(-(2**29), 2**29, size=(7, 9))
    k = rng.integers(-(2**29), 2**29, size=(3, 4))
    xp = np.pad(x, [(2, 2), (1, 1)], mode=NUMPY_MODE[mode]).astype(object)
    want = ref_valid(xp, k.astype(object), (1, 1), (1, 1))
    got = conv2d(x, k, padding=(2, 1), padding_mode=mode, method=method, flip=False)
    assert got.dtype == np.int64
    assert got.tolist() == want.tolist()
    flipped = conv2d(x, k[::-1, ::-1], padding=(2, 1), padding_mode=mode, method=method,
                     flip=True)
    assert flipped.tolist() == want.tolist()
