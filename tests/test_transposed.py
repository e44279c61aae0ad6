"""conv_transpose1d / conv_transpose2d with output_padding and dilation, and transpose_output_size.

Three independent checks: a scatter loop (each input sample adds a scaled, dilated copy of
the kernel), the adjoint identity <conv(z), y> == <z, convT(y)> (exact with integers), and
the zero-insertion picture (a stride-1 "full" correlation, by scipy.signal, of the flipped
kernel over the input with stride - 1 zeros between its samples, cropped by the padding).
Output lengths are checked against PyTorch's closed form.
"""

import numpy as np
import pytest
import scipy.signal
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import convlab
import convlab.layers
from convlab import (
    conv1d,
    conv2d,
    conv_transpose1d,
    conv_transpose2d,
    output_size,
    transpose_output_size,
)


def torch_size(n, k, s, p, op, d):
    """PyTorch's ConvTranspose output length."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def scatter1d(x, k, s, p, op, d):
    x, k = np.asarray(x), np.asarray(k)
    n_out = torch_size(len(x), len(k), s, p, op, d)
    full = np.zeros(p + n_out + (len(x) - 1) * s + d * (len(k) - 1) + 1,
                    dtype=np.result_type(x, k))
    for i in range(len(x)):
        for j in range(len(k)):
            full[i * s + j * d] += x[i] * k[j]
    return full[p : p + n_out]


def scatter2d(x, k, s, p, op, d):
    x, k = np.asarray(x), np.asarray(k)
    out = [torch_size(x.shape[a], k.shape[a], s[a], p[a], op[a], d[a]) for a in (0, 1)]
    full = np.zeros([p[a] + out[a] + (x.shape[a] - 1) * s[a] + d[a] * (k.shape[a] - 1) + 1
                     for a in (0, 1)], dtype=np.result_type(x, k))
    for i, j in np.ndindex(*x.shape):
        for a, b in np.ndindex(*k.shape):
            full[i * s[0] + a * d[0], j * s[1] + b * d[1]] += x[i, j] * k[a, b]
    return full[p[0] : p[0] + out[0], p[1] : p[1] + out[1]]


def zero_inserted(x, k, s, p, op, d):
    """Stride-1 full correlation of the flipped, dilated k over x with s - 1 zeros inserted."""
    x, k = np.atleast_1d(np.asarray(x)), np.asarray(k)
    s, p, op, d = (np.broadcast_to(v, (x.ndim,)) for v in (s, p, op, d))
    up = np.zeros([(n - 1) * si + 1 for n, si in zip(x.shape, s)], dtype=x.dtype)
    up[tuple(slice(None, None, si) for si in s)] = x
    kd = np.zeros([di * (m - 1) + 1 for m, di in zip(k.shape, d)], dtype=k.dtype)
    kd[tuple(slice(None, None, di) for di in d)] = k
    full = scipy.signal.correlate(up, kd[(slice(None, None, -1),) * k.ndim], mode="full",
                                  method="direct")
    full = np.pad(full, [(0, int(o)) for o in op])  # output_padding: samples at the end
    out = [torch_size(n, m, int(si), int(pi), int(oi), int(di))
           for n, m, si, pi, oi, di in zip(x.shape, k.shape, s, p, op, d)]
    return full[tuple(slice(int(pi), int(pi) + o) for pi, o in zip(p, out))]


# --------------------------------------------------------------------------- by hand


def test_hand_worked_cases():
    # copies [1,1,1] at 0 and [2,2,2] at 2 -> [1,1,3,2,2]; cut 1 each end -> [1,3,2];
    # output_padding 1 keeps one more sample at the end -> [1,3,2,2]
    assert conv_transpose1d([1, 2], [1, 1, 1], stride=2).tolist() == [1, 1, 3, 2, 2]
    assert conv_transpose1d([1, 2], [1, 1, 1], stride=2, padding=1).tolist() == [1, 3, 2]
    assert conv_transpose1d([1, 2], [1, 1, 1], stride=2, padding=1,
                            output_padding=1).tolist() == [1, 3, 2, 2]
    # dilation 3: copies [1,0,0,2] at 0 and [2,0,0,4] at 1
    assert conv_transpose1d([1, 2], [1, 2], dilation=3).tolist() == [1, 2, 0, 2, 4]
    # output_padding past the last copy (stride 3 > padding 0): zeros at the end
    assert conv_transpose1d([1, 2], [1, 1], stride=3, output_padding=2).tolist() == [
        1, 1, 0, 2, 2, 0, 0]
    # output_padding may reach the dilation when the stride is 1 (PyTorch's max(s, d))
    assert conv_transpose1d([1, 2], [1, 1], dilation=2, output_padding=1).tolist() == [
        1, 2, 1, 2, 0]


def test_the_seven_or_eight_ambiguity():
    # k=3, s=2, p=1 maps both 7 and 8 samples to 4; output_padding picks which comes back
    assert output_size(7, 3, stride=2, padding=1) == output_size(8, 3, stride=2, padding=1) == 4
    assert conv_transpose1d(np.ones(4), np.ones(3), stride=2, padding=1).shape == (7,)
    assert conv_transpose1d(np.ones(4), np.ones(3), stride=2, padding=1,
                            output_padding=1).shape == (8,)
    assert conv_transpose2d(np.ones((4, 4)), np.ones((3, 3)), stride=2, padding=1,
                            output_padding=(1, 0)).shape == (8, 7)


def test_2d_stamp_by_hand():
    # one pixel of 2 with a dilated 2x2 kernel: the taps land 2 apart
    got = conv_transpose2d([[2]], [[1, 2], [3, 4]], dilation=2)
    np.testing.assert_array_equal(got, [[2, 0, 4], [0, 0, 0], [6, 0, 8]])


# --------------------------------------------------------------------------- references


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    n=st.integers(1, 8),
    m=st.integers(1, 5),
    s=st.integers(1, 4),
    d=st.integers(1, 3),
    p=st.integers(0, 4),
    use_int=st.booleans(),
)
def test_conv_transpose1d_matches_scatter_and_zero_insertion(data, n, m, s, d, p, use_int):
    op = data.draw(st.integers(0, max(s, d) - 1))
    assume(torch_size(n, m, s, p, op, d) >= 1)
    elements = st.integers(-50, 50) if use_int else st.floats(-10, 10, allow_nan=False)
    dtype = np.int64 if use_int else np.float64
    x = data.draw(hnp.arrays(dtype, n, elements=elements))
    k = data.draw(hnp.arrays(dtype, m, elements=elements))
    got = conv_transpose1d(x, k, stride=s, padding=p, output_padding=op, dilation=d)
    assert got.shape == (torch_size(n, m, s, p, op, d),)
    assert transpose_output_size(n, m, stride=s, padding=p, output_padding=op,
                                 dilation=d) == got.shape[0]
    for want in (scatter1d(x, k, s, p, op, d), zero_inserted(x, k, s, p, op, d)):
        if use_int:
            assert got.dtype == np.int64
            np.testing.assert_array_equal(got, want)
        else:
            np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-9)


pairs = st.tuples(st.integers(1, 3), st.integers(1, 3))


@settings(max_examples=80, deadline=None)
@given(
    data=st.data(),
    shape=st.tuples(st.integers(1, 5), st.integers(1, 5)),
    kshape=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    s=pairs,
    d=pairs,
    p=st.tuples(st.integers(0, 3), st.integers(0, 3)),
)
def test_conv_transpose2d_matches_scatter_and_zero_insertion(data, shape, kshape, s, d, p):
    op = tuple(data.draw(st.integers(0, max(si, di) - 1)) for si, di in zip(s, d))
    assume(all(torch_size(*args) >= 1 for args in zip(shape, kshape, s, p, op, d)))
    x = data.draw(hnp.arrays(np.int64, shape, elements=st.integers(-20, 20)))
    k = data.draw(hnp.arrays(np.int64, kshape, elements=st.integers(-20, 20)))
    got = conv_transpose2d(x, k, stride=s, padding=p, output_padding=op, dilation=d)
    assert got.dtype == np.int64
    np.testing.assert_array_equal(got, scatter2d(x, k, s, p, op, d))
    np.testing.assert_array_equal(got, zero_inserted(x, k, s, p, op, d))


# --------------------------------------------------------------------------- the adjoint


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    n=st.integers(1, 20),
    m=st.integers(1, 5),
    s=st.integers(1, 4),
    d=st.integers(1, 3),
    p=st.integers(0, 3),
)
def test_adjoint_identity_1d(data, n, m, s, d, p):
    # z has n samples; conv1d(z) has q; convT(y) must come back to n samples, which fixes
    # output_padding = (n + 2p - d(m - 1) - 1) mod s (always below the stride)
    span = d * (m - 1) + 1
    assume(n + 2 * p >= span)
    q = (n + 2 * p - span) // s + 1
    op = (n + 2 * p - span) % s
    assert torch_size(q, m, s, p, op, d) == n  # the closed forms agree
    z = data.draw(hnp.arrays(np.int64, n, elements=st.integers(-30, 30)))
    y = data.draw(hnp.arrays(np.int64, q, elements=st.integers(-30, 30)))
    k = data.draw(hnp.arrays(np.int64, m, elements=st.integers(-30, 30)))
    forward = conv1d(z, k, stride=s, padding=p, dilation=d)
    back = conv_transpose1d(y, k, stride=s, padding=p, output_padding=op, dilation=d)
    assert forward.shape == (q,) and back.shape == (n,)
    assert int(forward @ y) == int(z @ back)


@settings(max_examples=80, deadline=None)
@given(
    data=st.data(),
    shape=st.tuples(st.integers(1, 9), st.integers(1, 9)),
    kshape=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    s=pairs,
    d=pairs,
    p=st.tuples(st.integers(0, 2), st.integers(0, 2)),
)
def test_adjoint_identity_2d(data, shape, kshape, s, d, p):
    spans = [di * (m - 1) + 1 for m, di in zip(kshape, d)]
    assume(all(n + 2 * pi >= sp for n, pi, sp in zip(shape, p, spans)))
    q = tuple((n + 2 * pi - sp) // si + 1 for n, pi, sp, si in zip(shape, p, spans, s))
    op = tuple((n + 2 * pi - sp) % si for n, pi, sp, si in zip(shape, p, spans, s))
    z = data.draw(hnp.arrays(np.int64, shape, elements=st.integers(-30, 30)))
    y = data.draw(hnp.arrays(np.int64, q, elements=st.integers(-30, 30)))
    k = data.draw(hnp.arrays(np.int64, kshape, elements=st.integers(-30, 30)))
    back = conv_transpose2d(y, k, stride=s, padding=p, output_padding=op, dilation=d)
    assert back.shape == shape
    assert int(np.sum(conv2d(z, k, stride=s, padding=p, dilation=d) * y)) == int(np.sum(z * back))


# --------------------------------------------------------------------------- sizes and errors


@given(
    n=st.integers(1, 50), k=st.integers(1, 7), s=st.integers(1, 5), d=st.integers(1, 4),
    p=st.integers(0, 5), data=st.data(),
)
def test_transpose_output_size_is_pytorchs_rule(n, k, s, d, p, data):
    op = data.draw(st.integers(0, max(s, d) - 1))
    want = torch_size(n, k, s, p, op, d)
    if want < 1:
        with pytest.raises(ValueError, match=r"padding \d+ is too large"):
            transpose_output_size(n, k, stride=s, padding=p, output_padding=op, dilation=d)
        return
    got = transpose_output_size(n, k, stride=s, padding=p, output_padding=op, dilation=d)
    assert got == want
    if op < s and got + 2 * p >= d * (k - 1) + 1:
        # the forward convolution takes the transposed output's length back to n
        assert output_size(got, k, stride=s, padding=p, dilation=d) == n


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"stride": 2, "output_padding": 2}, r"output_padding must be smaller than either stride "
                                           r"or dilation: got output_padding=2 with stride=2 "
                                           r"and dilation=1"),
        ({"output_padding": 1}, r"output_padding must be smaller than either stride"),
        ({"stride": 2, "dilation": 3, "output_padding": 3}, r"output_padding=3 with stride=2"),
        ({"output_padding": -1}, r"output_padding must be at least 0"),
        ({"dilation": 0}, r"dilation must be at least 1"),
    ],
)
def test_bad_output_padding_and_dilation(kwargs, match):
    for call in (
        lambda: conv_transpose1d([1, 2], [1, 1], **kwargs),
        lambda: conv_transpose2d(np.ones((2, 2)), np.ones((2, 2)), **kwargs),
        lambda: transpose_output_size(2, 2, **kwargs),
    ):
        with pytest.raises(ValueError, match=match):
            call()


def test_2d_pairs_are_checked_per_axis():
    along = r"output_padding=2 with stride=2 and dilation=1 \(along axis 1\)"
    with pytest.raises(ValueError, match=along):
        conv_transpose2d(np.ones((2, 2)), np.ones((2, 2)), stride=(3, 2), output_padding=(0, 2))
    with pytest.raises(ValueError, match=r"output_padding must be an integer or a pair"):
        conv_transpose2d(np.ones((2, 2)), np.ones((2, 2)), output_padding=(0, 0, 0))
    with pytest.raises(TypeError, match=r"output_padding must be an integer"):
        conv_transpose1d([1], [1], output_padding=0.5)


def test_defaults_unchanged_and_names_reexported():
    # existing callers: default output_padding 0 and dilation 1 are the old behaviour
    x = np.arange(12).reshape(3, 4)
    k = np.array([[1, -1], [2, 0]])
    np.testing.assert_array_equal(
        conv_transpose2d(x, k, stride=2, padding=1),
        scatter2d(x, k, (2, 2), (1, 1), (0, 0), (1, 1)),
    )
    assert convlab.layers.conv_transpose2d is convlab.conv_transpose2d
    assert convlab.layers.transpose_output_size is convlab.transpose_output_size
    assert "transpose_output_size" in convlab.__all__
