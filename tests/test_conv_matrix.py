"""conv_matrix: C @ x is the convolution, C.T @ y the transposed convolution.

Entries are checked by hand on tiny cases and against a matrix built independently, column
by column, as the image of each unit vector under a loop reference of the convolution.
"""

import numpy as np
import pytest
import scipy.sparse
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import convlab
from convlab import conv1d, conv2d, conv_matrix, conv_transpose1d, conv_transpose2d
from convlab.matrices import MAX_DENSE_ENTRIES


def loop_conv1d(x, k, s, p, d):
    xp = np.concatenate([np.zeros(p), np.asarray(x, float), np.zeros(p)])
    span = d * (len(k) - 1) + 1
    return np.array([sum(xp[i * s + j * d] * k[j] for j in range(len(k)))
                     for i in range((len(xp) - span) // s + 1)])


def matrix_by_unit_vectors(n, k, s, p, d):
    """Column c is the loop convolution of the c-th unit vector."""
    return np.stack([loop_conv1d(np.eye(n)[c], k, s, p, d) for c in range(n)], axis=1)


# --------------------------------------------------------------------------- by hand


def test_tiny_case_by_hand():
    C = conv_matrix(4, [1, 2, 3])
    assert C.dtype == np.int64
    np.testing.assert_array_equal(C, [[1, 2, 3, 0], [0, 1, 2, 3]])


def test_stride_padding_dilation_by_hand():
    # n=5, k=[1,2,3], stride 2, padding 1: windows read positions -1..1, 1..3, 3..5
    np.testing.assert_array_equal(
        conv_matrix(5, [1, 2, 3], stride=2, padding=1),
        [[2, 3, 0, 0, 0], [0, 1, 2, 3, 0], [0, 0, 0, 1, 2]],
    )
    # dilation 2 over 5 samples: one window reading 0, 2, 4
    np.testing.assert_array_equal(conv_matrix(5, [1, 2, 3], dilation=2), [[1, 0, 2, 0, 3]])


def test_2d_by_hand():
    # 2x2 kernel over a 2x3 image (row-major): two windows
    np.testing.assert_array_equal(
        conv_matrix((2, 3), [[1, 2], [3, 4]]),
        [[1, 2, 0, 3, 4, 0], [0, 1, 2, 0, 3, 4]],
    )


# --------------------------------------------------------------------------- C @ x


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    n=st.integers(1, 12),
    m=st.integers(1, 5),
    s=st.integers(1, 3),
    d=st.integers(1, 3),
    p=st.integers(0, 3),
    sparse=st.booleans(),
)
def test_matrix_times_x_is_conv1d(data, n, m, s, d, p, sparse):
    assume(n + 2 * p >= d * (m - 1) + 1)
    x = data.draw(hnp.arrays(np.int64, n, elements=st.integers(-50, 50)))
    k = data.draw(hnp.arrays(np.int64, m, elements=st.integers(-50, 50)))
    C = conv_matrix(n, k, stride=s, padding=p, dilation=d, sparse=sparse)
    dense = C.toarray() if sparse else C
    np.testing.assert_array_equal(dense, matrix_by_unit_vectors(n, k, s, p, d))
    np.testing.assert_array_equal(C @ x, loop_conv1d(x, k, s, p, d))
    np.testing.assert_array_equal(C @ x, conv1d(x, k, stride=s, padding=p, dilation=d))


pairs = st.tuples(st.integers(1, 3), st.integers(1, 3))


@settings(max_examples=80, deadline=None)
@given(
    data=st.data(),
    shape=st.tuples(st.integers(1, 7), st.integers(1, 7)),
    kshape=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    s=pairs,
    d=pairs,
    p=st.tuples(st.integers(0, 2), st.integers(0, 2)),
    sparse=st.booleans(),
)
def test_matrix_times_image_is_conv2d(data, shape, kshape, s, d, p, sparse):
    spans = [di * (m - 1) + 1 for m, di in zip(kshape, d)]
    assume(all(n + 2 * pi >= sp for n, pi, sp in zip(shape, p, spans)))
    x = data.draw(hnp.arrays(np.int64, shape, elements=st.integers(-50, 50)))
    k = data.draw(hnp.arrays(np.int64, kshape, elements=st.integers(-50, 50)))
    # reference: np.pad + a loop over windows
    xp = np.pad(x, [(pi, pi) for pi in p])
    out = [(n + 2 * pi - sp) // si + 1 for n, pi, sp, si in zip(shape, p, spans, s)]
    want = np.array([[np.sum(xp[i * s[0]: i * s[0] + spans[0]: d[0],
                                j * s[1]: j * s[1] + spans[1]: d[1]] * k)
                      for j in range(out[1])] for i in range(out[0])])
    C = conv_matrix(shape, k, stride=s, padding=p, dilation=d, sparse=sparse)
    assert C.shape == (out[0] * out[1], shape[0] * shape[1])
    np.testing.assert_array_equal((C @ x.ravel()).reshape(out), want)
    np.testing.assert_array_equal(
        (C @ x.ravel()).reshape(out), conv2d(x, k, stride=s, padding=p, dilation=d)
    )


# --------------------------------------------------------------------------- C.T


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    n=st.integers(1, 12),
    m=st.integers(1, 5),
    s=st.integers(1, 3),
    d=st.integers(1, 3),
    p=st.integers(0, 3),
)
def test_transpose_is_conv_transpose1d_and_the_adjoint(data, n, m, s, d, p):
    span = d * (m - 1) + 1
    assume(n + 2 * p >= span)
    op = (n + 2 * p - span) % s  # the output_padding that brings conv_transpose1d back to n
    k = data.draw(hnp.arrays(np.int64, m, elements=st.integers(-50, 50)))
    C = conv_matrix(n, k, stride=s, padding=p, dilation=d)
    x = data.draw(hnp.arrays(np.int64, n, elements=st.integers(-50, 50)))
    y = data.draw(hnp.arrays(np.int64, C.shape[0], elements=st.integers(-50, 50)))
    np.testing.assert_array_equal(
        C.T @ y, conv_transpose1d(y, k, stride=s, padding=p, output_padding=op, dilation=d)
    )
    assert int((C @ x) @ y) == int(x @ (C.T @ y))


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    shape=st.tuples(st.integers(1, 7), st.integers(1, 7)),
    kshape=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    s=pairs,
    d=pairs,
    p=st.tuples(st.integers(0, 2), st.integers(0, 2)),
)
def test_transpose_is_conv_transpose2d(data, shape, kshape, s, d, p):
    spans = [di * (m - 1) + 1 for m, di in zip(kshape, d)]
    assume(all(n + 2 * pi >= sp for n, pi, sp in zip(shape, p, spans)))
    op = tuple((n + 2 * pi - sp) % si for n, pi, sp, si in zip(shape, p, spans, s))
    out = tuple((n + 2 * pi - sp) // si + 1 for n, pi, sp, si in zip(shape, p, spans, s))
    k = data.draw(hnp.arrays(np.int64, kshape, elements=st.integers(-50, 50)))
    y = data.draw(hnp.arrays(np.int64, out, elements=st.integers(-50, 50)))
    C = conv_matrix(shape, k, stride=s, padding=p, dilation=d, sparse=True)
    np.testing.assert_array_equal(
        (C.T @ y.ravel()).reshape(shape),
        conv_transpose2d(y, k, stride=s, padding=p, output_padding=op, dilation=d),
    )


# --------------------------------------------------------------------------- sparse, dtypes, errors


def test_sparse_is_a_csr_array_of_the_taps_only():
    k = [1.5, 0.0, -2.0]
    C = conv_matrix(10, k, sparse=True)
    assert isinstance(C, scipy.sparse.csr_array)
    assert C.nnz == 8 * 2  # 8 windows, the zero tap not stored
    assert C.dtype == np.float64
    np.testing.assert_array_equal(C.toarray(), conv_matrix(10, k))


def test_same_and_valid_padding():
    x = np.arange(6)
    k = np.array([1, -2, 4, 1])
    for padding in ("same", "valid"):
        C = conv_matrix(6, k, padding=padding)
        np.testing.assert_array_equal(C @ x, conv1d(x, k, padding=padding))
    assert conv_matrix(6, k, padding="same").shape == (6, 6)


def test_a_large_sparse_matrix_is_cheap_and_correct():
    rng = np.random.default_rng(0)
    x, k = rng.normal(size=(200, 300)), rng.normal(size=(3, 3))
    C = conv_matrix((200, 300), k, padding=1, sparse=True)
    assert C.shape == (60_000, 60_000) and C.nnz <= 9 * 60_000
    np.testing.assert_allclose((C @ x.ravel()).reshape(200, 300), conv2d(x, k, padding=1))


def test_dense_size_guard_suggests_sparse():
    n = int(np.sqrt(MAX_DENSE_ENTRIES)) + 10
    with pytest.raises(ValueError, match=r"dense matrix would have shape .* pass sparse=True"):
        conv_matrix(n, [1.0])
    assert conv_matrix(n, [1.0], sparse=True).nnz == n


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: conv_matrix(4, [[1, 2]]), ValueError, r"k must be 1-D for an int n"),
        (lambda: conv_matrix((4, 4), [1, 2]), ValueError, r"k must be 2-D for a pair n"),
        (lambda: conv_matrix(0, [1]), ValueError, r"n must be at least 1"),
        (lambda: conv_matrix(4.0, [1]), TypeError, r"n must be an integer"),
        (lambda: conv_matrix((1, 2, 3), [1]), ValueError, r"n must be an integer .* or a pair"),
        (lambda: conv_matrix(2, [1, 2, 3]), ValueError, r"k must fit inside the padded input"),
        (lambda: conv_matrix(4, [1], stride=0), ValueError, r"stride must be at least 1"),
        (lambda: conv_matrix(4, [1], padding=-1), ValueError, r"padding must be at least 0"),
        (lambda: conv_matrix(4, [1], sparse=1), TypeError, r"sparse must be True or False"),
        (lambda: conv_matrix(4, [np.nan]), ValueError, r"k must not contain NaN"),
    ],
)
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_exported():
    assert "conv_matrix" in convlab.__all__ and convlab.conv_matrix is conv_matrix
